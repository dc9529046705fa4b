import { beforeAll, describe, expect, it } from 'vitest';
import { loadShellParser } from '../../node/shell-binaries.ts';
import { loadBaseImages } from '../../node/simulation-data.ts';
import { parseDockerfile } from '../parse/parse.ts';
import type { ShellParser } from '../shell/types.ts';
import type { BaseImageTable } from './base-images.ts';
import type { VirtualContext } from './context.ts';
import type { SimulateOptions } from './data.ts';
import { APK_INDEX, APT_LISTS, UNKNOWN_COMMAND } from './facts.ts';
import { simulateDockerfile } from './simulate.ts';
import type { LayerEstimate, SimulationResult } from './types.ts';

let shell: ShellParser;
let table: BaseImageTable;
beforeAll(async () => {
  shell = await loadShellParser();
  table = await loadBaseImages();
});

const simulate = (text: string, options: SimulateOptions = {}): SimulationResult => simulateDockerfile(parseDockerfile(text, { shell }).dockerfile, { baseImages: table }, options);
const layer = (r: SimulationResult, line: number): LayerEstimate => {
  const found = r.stages.flatMap((s) => s.layers).find((l) => l.instructionLine === line);
  if (!found) throw new Error(`no layer on line ${line}`);
  return found;
};

const BOOKWORM = 116_570_000;
const LISTS = APT_LISTS.bytes.value;
const CONTEXT: VirtualContext = {
  files: [
    { path: 'requirements.txt', bytes: 120 },
    { path: 'app/main.py', bytes: 4_000 },
    { path: 'app/util.py', bytes: 1_000 },
    { path: 'app/__pycache__/main.cpython-312.pyc', bytes: 9_000 },
    { path: 'node_modules/x/index.js', bytes: 50_000 },
    { path: '.git/objects/pack/big.pack', bytes: 2_000_000 },
    { path: 'logo.png', bytes: 30_000 },
  ],
  dockerignore: ['.git', 'node_modules', '**/__pycache__'],
};

