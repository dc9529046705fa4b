/** apt-get install/purge sized from the Debian package index, checked against measured layers. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadShellParser } from '../../node/shell-binaries.ts';
import { loadSimulationData } from '../../node/simulation-data.ts';
import { parseDockerfile } from '../parse/parse.ts';
import type { ShellParser } from '../shell/types.ts';
import type { SimulationData } from './data.ts';
import { APT_LISTS, UNKNOWN_COMMAND } from './facts.ts';
import { simulateDockerfile } from './simulate.ts';
import type { LayerEstimate, SimulationResult } from './types.ts';

let shell: ShellParser;
let data: SimulationData;
beforeAll(async () => {
  shell = await loadShellParser();
  data = await loadSimulationData({ debian: true });
}, 30_000);

const simulate = (text: string): SimulationResult => simulateDockerfile(parseDockerfile(text, { shell }).dockerfile, data);
const layer = (r: SimulationResult, line: number): LayerEstimate => {
  const found = r.stages.flatMap((s) => s.layers).find((l) => l.instructionLine === line);
  if (!found) throw new Error(`no layer on line ${line}`);
  return found;
};
const run = (packages: string) => `RUN apt-get update && apt-get install -y --no-install-recommends ${packages} && rm -rf /var/lib/apt/lists/*`;

const CURL = 'ca-certificates curl gnupg netbase sq wget';
const SCM = 'git mercurial openssh-client subversion procps';
const FULL =
  'autoconf automake bzip2 default-libmysqlclient-dev dpkg-dev file g++ gcc imagemagick libbz2-dev libc6-dev libcurl4-openssl-dev libdb-dev libevent-dev libffi-dev libgdbm-dev libglib2.0-dev libgmp-dev libjpeg-dev libkrb5-dev liblzma-dev libmagickcore-dev libmagickwand-dev libmaxminddb-dev libncurses5-dev libncursesw5-dev libpng-dev libpq-dev libreadline-dev libsqlite3-dev libssl-dev libtool libwebp-dev libxml2-dev libxslt-dev libyaml-dev make patch unzip xz-utils zlib1g-dev';

describe('apt-get install from the Debian index: calibration (calibration-cases A1–A3)', () => {
  it('buildpack-deps:bookworm-curl: 39 packages, 47.4 MB Installed-Size; the measured 48.4 MB layer is inside the range', () => {
    const l = layer(simulate(`FROM debian:bookworm\n${run(CURL)}\n`), 2);
    expect(l.added.find((a) => a.path === '(39 apt packages)')).toBeDefined();
    expect(l.notes[0]).toContain('apt installs 39 packages from Debian bookworm (47.4 MB Installed-Size)');
    // 0.975 × 46,316 KiB + 2 MB churn.
    expect(l.bytes.value).toBe(Math.round(46_316 * 1024 * 0.975) + 2_000_000);
    expect(l.bytes.low).toBeLessThanOrEqual(48_410_000);
    expect(l.bytes.high).toBeGreaterThanOrEqual(48_410_000);
    expect(l.unknown).toBeNull();
    expect(l.source?.text).toContain('calibrated on buildpack-deps');
  });

  it('bookworm-scm on bookworm-curl: 38 packages plus Python byte-code; the measured 177.2 MB is inside the range', () => {
    const l = layer(simulate(`FROM buildpack-deps:bookworm-curl\n${run(SCM)}\n`), 2);
    expect(l.notes[0]).toContain('apt installs 38 packages');
    expect(l.added.map((a) => a.path)).toEqual(['(dpkg and apt state, line 2)', '(python byte-code, line 2)', '(38 apt packages)']);
    expect(l.bytes.low).toBeLessThanOrEqual(177_220_000);
    expect(l.bytes.high).toBeGreaterThanOrEqual(177_220_000);
  });

  it('bookworm on bookworm-scm: 248 packages; the measured 587.8 MB is inside the range', () => {
    const l = layer(simulate(`FROM buildpack-deps:bookworm-scm\n${run(FULL)}\n`), 2);
    expect(l.notes[0]).toContain('apt installs 248 packages');
    expect(l.bytes.low).toBeLessThanOrEqual(587_750_000);
    expect(l.bytes.high).toBeGreaterThanOrEqual(587_750_000);
    expect(Math.abs(l.bytes.value - 587_750_000) / 587_750_000).toBeLessThan(0.02);
  });

  it('what the base image already has costs nothing', () => {
    const r = simulate(`FROM buildpack-deps:bookworm\n${run('curl git gcc')}\n`);
    expect(layer(r, 2).bytes.value).toBe(0);
    expect(layer(r, 2).notes[0]).toContain('already installed in the image; apt adds nothing');
  });
});

describe('apt-get install: options, slim images, releases', () => {
  it('recommends: apt installs them by default, and the note says what --no-install-recommends saves', () => {
    const withRecs = layer(simulate('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n'), 2);
    const without = layer(simulate(`FROM debian:bookworm\n${run('curl')}\n`), 2);
    expect(withRecs.bytes.value).toBeGreaterThan(without.bytes.value);
    expect(withRecs.notes[0]).toMatch(/\d+ of them only because apt installs recommended packages by default: `--no-install-recommends` saves about [\d.]+ MB/);
    // research apt-closure-bookworm.tsv: curl 16 packages, 12.0 MB without recommends.
    expect(without.notes[0]).toContain('apt installs 16 packages from Debian bookworm (12 MB Installed-Size)');
    const option = layer(simulate('FROM debian:bookworm\nRUN apt-get update && apt-get install -y -o APT::Install-Recommends=false curl && rm -rf /var/lib/apt/lists/*\n'), 2);
    expect(option.bytes).toEqual(without.bytes);
  });

  it('-slim images leave docs, man pages and locales out: smaller than on the full image', () => {
    const full = layer(simulate(`FROM debian:bookworm\n${run('curl')}\n`), 2);
    const slim = layer(simulate(`FROM debian:bookworm-slim\n${run('curl')}\n`), 2);
    expect(slim.bytes.value).toBeLessThan(full.bytes.value);
    expect(slim.notes[0]).toContain('this -slim image leaves out their docs, man pages and locales');
  });

  it('a tag that moved to trixie resolves against trixie; an incompletely known image has 0 as the low end', () => {
    const r = simulate(`FROM python:3.12-slim\n${run('libpq5')}\n`);
    expect(layer(r, 2).notes.join(' ')).toContain('from Debian trixie');
    expect(layer(r, 2).notes.join(' ')).toContain("the image's package list is only partly known");
    expect(layer(r, 2).bytes.low).toBe(1_000_000);
  });

  it('no package data for Ubuntu or an unknown image: unknown with the reason', () => {
    expect(layer(simulate(`FROM ubuntu:24.04\n${run('curl')}\n`), 2).unknown?.reason).toContain('package data for ubuntu 24.04 is not loaded');
    expect(layer(simulate(`FROM myco/base:1\n${run('curl')}\n`), 2).unknown?.reason).toContain('the base image is unknown');
    const noData = simulateDockerfile(parseDockerfile(`FROM debian:bookworm\n${run('curl')}\n`, { shell }).dockerfile, { baseImages: data.baseImages });
    expect(noData.unknowns[0]?.reason).toContain('package data not loaded');
  });

  it('packages from a variable: ARG/ENV values are used; unknown ones make the step unknown', () => {
    const known = layer(simulate(`FROM debian:bookworm\nARG PKGS="curl wget"\n${run('$PKGS')}\n`), 3);
    expect(known.notes[0]).toContain('apt installs');
    expect(known.unknown).toBeNull();
    const unknown = layer(simulate(`FROM debian:bookworm\n${run('$PKGS')}\n`), 2);
    expect(unknown.unknown?.reason).toContain('come from a variable without a known value');
  });

  it('a package that is not in Debian main is unknown (another repository, or apt fails)', () => {
    const l = layer(simulate(`FROM debian:bookworm\n${run('docker-ce')}\n`), 2);
    expect(l.unknown?.reason).toContain('docker-ce: not in Debian bookworm main');
    expect(l.unknown?.assumed).toEqual(UNKNOWN_COMMAND);
  });

  it('install without any apt-get update is a problem on the official Debian images', () => {
    const r = simulate('FROM debian:bookworm\nRUN apt-get install -y curl\n');
    expect(r.problems[0]?.message).toContain('runs before any `apt-get update`');
    expect(simulate('FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get install -y curl\n').problems).toEqual([]);
    expect(simulate('FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y curl\n').problems).toEqual([]);
  });
});

describe('apt-get purge: same RUN vs later RUN (technique 3)', () => {
  it('build deps purged in the same RUN never reach the layer; purged in a later RUN they stay', () => {
    const same = simulate('FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && apt-get purge -y --auto-remove gcc && rm -rf /var/lib/apt/lists/*\n');
    const l = layer(same, 2);
    expect(l.bytes.value).toBe(2_000_000);
    expect(l.notes.join(' ')).toMatch(/removes \d+ packages; [\d.]+ MB installed earlier in this RUN never reaches the layer/);

    const later = simulate(`FROM debian:bookworm\n${run('gcc')}\nRUN apt-get purge -y --auto-remove gcc\n`);
    expect(layer(later, 3).bytes.value).toBe(0);
    expect(layer(later, 3).notes.join(' ')).toContain('installed by an earlier RUN stays in that layer (only hidden here)');
    expect(later.image.totalBytes.value).toBe(116_570_000 + layer(later, 2).bytes.value);
    // dive: every purged package's files occur twice (file, whiteout), so they are all wasted.
    expect(later.image.wastedBytes).toBe(layer(later, 2).bytes.value - 2_000_000);
  });

  it("the official images' idiom: apt-mark auto '.*' + apt-mark manual $savedAptMark + purge --auto-remove", () => {
    const text = [
      'FROM python:3.12-slim-bookworm',
      'RUN set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc libpq-dev; \\',
      '    apt-mark auto ".*" > /dev/null; apt-mark manual $savedAptMark; \\',
      '    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; rm -rf /var/lib/apt/lists/*',
      '',
    ].join('\n');
    const l = layer(simulate(text), 2);
    expect(l.notes.join(' ')).toMatch(/removes (\d+) packages; [\d.]+ MB installed earlier in this RUN never reaches the layer/);
    expect(l.bytes.value).toBe(2_000_000);
  });

  it('apt lists: the fact is the same with package data loaded', () => {
    expect(layer(simulate('FROM debian:bookworm\nRUN apt-get update\n'), 2).bytes).toEqual(APT_LISTS.bytes);
  });
});
