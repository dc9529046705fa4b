import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, ROOT, runCli } from './helpers.ts';

const cwd = project({});

describe('layerlab (commands, help, version)', () => {
  it('--version prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version'], { cwd });
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help lists the commands and exit codes', async () => {
    const r = await runCli(['--help'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('layerlab lint [options] [FILE...|-]');
    expect(r.stdout).toContain('layerlab rules');
    expect(r.stdout).toMatch(/Exit codes: 0 .* 1 .*\n2 usage/);
  });

  it('help lint, lint --help and lint -h print the lint options', async () => {
    const outputs = await Promise.all([runCli(['help', 'lint'], { cwd }), runCli(['lint', '--help'], { cwd }), runCli(['lint', '-h'], { cwd })]);
    for (const r of outputs) {
      expect(r.code).toBe(0);
      for (const flag of ['--format', '--failure-threshold', '--fix', '--config', '--ignore', '--trusted-registry', '--context', '--no-context', '--stdin-filename', '--no-color', '--quiet', '--docs-base-url']) {
        expect(r.stdout).toContain(flag);
      }
    }
    expect(outputs[0]?.stdout).toBe(outputs[1]?.stdout);
  });

  it('help rules prints the rules options', async () => {
    const r = await runCli(['help', 'rules'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('layerlab rules [--format text|json]');
  });

  it('no command: usage on stderr, exit 2', async () => {
    const r = await runCli([], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no command given');
    expect(r.stderr).toContain('Usage:');
  });

  it('an unknown command says what, suggests the closest one, exit 2', async () => {
    const r = await runCli(['lnit'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('layerlab: unknown command "lnit"; the commands are lint, simulate, rules, help. Did you mean `layerlab lint`? Run `layerlab --help` for usage.\n');
  });

  it('a Dockerfile given without a command points to `layerlab lint FILE`', async () => {
    const r = await runCli(['Dockerfile.prod'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('run `layerlab lint Dockerfile.prod`');
  });

  it('score is not a command yet', async () => {
    for (const command of ['score']) {
      const r = await runCli([command], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`unknown command "${command}"`);
    }
  });

  it('an unknown option suggests the right one, exit 2, nothing on stdout', async () => {
    const r = await runCli(['lint', '--fromat', 'json'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('layerlab lint: unknown option --fromat. Did you mean --format?');
    expect(r.stderr).toContain('layerlab lint --help');
  });

  it('an option before the command, a missing value, a value for a switch: exit 2 with a message', async () => {
    const before = await runCli(['--format', 'json', 'lint'], { cwd });
    expect(before.code).toBe(2);
    expect(before.stderr).toContain('unknown option --format before the command');
    const missing = await runCli(['lint', '--format'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('option --format needs a value');
    const switchValue = await runCli(['lint', '--fix=yes'], { cwd });
    expect(switchValue.code).toBe(2);
    expect(switchValue.stderr).toContain('option --fix is a switch and takes no value');
  });

  it('bad enum values list the allowed ones, exit 2', async () => {
    const format = await runCli(['lint', '--format', 'jsno', 'Dockerfile'], { cwd });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format "jsno" is not one of stylish, json, sarif, checkstyle, gitlab. Did you mean --format json?');
    const threshold = await runCli(['lint', '--failure-threshold', 'fatal'], { cwd });
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toContain('--failure-threshold "fatal" is not one of error, warning, info, style, none.');
    const docs = await runCli(['lint', '--docs-base-url', 'not a url'], { cwd });
    expect(docs.code).toBe(2);
    expect(docs.stderr).toContain('is not an absolute URL');
  });

  it('help for an unknown topic is an error', async () => {
    const r = await runCli(['help', 'lnt'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean `layerlab help lint`?');
  });
});

describe('layerlab rules', () => {
  it('--format json: an array with every field, equivalents like hadolint:DL3009', async () => {
    const r = await runCli(['rules', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(rules)).toBe(true);
    expect(rules.length).toBeGreaterThanOrEqual(3);
    for (const rule of rules) {
      expect(Object.keys(rule).sort()).toEqual(['category', 'docsUrl', 'equivalents', 'fixable', 'id', 'lesson', 'needsConfig', 'severity', 'title', 'why']);
      expect(rule['id']).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(rule['equivalents']).toBeInstanceOf(Array);
      for (const e of rule['equivalents'] as unknown[]) expect(e).toMatch(/^(hadolint:(DL|SC)\d{4}|buildkit:[A-Z][A-Za-z]+)$/);
      expect(['error', 'warning', 'info', 'style']).toContain(rule['severity']);
      expect(typeof rule['fixable']).toBe('boolean');
      expect(typeof rule['needsConfig']).toBe('boolean');
      expect(rule['docsUrl']).toBe(`https://layerlab.dev/rules/${String(rule['id'])}`);
    }
    const apt = rules.find((x) => x['id'] === 'no-apt-lists-left-behind');
    expect(apt).toMatchObject({ equivalents: ['hadolint:DL3009'], severity: 'info', category: 'size', fixable: true, needsConfig: false });
    expect(rules.find((x) => x['id'] === 'use-exec-form-cmd')?.['equivalents']).toEqual(['hadolint:DL3025', 'buildkit:JSONArgsRecommended']);
    const ids = rules.map((x) => x['id'] as string);
    expect(ids).toEqual([...ids].sort());
  });

  it('--docs-base-url changes the links', async () => {
    const r = await runCli(['rules', '--format', 'json', '--docs-base-url', 'https://docs.example.com/r'], { cwd });
    const rules = JSON.parse(r.stdout) as { id: string; docsUrl: string }[];
    expect(rules[0]?.docsUrl).toBe(`https://docs.example.com/r/${rules[0]?.id}`);
  });

  it('text format is a table with one row per rule', async () => {
    const [text, json] = await Promise.all([runCli(['rules'], { cwd }), runCli(['rules', '--format', 'json'], { cwd })]);
    expect(text.code).toBe(0);
    const rules = JSON.parse(json.stdout) as { id: string; title: string }[];
    expect(text.stdout.split('\n')[0]).toMatch(/^RULE\s+SEVERITY\s+CATEGORY\s+FIX\s+EQUIVALENTS$/);
    expect(text.stdout).toMatch(/^no-apt-lists-left-behind\s+info\s+size\s+yes\s+hadolint:DL3009$/m);
    expect(text.stdout).toMatch(/^no-latest-tag\s+warning\s+maintainability\s+hadolint:DL3007$/m);
    for (const rule of rules) expect(text.stdout).toContain(`    ${rule.title}`);
    expect(text.stdout).toContain(`${rules.length} rules.`);
  });

  it('rejects arguments and unknown formats', async () => {
    const arg = await runCli(['rules', 'Dockerfile'], { cwd });
    expect(arg.code).toBe(2);
    expect(arg.stderr).toContain('run `layerlab lint Dockerfile`');
    const format = await runCli(['rules', '--format', 'sarif'], { cwd });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format "sarif" is not one of text, json');
  });
});