describe('simulateDockerfile: single stage', () => {
  it('apt lists left behind: the base, the lists layer with its measured range, metadata at 0 B', () => {
    const r = simulate('FROM debian:bookworm\nRUN apt-get update\nENV A=1\nCMD ["bash"]\n');
    expect(r.image.layers.map((l) => [l.instructionLine, l.kind, l.bytes.value])).toEqual([
      [1, 'base', BOOKWORM],
      [2, 'filesystem', LISTS],
      [3, 'metadata', 0],
      [4, 'metadata', 0],
    ]);
    expect(layer(r, 2).bytes).toEqual(APT_LISTS.bytes);
    expect(layer(r, 2).bytes).toEqual({ value: 19_853_372, low: 19_612_372, high: 31_600_000 });
    expect(layer(r, 2).added).toEqual([{ path: '/var/lib/apt/lists', bytes: LISTS, what: 'apt package lists' }]);
    expect(layer(r, 2).source?.text).toContain('size-data.md §4c');
    expect(layer(r, 2).notes.join(' ')).toContain('stay in this layer');
    expect(r.image.totalBytes).toEqual({ value: BOOKWORM + LISTS, low: 116_565_000 + 19_612_372, high: 116_575_000 + 31_600_000 });
    expect(r.image.baseImage).toMatchObject({ name: 'debian:bookworm', entry: 'debian:bookworm', unknown: false });
    expect(r.image.baseImage?.source?.url).toBe('https://github.com/docker-library/repo-info/blob/857995de/repos/debian/local/bookworm.md');
    expect(r.unknowns).toEqual([]);
    expect(r.image.wastedBytes).toBe(0);
    expect(r.image.efficiency).toBe(1);
  });

  it('lists removed in the same RUN cost nothing; removed in a later RUN they stay and count as wasted', () => {
    const same = simulate('FROM debian:bookworm\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\n');
    expect(layer(same, 2).bytes.value).toBe(0);
    expect(same.image.totalBytes.value).toBe(BOOKWORM);
    expect(layer(same, 2).notes.join(' ')).toContain('removed before the layer is stored');

    const later = simulate('FROM debian:bookworm\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n');
    expect(later.image.totalBytes.value).toBe(BOOKWORM + LISTS);
    expect(layer(later, 3).bytes.value).toBe(0);
    expect(layer(later, 3).notes.join(' ')).toContain('only hides it (a whiteout)');
    // dive: the list files (lists/*) occur twice (file, whiteout): all of it is wasted.
    expect(later.image.wastedBytes).toBe(LISTS);
    expect(layer(later, 2).wastedBytes).toBe(LISTS);
    expect(later.image.efficiency).toBeCloseTo(BOOKWORM / (BOOKWORM + LISTS), 12);

    // Removing the directory itself: one whiteout on a new path, so dive sees no waste (its quirk).
    const dir = simulate('FROM debian:bookworm\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists\n');
    expect(dir.image.totalBytes.value).toBe(BOOKWORM + LISTS);
    expect([dir.image.wastedBytes, dir.image.efficiency]).toEqual([0, 1]);
  });

  it('apt-get clean does not touch the lists; dist-clean does, but not on bookworm', () => {
    const clean = simulate('FROM debian:bookworm\nRUN apt-get update && apt-get clean\n');
    expect(layer(clean, 2).bytes.value).toBe(LISTS);
    expect(layer(clean, 2).notes.join(' ')).toContain('`apt-get clean` does not delete the package lists');
    const bookworm = simulate('FROM debian:bookworm\nRUN apt-get update && apt-get dist-clean\n');
    expect(layer(bookworm, 2).bytes.value).toBe(0);
    expect(bookworm.problems.map((p) => p.message).join(' ')).toContain('not in the apt of Debian 12 bookworm');
    const trixie = simulate('FROM python:3.12-slim\nRUN apt-get update && apt-get dist-clean\n');
    expect(layer(trixie, 2).bytes.value).toBe(0);
    expect(trixie.problems).toEqual([]);
  });

  it('a second apt-get update while the lists are there adds nothing', () => {
    const r = simulate('FROM debian:bookworm\nRUN apt-get update\nRUN apt-get update\n');
    expect(layer(r, 3).bytes.value).toBe(0);
    expect(r.image.totalBytes.value).toBe(BOOKWORM + LISTS);
  });

  it('a cache mount on the lists keeps them out of the layer', () => {
    const r = simulate('FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n');
    expect(layer(r, 2).bytes.value).toBe(0);
    expect(layer(r, 2).notes.join(' ')).toContain('cache mount on /var/lib/apt/lists');
  });

  it('wrappers and exec form: `sudo apt-get update` and `["apt-get", "update"]` count once', () => {
    expect(layer(simulate('FROM debian:bookworm\nRUN sudo apt-get update\n'), 2).bytes.value).toBe(LISTS);
    expect(layer(simulate('FROM debian:bookworm\nRUN ["apt-get", "update"]\n'), 2).bytes.value).toBe(LISTS);
    expect(layer(simulate('FROM debian:bookworm\nRUN sh -c "apt-get update && rm -rf /var/lib/apt/lists/*"\n'), 2).bytes.value).toBe(0);
  });

  it('apt-get install without package data is unknown with the default range, and says so', () => {
    const r = simulate('FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n');
    const l = layer(r, 2);
    expect(l.unknown).toMatchObject({ line: 2, assumed: UNKNOWN_COMMAND });
    expect(l.unknown?.reason).toContain('package data not loaded');
    expect(l.unknown?.reason).toContain('curl');
    expect(l.bytes).toEqual({ value: 0, low: 0, high: UNKNOWN_COMMAND.high });
    expect(r.unknowns).toEqual([l.unknown]);
    expect(r.image.totalBytes).toEqual({ value: BOOKWORM, low: 116_565_000, high: 116_575_000 + UNKNOWN_COMMAND.high });
  });

  it('apk: --no-cache stores no index; plain add and update leave it unless removed in the same RUN', () => {
    const noCache = simulate('FROM alpine:3.21\nRUN apk add --no-cache curl\n');
    expect(layer(noCache, 2).added).toEqual([]);
    expect(layer(noCache, 2).unknown?.reason).toContain('apk package sizes are not loaded yet: curl');
    const plain = simulate('FROM alpine:3.21\nRUN apk add curl\n');
    expect(layer(plain, 2).added).toEqual([{ path: '/var/cache/apk', bytes: APK_INDEX.bytes.value, what: 'apk package index (APKINDEX.*.tar.gz)' }]);
    expect(layer(plain, 2).bytes).toEqual({ value: APK_INDEX.bytes.value, low: APK_INDEX.bytes.low, high: APK_INDEX.bytes.high + UNKNOWN_COMMAND.high });
    expect(layer(plain, 2).notes.join(' ')).toContain('apk add --no-cache');
    const update = simulate('FROM alpine:3.21\nRUN apk update\n');
    expect(layer(update, 2).bytes).toEqual(APK_INDEX.bytes);
    const cleaned = simulate('FROM alpine:3.21\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n');
    expect(layer(cleaned, 2).bytes.value).toBe(0);
    const cacheClean = simulate('FROM alpine:3.21\nRUN apk update && apk cache clean\n');
    expect(layer(cacheClean, 2).bytes.value).toBe(0);
  });

  it('an apk --virtual group deleted in the same RUN is assumed small', () => {
    const r = simulate('FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir x && apk del .build-deps\n');
    expect(layer(r, 2).unknown?.reason).toContain('.build-deps is deleted in this same RUN');
    expect(layer(r, 2).unknown?.reason).toContain('`pip` is not modelled yet');
  });

  it('unknown commands: one unknown per step, the default range, what is not modelled', () => {
    const r = simulate('FROM debian:bookworm\nRUN ./configure && make && make install\nRUN mkdir -p /app && cd /app && echo ok\n');
    expect(layer(r, 2).unknown).toEqual({
      line: 2,
      command: 'configure; make; make install',
      reason: '`configure` is not modelled yet; `make` is not modelled yet',
      assumed: UNKNOWN_COMMAND,
      assumedWhy: expect.stringContaining('one range for the whole step') as unknown as string,
    });
    expect(layer(r, 3).unknown).toBeNull();
    expect(layer(r, 3).bytes.value).toBe(0);
  });

  it('`# layerlab-size` states the size of an unknown step', () => {
    const r = simulate('FROM debian:bookworm\n# compiled from source\n# layerlab-size 45MB\nRUN make install\n');
    expect(layer(r, 4).bytes).toEqual({ value: 45_000_000, low: 45_000_000, high: 45_000_000 });
    expect(layer(r, 4).unknown).toBeNull();
    expect(layer(r, 4).source?.text).toBe('stated with `# layerlab-size` on line 3');
    const bad = simulate('FROM debian:bookworm\n# layerlab-size lots\nRUN make\n');
    expect(bad.problems[0]?.message).toContain('is not a size');
  });
});

