import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APT, isolatedConfig, LATEST, project, ruleIds, runCli, type JsonOutput } from './helpers.ts';

const json = (stdout: string) => JSON.parse(stdout) as JsonOutput;

describe('layerlab lint: configuration', () => {
  it('finds the nearest .layerlab.json upward from the current directory', async () => {
    const root = project({ '.layerlab.json': isolatedConfig({ ignore: ['DL3007'] }), 'svc/Dockerfile': LATEST });
    const r = await runCli(['lint', '-f', 'json', 'Dockerfile'], { cwd: path.join(root, 'svc') });
    expect(r.code).toBe(0);
    expect(ruleIds(json(r.stdout))).toEqual([]);
    // A nearer one wins.
    writeFileSync(path.join(root, 'svc', '.layerlab.json'), isolatedConfig());
    expect(ruleIds(json((await runCli(['lint', '-f', 'json'], { cwd: path.join(root, 'svc') })).stdout))).toEqual(['no-latest-tag']);
  });

  it('stops searching at a directory that contains .git', async () => {
    const outer = project({ '.layerlab.json': isolatedConfig({ ignore: ['DL3007'] }) }, { git: false });
    mkdirSync(path.join(outer, 'repo', '.git'), { recursive: true });
    writeFileSync(path.join(outer, 'repo', 'Dockerfile'), LATEST);
    const r = await runCli(['lint', '-f', 'json', '--ignore', 'no-apt-lists-left-behind'], { cwd: path.join(outer, 'repo') });
    expect(ruleIds(json(r.stdout))).toContain('no-latest-tag');
  });

  it('--config FILE is used instead of the nearest one; a missing one is an error', async () => {
    const cwd = project({ Dockerfile: LATEST, 'ci/lint.json': isolatedConfig({ ignore: ['no-latest-tag'] }) });
    const r = await runCli(['lint', '-f', 'json', '--config', 'ci/lint.json'], { cwd });
    expect(ruleIds(json(r.stdout))).toEqual([]);
    const missing = await runCli(['lint', '-c', 'ci/nope.json'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('layerlab: cannot read config file ci/nope.json: no such file or directory. Check the path given to --config.\n');
  });

  it('merge order: defaults < config file < flags; lists concatenate', async () => {
    const cwd = project({ Dockerfile: 'FROM node:latest\nRUN apt-get update\n', '.layerlab.json': isolatedConfig({ failureThreshold: 'warning', ignore: ['DL3007'] }) });
    // Config: threshold warning, latest ignored -> only the info finding, which passes.
    const config = await runCli(['lint', '-f', 'json'], { cwd });
    expect(ruleIds(json(config.stdout))).toEqual(['no-apt-lists-left-behind']);
    expect(json(config.stdout).summary['failureThreshold']).toBe('warning');
    expect(config.code).toBe(0);
    // The flag overrides the threshold; --ignore adds to the config's list.
    const flags = await runCli(['lint', '-f', 'json', '-t', 'info', '--ignore', 'DL3009'], { cwd });
    expect(ruleIds(json(flags.stdout))).toEqual([]);
    expect(flags.code).toBe(0);
    const threshold = await runCli(['lint', '-t', 'info'], { cwd });
    expect(threshold.code).toBe(1);
  });

  it('rule severities from the config apply, by id or equivalent', async () => {
    const cwd = project({ Dockerfile: APT, '.layerlab.json': isolatedConfig({ rules: { DL3009: 'error' } }) });
    const out = json((await runCli(['lint', '-f', 'json'], { cwd })).stdout);
    expect(out.files[0]?.findings.map((f) => [f.ruleId, f.severity])).toEqual([['no-apt-lists-left-behind', 'error']]);
    expect(out.summary).toMatchObject({ error: 1, info: 0 });
  });

  it('an invalid config lists every field problem with the file path; exit 2', async () => {
    const cwd = project({ Dockerfile: LATEST, '.layerlab.json': JSON.stringify({ rules: { 'no-latest-tag': 'loud', DL9999: 'off' }, failureThreshold: 'fatal', colour: true }) });
    const r = await runCli(['lint'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('layerlab: config file .layerlab.json is invalid:');
    expect(lines).toContain('  failureThreshold: Invalid option: expected one of "error"|"warning"|"info"|"style"|"none"');
    expect(lines.some((l) => /^ {2}rules\.no-latest-tag: /.test(l))).toBe(true);
    expect(lines.some((l) => /^ {2}\(top level\): .*colour/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('Fix the fields above in .layerlab.json (see "Configuration file" in the README).');
    // Unknown rule names are reported once the shape is valid.
    writeFileSync(path.join(cwd, '.layerlab.json'), JSON.stringify({ rules: { DL9999: 'off' } }));
    const unknown = await runCli(['lint'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('  rules.DL9999: no rule has this id or equivalent.');
  });

  it('a config file that is not JSON is an error with the position; exit 2', async () => {
    const cwd = project({ Dockerfile: LATEST, '.layerlab.json': '{\n  "ignore": ["DL3007"],\n}\n' });
    const r = await runCli(['lint'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^layerlab: config file \.layerlab\.json is not valid JSON \(.*line 3.*\)\. It must hold one JSON object/);
  });

  it('a config directory instead of a file is an error', async () => {
    const cwd = project({ Dockerfile: LATEST });
    mkdirSync(path.join(cwd, 'conf'));
    const r = await runCli(['lint', '--config', 'conf'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read config file conf: it is a directory, not a file.');
  });
});

describe('suppression comments (as documented in the README)', () => {
  const cases: [string, string][] = [
    ['layerlab-ignore, next instruction', 'FROM debian:bookworm\n# layerlab-ignore no-apt-lists-left-behind -- the base image cleans up\nRUN apt-get update\n'],
    ['layerlab-ignore by qualified equivalent', 'FROM debian:bookworm\n# layerlab-ignore hadolint:DL3009\nRUN apt-get update\n'],
    ['layerlab-ignore all', 'FROM debian:bookworm\n# layerlab-ignore all\nRUN apt-get update\n'],
    ['layerlab-ignore-file, several rules', '# layerlab-ignore-file no-latest-tag, buildkit:JSONArgsRecommended -- legacy image\nFROM node:latest\nCMD node server.js\n'],
    ['layerlab-ignore before FROM covers that instruction only', '# layerlab-ignore no-latest-tag\nFROM node:latest\n'],
    ['layerlab-ignore-file', '# layerlab-ignore-file no-apt-lists-left-behind\nFROM debian:bookworm\nRUN apt-get update\nRUN apt-get update\n'],
    ['hadolint ignore', 'FROM debian:bookworm\n# hadolint ignore=DL3009,DL3008\nRUN apt-get update\n'],
    ['hadolint global ignore', '# hadolint global ignore=DL3009\nFROM debian:bookworm\nRUN apt-get update\n'],
    ['hadolint stage ignore', '# hadolint stage ignore=DL3009\nFROM debian:bookworm\nRUN apt-get update\n'],
    ['BuildKit check=skip directive', '# check=skip=JSONArgsRecommended\nFROM python:3.12-slim\nCMD gunicorn app.wsgi\n'],
    ['BuildKit check=skip above an instruction', 'FROM python:3.12-slim\n# check=skip=JSONArgsRecommended\nCMD gunicorn app.wsgi\n'],
  ];
  for (const [name, text] of cases) {
    it(`${name} silences the finding and counts it as suppressed`, async () => {
      const cwd = project({ Dockerfile: text });
      const r = await runCli(['lint', '-f', 'json'], { cwd });
      const out = json(r.stdout);
      expect(ruleIds(out)).toEqual([]);
      expect(out.summary['suppressed']).toBeGreaterThanOrEqual(1);
      expect(r.code).toBe(0);
    });
  }

  it('layerlab-ignore covers only the next instruction', async () => {
    const cwd = project({ Dockerfile: 'FROM debian:bookworm\n# layerlab-ignore no-apt-lists-left-behind\nRUN apt-get update\nRUN apt-get update\n' });
    const out = json((await runCli(['lint', '-f', 'json'], { cwd })).stdout);
    expect(out.files[0]?.findings.map((f) => f.line)).toEqual([4]);
  });

  it('layerlab-ignore also takes bare hadolint codes', async () => {
    const cwd = project({ Dockerfile: 'FROM debian:bookworm\n# layerlab-ignore DL3009\nRUN apt-get update\nRUN apt-get update\n' });
    const out = json((await runCli(['lint', '-f', 'json'], { cwd })).stdout);
    expect(out.files[0]?.findings.map((f) => `${f.line}:${f.ruleId}`)).toEqual(['4:no-apt-lists-left-behind']);
  });

  it('hadolint ignore= applies only to the instruction right below it', async () => {
    const cwd = project({ Dockerfile: 'FROM debian:bookworm\n# hadolint ignore=DL3009\n\nRUN apt-get update\n' });
    expect(ruleIds(json((await runCli(['lint', '-f', 'json'], { cwd })).stdout))).toEqual(['no-apt-lists-left-behind']);
  });

  it('allowInlineIgnores: false in the config turns comments off', async () => {
    const cwd = project({ Dockerfile: 'FROM debian:bookworm\n# hadolint ignore=DL3009\nRUN apt-get update\n', '.layerlab.json': isolatedConfig({ allowInlineIgnores: false }) });
    expect(ruleIds(json((await runCli(['lint', '-f', 'json'], { cwd })).stdout))).toEqual(['no-apt-lists-left-behind']);
  });

  it('stylish mentions suppressed findings in the summary', async () => {
    const cwd = project({ Dockerfile: 'FROM debian:bookworm\n# hadolint ignore=DL3009\nRUN apt-get update\n' });
    expect((await runCli(['lint'], { cwd })).stdout).toBe('✔ No problems in 1 file. (1 suppressed by ignore comments)\n');
  });
});
