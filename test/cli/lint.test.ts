import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APT, CLEAN, isolatedConfig, LATEST, project, ruleIds, runCli, SHELL_CMD, type JsonOutput } from './helpers.ts';

const json = (stdout: string) => JSON.parse(stdout) as JsonOutput;

describe('layerlab lint: stylish output and exit codes', () => {
  it('groups findings by file as line:col severity message rule-id, with a summary; exit 1', async () => {
    const cwd = project({ Dockerfile: APT + 'CMD gunicorn app.wsgi\n' });
    const r = await runCli(['lint'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Dockerfile');
    expect(lines[1]).toMatch(/^ {2}2:5 {2}info {5}`apt-get update` leaves .* {2}no-apt-lists-left-behind$/);
    expect(lines[2]).toMatch(/^ {2}3:5 {2}warning {2}CMD in shell form .* {2}use-exec-form-cmd$/);
    expect(r.stdout).toContain('✖ 2 problems (1 warning, 1 info) in 1 file.');
    expect(r.stdout).toContain('2 problems can be fixed with `layerlab lint --fix`.');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('no findings: a one-line summary and exit 0', async () => {
    const cwd = project({ Dockerfile: CLEAN });
    const r = await runCli(['lint', 'Dockerfile'], { cwd });
    expect(r).toMatchObject({ code: 0, stdout: '✔ No problems in 1 file.\n', stderr: '' });
  });

  it('colours only on request: FORCE_COLOR turns them on for a pipe, --no-color and NO_COLOR win', async () => {
    const cwd = project({ Dockerfile: LATEST });
    const forced = await runCli(['lint'], { cwd, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[33mwarning\u001b[39m');
    const flag = await runCli(['lint', '--no-color'], { cwd, env: { FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toContain('\u001b[');
    const env = await runCli(['lint'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(env.stdout).not.toContain('\u001b[');
    expect(flag.stdout).toBe(env.stdout);
  });

  it('lints ./Dockerfile when no file is given; without one prints usage and exits 2', async () => {
    const withFile = await runCli(['lint', '--format', 'json'], { cwd: project({ Dockerfile: LATEST }) });
    expect(json(withFile.stdout).files.map((f) => f.file)).toEqual(['Dockerfile']);
    const empty = await runCli(['lint'], { cwd: project({}) });
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain('no FILE given and there is no Dockerfile in');
    expect(empty.stderr).toContain('Usage: layerlab lint');
  });

  it('failure threshold: default info; warning/error/none pass on an info finding, style fails', async () => {
    const cwd = project({ Dockerfile: APT });
    const codes = await Promise.all(
      [[], ['--failure-threshold', 'info'], ['--failure-threshold', 'style'], ['--failure-threshold', 'warning'], ['-t', 'error'], ['-t', 'none']].map(
        async (flags) => (await runCli(['lint', ...flags], { cwd })).code,
      ),
    );
    expect(codes).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('a warning fails at warning and below, not at error', async () => {
    const cwd = project({ Dockerfile: LATEST });
    expect((await runCli(['lint', '-t', 'warning'], { cwd })).code).toBe(1);
    expect((await runCli(['lint', '-t', 'error'], { cwd })).code).toBe(0);
  });

  it('--quiet reports only errors: warnings and info neither show nor fail', async () => {
    const cwd = project({ Dockerfile: LATEST });
    const r = await runCli(['lint', '--quiet'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ No problems in 1 file.\n');
  });

  it('a rule severity raised to error in the config is reported under --quiet and fails at -t error', async () => {
    const cwd = project({ Dockerfile: LATEST, '.layerlab.json': isolatedConfig({ rules: { DL3007: 'error' } }) });
    const r = await runCli(['lint', '-q', '-t', 'error', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    expect(json(r.stdout).files[0]?.findings.map((f) => [f.ruleId, f.severity])).toEqual([['no-latest-tag', 'error']]);
  });

  it('--ignore takes rule ids, hadolint codes and BuildKit names, repeated or comma-separated', async () => {
    const cwd = project({ Dockerfile: 'FROM node:latest\nRUN apt-get update\nCMD node server.js\n' });
    const all = await runCli(['lint', '--format', 'json'], { cwd });
    expect(ruleIds(json(all.stdout)).sort()).toEqual(['no-apt-lists-left-behind', 'no-latest-tag', 'use-exec-form-cmd']);
    const some = await runCli(['lint', '--format', 'json', '--ignore', 'DL3009', '--ignore', 'JSONArgsRecommended'], { cwd });
    expect(ruleIds(json(some.stdout))).toEqual(['no-latest-tag']);
    const comma = await runCli(['lint', '--format', 'json', '--ignore', 'no-latest-tag,hadolint:DL3025,DL3009'], { cwd });
    expect(ruleIds(json(comma.stdout))).toEqual([]);
    expect(comma.code).toBe(0);
  });

  it('--ignore with a name no rule has is a usage error', async () => {
    const r = await runCli(['lint', '--ignore', 'DL9999'], { cwd: project({ Dockerfile: CLEAN }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--ignore: "DL9999" matches no rule id or equivalent.');
  });
});

describe('layerlab lint: files, stdin and I/O errors', () => {
  it('several files: each reported under its own path, relative to the current directory', async () => {
    const cwd = project({ Dockerfile: LATEST, 'services/api/Dockerfile': SHELL_CMD, 'docker/web.Dockerfile': CLEAN });
    const r = await runCli(['lint', '--format', 'json', 'Dockerfile', 'services/api/Dockerfile', path.join(cwd, 'docker/web.Dockerfile'), './Dockerfile'], { cwd });
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.files.map((f) => [f.file, f.findings.map((x) => x.ruleId)])).toEqual([
      ['Dockerfile', ['no-latest-tag']],
      ['services/api/Dockerfile', ['use-exec-form-cmd']],
      ['docker/web.Dockerfile', []],
    ]);
  });

  it('a file outside the current directory is shown with its absolute path', async () => {
    const other = project({ Dockerfile: LATEST });
    const r = await runCli(['lint', '--format', 'json', path.join(other, 'Dockerfile')], { cwd: project({}) });
    expect(json(r.stdout).files[0]?.file).toBe(path.join(other, 'Dockerfile').split(path.sep).join('/'));
  });

  it('a missing file: message on stderr, the other files still reported, exit 2', async () => {
    const cwd = project({ Dockerfile: LATEST });
    const r = await runCli(['lint', '--format', 'json', 'Dockerfile.prod', 'Dockerfile'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('layerlab lint: cannot read Dockerfile.prod: no such file or directory.\n');
    const out = json(r.stdout);
    expect(out.files.map((f) => f.file)).toEqual(['Dockerfile']);
    expect(out.errors).toEqual([{ file: 'Dockerfile.prod', message: 'cannot read Dockerfile.prod: no such file or directory.' }]);
    expect(out.summary).toMatchObject({ failed: true, exitCode: 2 });
  });

  it('a missing file alone still exits 2 even with no findings elsewhere', async () => {
    const r = await runCli(['lint', 'nope'], { cwd: project({}) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('✔ No problems in 0 files.\n✖ 1 file could not be read (see the messages above).\n');
  });

  it('a directory is an error that points to the Dockerfile inside it', async () => {
    const cwd = project({ 'app/Dockerfile': CLEAN });
    const r = await runCli(['lint', 'app'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('layerlab lint: cannot read app: it is a directory, not a file. Pass the Dockerfile inside it, e.g. app/Dockerfile.\n');
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file is an error (exit 2)', async () => {
    const cwd = project({ Dockerfile: CLEAN });
    chmodSync(path.join(cwd, 'Dockerfile'), 0o000);
    const r = await runCli(['lint'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('permission denied');
  });

  it('reads standard input with -, named <stdin> or --stdin-filename', async () => {
    const cwd = project({});
    const r = await runCli(['lint', '--format', 'json', '-'], { cwd, input: LATEST });
    expect(r.code).toBe(1);
    expect(json(r.stdout).files.map((f) => [f.file, f.findings.map((x) => x.ruleId)])).toEqual([['<stdin>', ['no-latest-tag']]]);
    const named = await runCli(['lint', '--stdin-filename', 'build/Dockerfile', '-'], { cwd, input: LATEST });
    expect(named.stdout.split('\n')[0]).toBe('build/Dockerfile');
    const wrong = await runCli(['lint', '--stdin-filename', 'x', 'Dockerfile'], { cwd });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no "-" was given');
  });

  it('stdin and files together', async () => {
    const cwd = project({ Dockerfile: SHELL_CMD });
    const r = await runCli(['lint', '--format', 'json', 'Dockerfile', '-'], { cwd, input: LATEST });
    expect(json(r.stdout).files.map((f) => [f.file, f.findings.map((x) => x.ruleId)])).toEqual([
      ['Dockerfile', ['use-exec-form-cmd']],
      ['<stdin>', ['no-latest-tag']],
    ]);
  });

  it('a byte order mark does not shift columns', async () => {
    const cwd = project({ Dockerfile: `\uFEFF${LATEST}` });
    const r = await runCli(['lint', '--format', 'json'], { cwd });
    expect(json(r.stdout).files[0]?.findings[0]?.span).toEqual({ line: 1, column: 6, endLine: 1, endColumn: 17 });
  });
});

describe('layerlab lint: build context', () => {
  it('--context with a missing directory or a file is a clear error, exit 2', async () => {
    const cwd = project({ Dockerfile: CLEAN });
    const missing = await runCli(['lint', '--context', 'nowhere'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('layerlab lint: build context nowhere: no such file or directory. Pass an existing directory to --context, or --no-context.\n');
    const file = await runCli(['lint', '--context', 'Dockerfile'], { cwd });
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('build context Dockerfile is not a directory');
    const both = await runCli(['lint', '--context', '.', '--no-context'], { cwd });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('contradict');
  });

  it('an unreadable .dockerignore is a one-line note, not a failure', async () => {
    const cwd = project({ Dockerfile: CLEAN });
    mkdirSync(path.join(cwd, '.dockerignore'));
    const r = await runCli(['lint'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`layerlab: note: cannot read ${path.join(cwd, '.dockerignore')} (it is a directory, not a file); the rules see it as empty.\n`);
    const off = await runCli(['lint', '--no-context'], { cwd });
    expect(off.stderr).toBe('');
    writeFileSync(path.join(cwd, 'Dockerfile.dockerignore'), 'node_modules\n');
    const preferred = await runCli(['lint'], { cwd });
    expect(preferred.stderr).toBe('');
  });
});
