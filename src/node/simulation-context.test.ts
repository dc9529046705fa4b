import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContextFiles } from './simulation-context.ts';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-context-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('readContextFiles', () => {
  it('lists files with their sizes, sorted, with .dockerignore applied', async () => {
    const dir = tree({ 'b.txt': 'bb', 'a/x.txt': 'xxx', 'node_modules/m/i.js': 'mmmm', '.dockerignore': 'node_modules\n' });
    const walk = await readContextFiles(dir);
    expect(walk.context.files).toEqual([
      { path: '.dockerignore', bytes: 13 },
      { path: 'a/x.txt', bytes: 3 },
      { path: 'b.txt', bytes: 2 },
    ]);
    expect(walk).toMatchObject({ files: 3, totalBytes: 18, ignored: 1, capped: false, dockerignoreFile: path.join(dir, '.dockerignore'), errors: [] });
    expect(walk.context.complete).toBe(true);
  });

  it('descends into ignored directories when a `!` pattern may bring files back', async () => {
    const dir = tree({ 'docs/keep.md': 'k', 'docs/drop.md': 'dd', '.dockerignore': 'docs\n!docs/keep.md\n' });
    const walk = await readContextFiles(dir);
    expect(walk.context.files.map((f) => f.path)).toEqual(['.dockerignore', 'docs/keep.md']);
  });

  it('symlinks count 0 B and are not followed', async () => {
    const dir = tree({ 'real.bin': 'r'.repeat(100) });
    symlinkSync(path.join(dir, 'real.bin'), path.join(dir, 'link.bin'));
    const walk = await readContextFiles(dir);
    expect(walk.context.files).toEqual([
      { path: 'link.bin', bytes: 0 },
      { path: 'real.bin', bytes: 100 },
    ]);
  });

  it('stops at maxFiles and says so', async () => {
    const dir = tree(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${String(i).padStart(2, '0')}.txt`, 'x'])));
    const walk = await readContextFiles(dir, { maxFiles: 5 });
    expect(walk).toMatchObject({ files: 5, capped: true });
    expect(walk.context.complete).toBe(false);
  });

  it('prefers <Dockerfile>.dockerignore', async () => {
    const dir = tree({ 'api.Dockerfile.dockerignore': '*.log\n', '.dockerignore': '*.txt\n', 'a.log': 'l', 'a.txt': 't' });
    const walk = await readContextFiles(dir, { dockerfile: path.join(dir, 'api.Dockerfile') });
    expect(walk.context.files.map((f) => f.path)).toEqual(['.dockerignore', 'a.txt', 'api.Dockerfile.dockerignore']);
  });
});
