import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIMULATE_OPTIONS } from '../../src/cli/commands/simulate.ts';
import { project, ROOT, runCli } from './helpers.ts';

interface JsonLayer {
  line: number;
  instruction: string;
  kind: string;
  bytes: number;
  low: number;
  high: number;
  wasted: number;
  cache: string;
  stage: number;
  added: { path: string; bytes: number; what: string }[];
  notes: string[];
  unknown: { reason: string; low: number; high: number } | null;
}
interface JsonSimulation {
  version: number;
  file: string;
  target: { index: number; name: string | null };
  totalBytes: number;
  totalLow: number;
  totalHigh: number;
  compressed: { bytes: number; low: number; high: number };
  wastedBytes: number;
  efficiency: number;
  baseImage: { name: string; bytes: number; source: string | null; sourceUrl: string | null; unknown: boolean } | null;
  layers: JsonLayer[];
  stages: { index: number; name: string | null; role: string; layers: JsonLayer[] }[];
  unknowns: { line: number; command: string; reason: string; low: number; high: number; assumedWhy: string }[];
  problems: { line: number; message: string }[];
  context: { dir: string; files: number; bytes: number; ignored: number; capped: boolean; dockerignore: string | null } | null;
}

const json = (stdout: string) => JSON.parse(stdout) as JsonSimulation;
/** A project without the .git and .layerlab.json the lint tests add, so the context is exactly `files`. */
const dir = (files: Record<string, string>) => project(files, { git: false, isolate: false });
const BOOKWORM = 116_570_000;
const LISTS = 19_853_372;
const APT = 'FROM debian:bookworm\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\nCMD ["bash"]\n';