describe('simulateDockerfile: base images', () => {
  it('scratch is 0 B; an unknown image is unknown with a clear message and a way to state its size', () => {
    const scratch = simulate('FROM scratch\nCOPY --from=busybox:latest /bin/busybox /bin/\n');
    expect(scratch.image.layers[0]?.bytes.value).toBe(0);
    expect(scratch.image.baseImage).toMatchObject({ name: 'scratch', unknown: false });
    const unknown = simulate('FROM myco/base:1\nCMD ["x"]\n');
    const u = unknown.unknowns[0];
    expect(u?.reason).toContain("myco/base:1 is not in Layerlab's base-image table");
    expect(u?.reason).toContain('# layerlab-size 120MB');
    expect(u?.reason).toContain('--base-size myco/base:1=120MB');
    expect(u?.assumed).toEqual({ value: 0, low: 0, high: 1_135_000_000 });
    expect(unknown.image.baseImage?.unknown).toBe(true);
  });

  it('the size can be stated in the Dockerfile or through options', () => {
    const comment = simulate('# layerlab-size 120MB\nFROM myco/base:1\n');
    expect(comment.image.totalBytes).toEqual({ value: 120_000_000, low: 120_000_000, high: 120_000_000 });
    expect(comment.unknowns).toEqual([]);
    expect(comment.image.baseImage?.source?.text).toBe('stated with `# layerlab-size` on line 1');
    const option = simulate('FROM myco/base:1\n', { baseImageSizes: { 'myco/base:1': 50_000_000 } });
    expect(option.image.totalBytes.value).toBe(50_000_000);
  });

  it('ARG defaults resolve the image; an ARG without a default is unknown', () => {
    expect(simulate('ARG V=3.21\nFROM alpine:${V}\n').image.totalBytes.value).toBe(7_800_000);
    expect(simulate('ARG BASE\nFROM ${BASE}\n').unknowns[0]?.reason).toContain('$BASE without a default value');
  });
});

