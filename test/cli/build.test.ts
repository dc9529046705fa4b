import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST, ROOT } from './helpers.ts';

/**
 * Builds the bundle into a temporary package layout (bin/, dist/, package.json, node_modules link)
 * without src/, so bin/layerlab.mjs can only run the built dist/cli.mjs.
 */
describe('scripts/build-cli.ts', () => {
  it('bundles the CLI into one ES module that runs without the TypeScript sources', () => {
    const pkg = mkdtempSync(path.join(tmpdir(), 'layerlab-build-'));
    mkdirSync(path.join(pkg, 'bin'));
    copyFileSync(path.join(ROOT, 'bin', 'layerlab.mjs'), path.join(pkg, 'bin', 'layerlab.mjs'));
    copyFileSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
    const outfile = path.join(pkg, 'dist', 'cli.mjs');

    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.ts'), '--outfile', outfile], { cwd: ROOT, encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(existsSync(outfile)).toBe(true);
    const bundle = readFileSync(outfile, 'utf8');
    // Own code is bundled; dependencies stay imports.
    expect(bundle).not.toMatch(/from ["']\.{1,2}\//);
    expect(bundle).toMatch(/from "zod"/);
    expect(bundle).toMatch(/from "web-tree-sitter"/);

    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = (args: string[], input?: string) => spawnSync(process.execPath, [path.join(pkg, 'bin', 'layerlab.mjs'), ...args], { cwd: pkg, encoding: 'utf8', input });
    const versionRun = run(['--version']);
    expect(versionRun.stdout).toBe(`${version}\n`);
    expect(versionRun.status).toBe(0);
    // The shell parser's WebAssembly loads from the bundle too.
    const lint = run(['lint', '--format', 'json', '--no-context', '-'], `${LATEST}RUN apt-get update\n`);
    expect(lint.stderr).toBe('');
    const ids = (JSON.parse(lint.stdout) as { files: { findings: { ruleId: string }[] }[] }).files[0]?.findings.map((f) => f.ruleId);
    expect(ids).toContain('no-latest-tag');
    expect(ids).toContain('no-apt-lists-left-behind');
    expect(lint.status).toBe(1);
  });
});