describe('layerlab simulate', () => {
  it('json: per-layer bytes with ranges, wasted, cache state, totals and the base image with its source', async () => {
    const r = await runCli(['simulate', '--format', 'json'], { cwd: dir({ Dockerfile: APT }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = json(r.stdout);
    expect(out.layers.map((l) => [l.line, l.instruction, l.kind, l.bytes, l.wasted, l.cache])).toEqual([
      [1, 'FROM debian:bookworm', 'base', BOOKWORM, 0, 'unknown'],
      [2, 'RUN apt-get update', 'filesystem', LISTS, LISTS, 'unknown'],
      [3, 'RUN rm -rf /var/lib/apt/lists/*', 'filesystem', 0, 0, 'unknown'],
      [4, 'CMD ["bash"]', 'metadata', 0, 0, 'unknown'],
    ]);
    expect(out.layers[1]).toMatchObject({ low: 19_612_372, high: 31_600_000 });
    expect(out).toMatchObject({ version: 1, file: 'Dockerfile', totalBytes: BOOKWORM + LISTS, totalLow: 116_565_000 + 19_612_372, totalHigh: 116_575_000 + 31_600_000, wastedBytes: LISTS });
    expect(out.efficiency).toBeCloseTo(BOOKWORM / (BOOKWORM + LISTS), 12);
    expect(out.baseImage).toMatchObject({ name: 'debian:bookworm', bytes: BOOKWORM, unknown: false, source: 'docker-library/repo-info repos/debian/local/bookworm.md @857995de (Virtual Size)' });
    expect(out.unknowns).toEqual([]);
    expect(out.context).toEqual({ dir: '.', files: 1, bytes: APT.length, ignored: 0, capped: false, dockerignore: null });
  });

  it('text: a table with a bar per layer, totals, wasted and efficiency', async () => {
    const r = await runCli(['simulate'], { cwd: dir({ Dockerfile: APT }) });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Dockerfile');
    expect(r.stdout).toMatch(/ {4}1 {2}FROM debian:bookworm +117 MB {2}█{24}\n/);
    expect(r.stdout).toMatch(/ {4}2 {2}RUN apt-get update +19.9 MB {2}████▏?░* +19.6 MB–31.6 MB\n/);
    expect(r.stdout).toContain('Total       136 MB  (136 MB–148 MB)');
    expect(r.stdout).toContain('Wasted      19.9 MB');
    expect(r.stdout).toContain('Efficiency  85 %');
    expect(r.stdout).toContain('only hides it (a whiteout)');
    expect(r.stdout).toContain('source: docker-library/repo-info repos/debian/local/bookworm.md @857995de (Virtual Size), 2026-07-13');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('reads the build context: sizes from the files, .dockerignore applied, <Dockerfile>.dockerignore first', async () => {
    const cwd = dir({
      Dockerfile: 'FROM scratch\nCOPY . /app\n',
      'src/a.txt': 'x'.repeat(1000),
      'src/b.txt': 'y'.repeat(500),
      'secret.env': 'z'.repeat(70),
      'build/out.bin': 'o'.repeat(9000),
      '.dockerignore': 'build\n*.env\n',
    });
    const out = json((await runCli(['simulate', '-f', 'json'], { cwd })).stdout);
    // Dockerfile (25 B) + .dockerignore (12 B) + src/a.txt + src/b.txt.
    expect(out.layers[1]?.bytes).toBe(25 + 12 + 1500);
    expect(out.context).toMatchObject({ files: 4, ignored: 2, dockerignore: '.dockerignore' });
    const specific = dir({ 'app.Dockerfile': 'FROM scratch\nCOPY . /app\n', 'app.Dockerfile.dockerignore': '*\n!src\n', '.dockerignore': '', 'src/a.txt': 'x'.repeat(1000), 'other.txt': 'o' });
    const out2 = json((await runCli(['simulate', '-f', 'json', 'app.Dockerfile'], { cwd: specific })).stdout);
    expect(out2.layers[1]?.bytes).toBe(1000);
    expect(out2.context?.dockerignore).toBe('app.Dockerfile.dockerignore');
  });

  it('--context DIR, --no-context and stdin (no context unless --context)', async () => {
    const cwd = dir({ 'docker/Dockerfile': 'FROM scratch\nCOPY app.py /app/\n', 'app.py': 'p'.repeat(321) });
    const given = json((await runCli(['simulate', '-f', 'json', '--context', '.', 'docker/Dockerfile'], { cwd })).stdout);
    expect(given.layers[1]?.bytes).toBe(321);
    expect(given.file).toBe('docker/Dockerfile');
    const wrong = json((await runCli(['simulate', '-f', 'json', 'docker/Dockerfile'], { cwd })).stdout);
    expect(wrong.problems[0]?.message).toContain('no file in the build context matches app.py');
    const none = json((await runCli(['simulate', '-f', 'json', '--no-context', 'docker/Dockerfile'], { cwd })).stdout);
    expect(none.unknowns[0]?.reason).toContain('no build context was given');
    expect(none.context).toBeNull();
    const stdin = await runCli(['simulate', '-f', 'json', '-'], { cwd, input: 'FROM scratch\nCOPY app.py /app/\n' });
    expect(json(stdin.stdout)).toMatchObject({ file: '<stdin>', context: null });
    const stdinContext = await runCli(['simulate', '-f', 'json', '--context', '.', '-'], { cwd, input: 'FROM scratch\nCOPY app.py /app/\n' });
    expect(json(stdinContext.stdout).layers[1]?.bytes).toBe(321);
    const text = await runCli(['simulate', '--no-context', 'docker/Dockerfile'], { cwd });
    expect(text.stdout).toContain('No build context: COPY/ADD of local files are unknown. Pass --context DIR.');
  });

  it('multi-stage: only the final stage counts; builder stages are shown apart; --target picks another', async () => {
    const text = [
      'FROM golang:1.26-alpine AS build',
      'COPY main.go .',
      'RUN go build -o /out/app main.go',
      'FROM alpine:3.21 AS debug',
      'RUN apk add --no-cache strace',
      'FROM scratch',
      'COPY --from=build /go/main.go /src/main.go',
      'ENTRYPOINT ["/app"]',
      '',
    ].join('\n');
    const cwd = dir({ Dockerfile: text, 'main.go': 'g'.repeat(2500) });
    const out = json((await runCli(['simulate', '-f', 'json'], { cwd })).stdout);
    expect(out.target).toEqual({ index: 2, name: null });
    expect(out.stages.map((s) => s.role)).toEqual(['builder', 'unused', 'target']);
    expect(out.layers.map((l) => l.line)).toEqual([6, 7, 8]);
    expect(out.totalBytes).toBe(2500);
    expect(out.unknowns).toEqual([]);
    const plain = await runCli(['simulate', '--no-color'], { cwd });
    expect(plain.stdout).toContain('stage 0 "build": builder: not in the image, only what is copied from it');
    expect(plain.stdout).toContain('stage 1 "debug": not built for this target');
    expect(plain.stdout).toContain('Dockerfile — image of stage 2 (the last stage)');
    const debug = json((await runCli(['simulate', '-f', 'json', '--target', 'debug'], { cwd })).stdout);
    expect(debug.target).toEqual({ index: 1, name: 'debug' });
    expect(debug.totalBytes).toBe(7_800_000);
    expect(debug.unknowns[0]?.reason).toContain('apk package sizes are not loaded yet: strace');
    const missing = await runCli(['simulate', '--target', 'prod'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('layerlab simulate: --target prod: Dockerfile has no stage of that name. Its named stages are build, debug.\n');
  });

  it('an unknown base image is unknown with a clear message; --base-size or a comment states it', async () => {
    const cwd = dir({ Dockerfile: 'FROM myco/base:1\nRUN make\n' });
    const out = json((await runCli(['simulate', '-f', 'json'], { cwd })).stdout);
    expect(out.baseImage).toMatchObject({ name: 'myco/base:1', unknown: true, source: null });
    expect(out.unknowns.map((u) => u.line)).toEqual([1, 2]);
    expect(out.unknowns[0]?.reason).toContain('--base-size myco/base:1=120MB');
    const text = await runCli(['simulate'], { cwd });
    expect(text.stdout).toContain('Base image myco/base:1: unknown size');
    expect(text.stdout).toContain('`make` is not modelled yet');
    expect(text.stdout).toContain('assumed 0 B – 100 MB');
    const stated = json((await runCli(['simulate', '-f', 'json', '--base-size', 'myco/base:1=120MB'], { cwd })).stdout);
    expect(stated.baseImage).toMatchObject({ bytes: 120_000_000, unknown: false, source: 'stated with --base-size' });
    expect(stated.unknowns.map((u) => u.line)).toEqual([2]);
    const comment = json((await runCli(['simulate', '-f', 'json'], { cwd: dir({ Dockerfile: '# layerlab-size 80MiB\nFROM myco/base:1\n' }) })).stdout);
    expect(comment.totalBytes).toBe(80 * 1024 * 1024);
  });

  it('apt-get install is sized from the Debian package data (buildpack-deps:bookworm-curl measured 48.4 MB)', async () => {
    const text = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg netbase sq wget && rm -rf /var/lib/apt/lists/*\n';
    const out = json((await runCli(['simulate', '-f', 'json'], { cwd: dir({ Dockerfile: text }) })).stdout);
    const l = out.layers[1] as JsonLayer;
    expect(l.unknown).toBeNull();
    expect(l.low).toBeLessThanOrEqual(48_410_000);
    expect(l.high).toBeGreaterThanOrEqual(48_410_000);
    expect(l.added.map((a) => a.path)).toEqual(['(dpkg and apt state, line 2)', '(39 apt packages)']);
    expect(out.unknowns).toEqual([]);
  });

  it('usage and file errors exit 2 with a message; nothing on stdout', async () => {
    const cwd = dir({ Dockerfile: 'FROM debian:bookworm\n', 'NoFrom.Dockerfile': 'RUN echo\n', 'sub/x': '' });
    const cases: [string[], string][] = [
      [['simulate', 'missing.Dockerfile'], 'layerlab simulate: cannot read missing.Dockerfile: no such file or directory.'],
      [['simulate', 'sub'], 'it is a directory, not a file. Pass the Dockerfile inside it, e.g. sub/Dockerfile.'],
      [['simulate', 'Dockerfile', 'NoFrom.Dockerfile'], 'one Dockerfile at a time'],
      [['simulate', 'NoFrom.Dockerfile'], 'NoFrom.Dockerfile has no FROM instruction'],
      [['simulate', '--context', 'nope'], 'build context nope: no such file or directory'],
      [['simulate', '--context', 'Dockerfile'], 'build context Dockerfile is not a directory'],
      [['simulate', '--context', '.', '--no-context'], '--context and --no-context contradict each other'],
      [['simulate', '--format', 'xml'], '--format "xml" is not one of text, json'],
      [['simulate', '--base-size', 'myco/base'], '--base-size "myco/base" is not IMAGE=SIZE'],
      [['simulate', '--base-size', 'x=lots'], '--base-size "x=lots" is not IMAGE=SIZE'],
      [['simulate', '--fromat', 'json'], 'unknown option --fromat. Did you mean --format?'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    const empty = await runCli(['simulate'], { cwd: dir({}) });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no FILE given and there is no Dockerfile in');
    expect(empty.stderr).toContain('Usage: layerlab simulate');
  });

  it('help simulate, simulate --help and -h print the options', async () => {
    const cwd = dir({});
    const outputs = await Promise.all([runCli(['help', 'simulate'], { cwd }), runCli(['simulate', '--help'], { cwd }), runCli(['simulate', '-h'], { cwd })]);
    for (const r of outputs) {
      expect(r.code).toBe(0);
      for (const flag of ['--format', '--target', '--context', '--no-context', '--base-size', '--no-color']) expect(r.stdout).toContain(flag);
    }
    expect(outputs[0]?.stdout).toBe(outputs[1]?.stdout);
    expect((await runCli(['--help'], { cwd })).stdout).toContain('layerlab simulate [options] [FILE|-]');
  });

  it('colours only on request', async () => {
    const cwd = dir({ Dockerfile: 'FROM debian:bookworm\nRUN make\n' });
    expect((await runCli(['simulate'], { cwd, env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[33m');
    expect((await runCli(['simulate', '--no-color'], { cwd, env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
});

describe('README: Simulating layer sizes', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Simulating layer sizes\n');
  const chapter = readme.slice(start, readme.indexOf('\n## ', start + 5) === -1 ? undefined : readme.indexOf('\n## ', start + 5));

  it('documents every option', () => {
    expect(start).toBeGreaterThan(-1);
    for (const [name, spec] of Object.entries(SIMULATE_OPTIONS)) {
      if (name === 'help') continue;
      expect(chapter).toContain(`\`--${name}`);
      if (spec.short) expect(chapter).toContain(`\`-${spec.short}\``);
    }
  });

  it('the JSON example is what the CLI prints for the example Dockerfile', async () => {
    const json = chapter.slice(chapter.indexOf('\n### JSON output\n'));
    const dockerfile = /```dockerfile\n([\s\S]*?)```/.exec(json)?.[1] ?? '';
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(json)?.[1] ?? '{}') as JsonSimulation;
    const cwd = dir({ Dockerfile: dockerfile, 'main.go': 'x'.repeat(1000), '.dockerignore': '.git\n' });
    const actual = json2(await runCli(['simulate', '-f', 'json'], { cwd }));
    // The README shortens the arrays of layers and shows version 0.1.0.
    (actual as unknown as { tool: { version: string } }).tool.version = '0.1.0';
    actual.layers = actual.layers.filter((l) => l.line === 2);
    for (const s of actual.stages) s.layers = [];
    expect(actual).toEqual(example);
  });
});

function json2(r: { stdout: string }): JsonSimulation {
  return JSON.parse(r.stdout) as JsonSimulation;
}
