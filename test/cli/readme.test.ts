/** Keeps the README's command-line sections honest: the documented config, flags and hook patterns work. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_OPTIONS } from '../../src/cli/lint-command.ts';
import { LATEST, project, ROOT, runCli } from './helpers.ts';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = (heading: string) => {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  const rest = readme.slice(start + heading.length + 2);
  const end = rest.search(/\n#{2,3} /);
  return end === -1 ? rest : rest.slice(0, end);
};

describe('README', () => {
  it('has the set-up commands', () => {
    expect(section('## Set up')).toContain('npm ci && npm run dev    # runs the site at http://localhost:4321\nnpm ci && npm test');
  });

  it('documents every lint option', () => {
    const options = section('### `layerlab lint` options');
    for (const [name, spec] of Object.entries(LINT_OPTIONS)) {
      expect(options).toContain(`\`--${name}`);
      if (spec.short) expect(options).toContain(`\`-${spec.short}\``);
    }
  });

  it('the example .layerlab.json is accepted and applied', async () => {
    const example = /```json\n([\s\S]*?)```/.exec(section('### Configuration file'))?.[1];
    expect(example).toBeDefined();
    const cwd = project({ '.layerlab.json': example ?? '', Dockerfile: `${LATEST}CMD node server.js\n` });
    const r = await runCli(['lint', '-f', 'json'], { cwd });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { files: { findings: { ruleId: string; severity: string }[] }[]; summary: { failureThreshold: string } };
    expect(out.summary.failureThreshold).toBe('warning');
    // "no-latest-tag": "error"; JSONArgsRecommended (use-exec-form-cmd) ignored.
    expect(out.files[0]?.findings.find((f) => f.ruleId === 'no-latest-tag')?.severity).toBe('error');
    expect(out.files[0]?.findings.some((f) => f.ruleId === 'use-exec-form-cmd')).toBe(false);
    expect(r.code).toBe(1);
  });

  it('the JSON contract example has the shape the CLI prints', async () => {
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(section('### JSON output (`--format json`)'))?.[1] ?? '{}') as Record<string, unknown>;
    const cwd = project({ Dockerfile: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n' });
    const actual = JSON.parse((await runCli(['lint', '-f', 'json'], { cwd })).stdout) as Record<string, unknown>;
    const shape = (v: unknown): unknown =>
      Array.isArray(v) ? v.slice(0, 1).map(shape) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)])) : typeof v;
    expect(shape(actual)).toEqual(shape(example));
  });

  it('the pre-commit hook matches Dockerfile names and skips their ignore files', () => {
    const hooks = readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const files = new RegExp(/files: '(.*)'/.exec(hooks)?.[1] ?? '^$');
    const exclude = new RegExp(/exclude: '(.*)'/.exec(hooks)?.[1] ?? '^$');
    const matches = (f: string) => files.test(f) && !exclude.test(f);
    expect(hooks).toContain('entry: layerlab lint');
    expect(hooks).toContain('language: node');
    for (const f of ['Dockerfile', 'app/Dockerfile', 'Dockerfile.prod', 'Containerfile', 'docker/api.Dockerfile', 'web.dockerfile']) expect(matches(f)).toBe(true);
    for (const f of ['Dockerfile.dockerignore', 'docs/Dockerfile.md', 'MyDockerfile', 'Dockerfiles/notes.txt', 'src/main.ts']) expect(matches(f)).toBe(false);
  });

  it('the GitHub Actions snippet writes SARIF and uploads it even when lint fails', () => {
    const actions = section('## GitHub Actions');
    expect(actions).toContain('npx --yes layerlab lint --format sarif > layerlab.sarif');
    expect(actions).toMatch(/if: always\(\)[^\n]*\n\s+uses: github\/codeql-action\/upload-sarif@v3/);
  });
});
