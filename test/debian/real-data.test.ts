/**
 * The committed Debian data + resolver against what real apt and the real images do.
 *
 * Ground truth used here:
 * - the research table apt-closure-bookworm.tsv (real apt 2.6 simulating installs on a
 *   fake debian:bookworm dpkg status), read from $LAYERLAB_RESEARCH_DIR
 *   (default: ../shared/research beside the repository, as on developer machines and CI) when present; skipped otherwise;
 * - calibration facts (issue "The layer-size and cache simulator on real package data" and
 *   the research's calibration cases A1-A3: buildpack-deps:bookworm-curl/-scm/bookworm);
 * - the package lists of the official images in docker-library/repo-info.
 */
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { debootstrapMinbase, resolveAptInstall } from '../../src/core/simulate/debian/index.ts';
import { debianDataPath, loadDebianIndex } from './load-index.ts';

const MB = (kib: number) => (kib * 1024) / 1e6;
const pct = (got: number, want: number) => (want === 0 ? (got === 0 ? 0 : Infinity) : ((got - want) / want) * 100);

describe('bookworm', () => {
  const index = loadDebianIndex('bookworm');
  const base = debootstrapMinbase(index);

  it('base set = debian:bookworm: 88 packages, ΣInstalled-Size 117,538 KiB (research, 2026-11-22)', () => {
    expect(base.names.size).toBe(88);
    expect(Math.abs(pct(base.installedSizeKiB, 117_538))).toBeLessThan(2);
    for (const name of ['apt', 'usr-is-merged', 'util-linux-extra', 'tzdata', 'libapt-pkg6.0', 'gcc-12-base']) {
      expect(base.names.has(name)).toBe(true);
    }
  });

  it('calibration: `apt-get install -y --no-install-recommends curl` = 16 packages, 12.0 MB', () => {
    const r = resolveAptInstall(index, ['curl'], { installed: base.names, installRecommends: false });
    expect(r.packages).toHaveLength(16);
    expect(MB(r.installedSizeKiB)).toBeCloseTo(12.0, 0);
    expect(Math.abs(pct(MB(r.installedSizeKiB), 12.0))).toBeLessThan(2);
  });

  it('calibration: gcc libc6-dev = 202.1 MB on buildpack-deps:bookworm-curl (210.2 MB on plain debian:bookworm)', () => {
    // buildpack-deps:bookworm-curl = debian:bookworm + this RUN (calibration case A1)
    const curlLayer = resolveAptInstall(index, ['ca-certificates', 'curl', 'gnupg', 'netbase', 'sq', 'wget'], {
      installed: base.names,
      installRecommends: false,
    });
    expect(curlLayer.packages).toHaveLength(39);
    expect(Math.abs(pct(curlLayer.installedSizeKiB, 46_316))).toBeLessThan(2);
    const onCurl = new Set([...base.names, ...curlLayer.packages.map((p) => p.name)]);
    const gcc = resolveAptInstall(index, ['gcc', 'libc6-dev'], { installed: onCurl, installRecommends: false });
    expect(Math.abs(pct(MB(gcc.installedSizeKiB), 202.1))).toBeLessThan(2);
    // on the plain base image the Kerberos/libssl3 chain of libc6-dev comes on top (real apt: 41 packages)
    const plain = resolveAptInstall(index, ['gcc', 'libc6-dev'], { installed: base.names, installRecommends: false });
    expect(plain.packages).toHaveLength(41);
    expect(plain.packages.map((p) => p.name)).toEqual(expect.arrayContaining(['libssl3', 'libkrb5-3', 'linux-libc-dev']));
    expect(Math.abs(pct(MB(plain.installedSizeKiB), 210.2))).toBeLessThan(2);
  });

  it('calibration A1-A3: the buildpack-deps:bookworm layers resolve to the research package counts and sums', () => {
    const installed = new Set(base.names);
    const layer = (names: string) => {
      const r = resolveAptInstall(index, names.split(' '), { installed, installRecommends: false });
      for (const p of r.packages) installed.add(p.name);
      expect(r.unknown).toEqual([]);
      expect(r.unsatisfied).toEqual([]);
      return r;
    };
    const curl = layer('ca-certificates curl gnupg netbase sq wget');
    const scm = layer('git mercurial openssh-client subversion procps');
    const full = layer(
      'autoconf automake bzip2 default-libmysqlclient-dev dpkg-dev file g++ gcc imagemagick libbz2-dev libc6-dev ' +
        'libcurl4-openssl-dev libdb-dev libevent-dev libffi-dev libgdbm-dev libglib2.0-dev libgmp-dev libjpeg-dev ' +
        'libkrb5-dev liblzma-dev libmagickcore-dev libmagickwand-dev libmaxminddb-dev libncurses5-dev libncursesw5-dev ' +
        'libpng-dev libpq-dev libreadline-dev libsqlite3-dev libssl-dev libtool libwebp-dev libxml2-dev libxslt-dev ' +
        'libyaml-dev make patch unzip xz-utils zlib1g-dev',
    );
    expect([curl.packages.length, scm.packages.length, full.packages.length]).toEqual([39, 38, 248]);
    expect(Math.abs(pct(MB(curl.installedSizeKiB), 47.4))).toBeLessThan(2);
    expect(Math.abs(pct(MB(scm.installedSizeKiB), 156.2))).toBeLessThan(2);
    expect(Math.abs(pct(MB(full.installedSizeKiB), 590.4))).toBeLessThan(2);
  });

  const researchDir = process.env['LAYERLAB_RESEARCH_DIR'] ?? fileURLToPath(new URL('../../../shared/research', import.meta.url));
  const table = join(researchDir, 'apt-closure-bookworm.tsv');

  it.skipIf(!existsSync(table))('matches the apt closures recorded in apt-closure-bookworm.tsv', () => {
    const rows = readFileSync(table, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    const report: string[] = [];
    let exact = 0;
    const failures: string[] = [];
    for (const [request = '', flags = '', , kib = '0', , , list = ''] of rows) {
      const recommends = flags === '--install-recommends';
      const r = resolveAptInstall(index, request.split(' '), { installed: base.names, installRecommends: recommends });
      const got = new Set(r.packages.map((p) => p.name));
      const want = new Set(list.split(' ').filter(Boolean));
      const missing = [...want].filter((n) => !got.has(n));
      const extra = [...got].filter((n) => !want.has(n));
      const delta = pct(r.installedSizeKiB, Number(kib));
      if (missing.length === 0 && extra.length === 0) exact++;
      const label = `${request} ${flags}`;
      if (missing.length || extra.length || delta !== 0) {
        report.push(
          `${label}: ${got.size}/${want.size} packages, ${r.installedSizeKiB}/${kib} KiB (${delta.toFixed(2)}%)` +
            `${missing.length ? ` missing: ${missing.join(' ')}` : ''}${extra.length ? ` extra: ${extra.join(' ')}` : ''}`,
        );
      }
      const allowed = recommends ? Math.max(1, Math.round(want.size * 0.02)) : 0;
      if (missing.length + extra.length > allowed) failures.push(`${label}: set differs (${missing.length + extra.length})`);
      if (Math.abs(delta) >= 2) failures.push(`${label}: Installed-Size ${delta.toFixed(2)}% off`);
    }
    console.log(
      `apt-closure-bookworm.tsv: ${exact}/${rows.length} requests resolve to exactly the package set real apt chose` +
        (report.length ? `; differences:\n  ${report.join('\n  ')}` : '; all Installed-Size sums identical'),
    );
    expect(rows.length).toBeGreaterThan(80);
    expect(failures).toEqual([]);
  });
});

describe('trixie', () => {
  const index = loadDebianIndex('trixie');
  const base = debootstrapMinbase(index);

  it('base set = the packages of the official debian:trixie image (repo-info 13.md, 2026-08-24)', () => {
    const image =
      'apt base-files base-passwd bash bsdutils coreutils dash debconf debian-archive-keyring debianutils ' +
      'diffutils dpkg findutils gcc-14-base grep gzip hostname init-system-helpers libacl1 libapt-pkg7.0 libattr1 ' +
      'libaudit-common libaudit1 libblkid1 libbsd0 libbz2-1.0 libc-bin libc6 libcap-ng0 libcap2 libcrypt1 libdb5.3t64 ' +
      'libdebconfclient0 libgcc-s1 libgmp10 libhogweed6t64 liblastlog2-2 liblz4-1 liblzma5 libmd0 libmount1 ' +
      'libnettle8t64 libpam-modules libpam-modules-bin libpam-runtime libpam0g libpcre2-8-0 libseccomp2 libselinux1 ' +
      'libsemanage-common libsemanage2 libsepol2 libsmartcols1 libsqlite3-0 libssl3t64 libstdc++6 libsystemd0 ' +
      'libtinfo6 libudev1 libuuid1 libxxhash0 libzstd1 login login.defs mawk mount ncurses-base ncurses-bin ' +
      'openssl-provider-legacy passwd perl-base sed sqv sysvinit-utils tar tzdata util-linux zlib1g';
    const names = image.split(' ').sort();
    expect(names).toHaveLength(78);
    expect([...base.names].sort()).toEqual(names);
  });

  it('resolves common installs without unknown names', () => {
    const r = resolveAptInstall(index, ['curl', 'ca-certificates', 'git'], { installed: base.names, installRecommends: false });
    expect(r.unknown).toEqual([]);
    expect(r.unsatisfied).toEqual([]);
    expect(r.packages.map((p) => p.name)).toEqual(expect.arrayContaining(['curl', 'libcurl4t64', 'git', 'perl']));
  });
});

describe('data files', () => {
  it.each(['bookworm', 'trixie'])('%s.json.gz stays within the browser budget and says where it came from', (release) => {
    const bytes = statSync(debianDataPath(release)).size;
    expect(bytes).toBeLessThanOrEqual(1_500_000);
    const { header } = loadDebianIndex(release);
    expect(header.release).toBe(release);
    expect(header.sources.map((s) => s.suite)).toEqual([release, `${release}-updates`, `${release}-security`]);
    for (const s of header.sources) {
      expect(s.site).toMatch(/^https?:\/\/deb\.debian\.org\/debian(-security)?$/);
      expect(s.releaseDate).toMatch(/\d{4} \d\d:\d\d:\d\d UTC$/);
    }
    expect(header.generator).toBe('scripts/debian-index.ts');
    expect(header.command).toMatch(/^node scripts\/debian-index\.ts/);
    expect(header.packageCount).toBeGreaterThan(60_000);
  });
});