describe('simulateDockerfile: COPY and ADD', () => {
  it('COPY from the context honours .dockerignore and WORKDIR', () => {
    const r = simulate('FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt .\nCOPY . .\n', { context: CONTEXT });
    expect(layer(r, 3).bytes.value).toBe(120);
    expect(layer(r, 3).added).toEqual([{ path: '/srv/requirements.txt', bytes: 120, what: 'requirements.txt from the build context' }]);
    // .git, node_modules and __pycache__ are ignored: 120 + 4000 + 1000 + 30000.
    expect(layer(r, 4).bytes.value).toBe(35_120);
    expect(layer(r, 4).added).toEqual([{ path: '/srv', bytes: 35_120, what: '4 files from . in the build context' }]);
    // requirements.txt is copied twice: dive counts both copies.
    expect(r.image.wastedBytes).toBe(240);
  });

  it('directories, globs, several sources and a destination file name', () => {
    const r = simulate('FROM scratch\nCOPY app /code/\nCOPY app/*.py /py/\nCOPY requirements.txt logo.png /assets/\nCOPY logo.png /img/brand.png\n', { context: CONTEXT });
    expect(layer(r, 2).added[0]).toEqual({ path: '/code', bytes: 5_000, what: '2 files from app in the build context' });
    expect(layer(r, 3).bytes.value).toBe(5_000);
    expect(layer(r, 4).bytes.value).toBe(30_120);
    expect(layer(r, 5).added).toEqual([{ path: '/img/brand.png', bytes: 30_000, what: 'logo.png from the build context' }]);
    expect(r.image.totalBytes.value).toBe(70_120);
    // logo.png: compressed already (÷1.0); the rest as files (÷2.5).
    expect(layer(r, 5).compressedBytes.value).toBe(30_000);
  });

  it('a source missing from the context is a problem (the build would stop); without a context COPY is unknown', () => {
    const missing = simulate('FROM scratch\nCOPY package.json /app/\n', { context: CONTEXT });
    expect(missing.problems).toEqual([{ line: 2, message: 'no file in the build context matches package.json (after .dockerignore): docker build stops here with "not found"' }]);
    const ignored = simulate('FROM scratch\nCOPY node_modules /app/node_modules\n', { context: CONTEXT });
    expect(ignored.problems[0]?.message).toContain('after .dockerignore');
    const none = simulate('FROM scratch\nCOPY . /app\n');
    expect(none.unknowns[0]?.reason).toContain('no build context was given');
    expect(none.contextKnown).toBe(false);
  });

  it('heredocs are exact; ADD of a URL and of a local archive are unknown', () => {
    const r = simulate('FROM scratch\nCOPY <<EOF /etc/app.conf\nport=8080\nEOF\nADD https://example.com/x.tgz /opt/\nADD vendor.tar.gz /opt/\n', {
      context: { files: [{ path: 'vendor.tar.gz', bytes: 1_000_000 }] },
    });
    expect(layer(r, 2).bytes.value).toBe(10);
    expect(layer(r, 5).unknown?.reason).toContain('size of remote files is not known');
    expect(layer(r, 6).unknown?.reason).toContain('ADD unpacks the local archive vendor.tar.gz');
    expect(layer(r, 6).unknown?.assumed).toEqual({ value: 1_000_000, low: 1_000_000, high: 101_000_000 });
  });

  it('chown -R after COPY stores the files again: the layer doubles them and dive counts both', () => {
    const r = simulate('FROM scratch\nCOPY app /app\nRUN chown -R 1000:1000 /app\n', { context: CONTEXT });
    expect(layer(r, 3).bytes.value).toBe(5_000);
    expect(layer(r, 3).notes.join(' ')).toContain('COPY --chown');
    expect(r.image.totalBytes.value).toBe(10_000);
    expect(r.image.wastedBytes).toBe(10_000);
    expect(r.image.efficiency).toBe(0.5);
  });
});

describe('simulateDockerfile: multi-stage', () => {
  const MULTI = [
    'FROM python:3.12-alpine AS builder',
    'RUN apk add --no-cache gcc musl-dev',
    'COPY requirements.txt .',
    'RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt',
    'FROM python:3.12-alpine AS test',
    'RUN apk add curl',
    'FROM python:3.12-alpine',
    'COPY --from=builder /requirements.txt /tmp/requirements.txt',
    'CMD ["python"]',
    '',
  ].join('\n');

  it('only the final stage counts; builder stages are listed with their role', () => {
    const r = simulate(MULTI, { context: CONTEXT });
    expect(r.target).toBe(2);
    expect(r.stages.map((s) => [s.name, s.role])).toEqual([
      ['builder', 'builder'],
      ['test', 'unused'],
      [null, 'target'],
    ]);
    expect(r.image.layers.map((l) => l.instructionLine)).toEqual([7, 8, 9]);
    expect(r.image.totalBytes.value).toBe(48_840_000 + 120);
    // The builder's unknown pip step does not reach the image: the copied file is known exactly.
    expect(r.unknowns).toEqual([]);
    expect(r.stages[0]?.layers.some((l) => l.unknown !== null)).toBe(true);
  });

  it('--target builds another stage', () => {
    const r = simulate(MULTI, { context: CONTEXT, target: 'TEST' });
    expect(r.target).toBe(1);
    expect(r.stages.map((s) => s.role)).toEqual(['unused', 'target', 'unused']);
    expect(r.image.layers.map((l) => l.instructionLine)).toEqual([5, 6]);
    const missing = simulate(MULTI, { target: 'nope' });
    expect(missing.problems[0]?.message).toContain('there is no stage named "nope"');
  });

  it('FROM <stage> continues that stage: its layers are part of the image', () => {
    const r = simulate('FROM debian:bookworm AS base\nRUN apt-get update\nFROM base\nRUN echo done\n');
    expect(r.stages.map((s) => s.role)).toEqual(['base-of-target', 'target']);
    expect(r.image.layers.map((l) => l.instructionLine)).toEqual([1, 2, 3, 4]);
    expect(r.image.totalBytes.value).toBe(BOOKWORM + LISTS);
    expect(layer(r, 3).notes[0]).toContain('continues stage "base"');
  });

  it('COPY --from a path made by an unknown step is unknown; from a missing path a problem', () => {
    const r = simulate('FROM golang:1.26-alpine AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\nCOPY --from=build /nope /x\n');
    expect(layer(r, 4).unknown?.reason).toBe('/out/app comes from the base image golang:1.26-alpine or the steps on line 2 that Layerlab could not size (stage "build")');
    const scratchBuilder = simulate('FROM scratch AS a\nCOPY app /app\nFROM scratch\nCOPY --from=a /nope /x\nCOPY --from=0 /app /app\n', { context: CONTEXT });
    expect(scratchBuilder.problems).toEqual([{ line: 4, message: '/nope does not exist in stage "a": docker build stops here with "not found"' }]);
    expect(layer(scratchBuilder, 5).bytes.value).toBe(5_000);
    expect(layer(scratchBuilder, 5).unknown).toBeNull();
  });
});

describe('simulateDockerfile: never throws', () => {
  it('odd input gives a result', () => {
    for (const text of ['', '\n', 'RUN x', 'FROM', 'FROM a b c d\nCOPY', 'FROM x\nRUN rm -rf /\nRUN rm -rf "$X"/*\nCOPY --from= a b\nWORKDIR\nADD', 'FROM x\nRUN $(echo rm) -rf /a && ${CMD}\n', 'FROM x\nSHELL ["pwsh","-c"]\nRUN Remove-Item x\n']) {
      const r = simulate(text, { context: CONTEXT });
      expect(r).toBeDefined();
    }
    expect(simulate('').problems[0]?.message).toContain('no FROM');
  });
});
