import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerignore, readBuildContext } from '../../src/cli/build-context.ts';

function dir(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'layerlab-context-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

describe('build context', () => {
  it('parseDockerignore keeps patterns, drops blank lines and comments', () => {
    expect(parseDockerignore('\uFEFF# deps\nnode_modules\r\n\n  .git  \n!keep.txt\n**/*.log\n')).toEqual(['node_modules', '.git', '!keep.txt', '**/*.log']);
  });

  it('lists the top-level entries and reads .dockerignore', async () => {
    const root = dir({ '.dockerignore': 'node_modules\n.git\n', 'package.json': '{}', 'src/index.js': '' });
    mkdirSync(path.join(root, '.git'));
    const notes: string[] = [];
    const info = await readBuildContext(root, path.join(root, 'Dockerfile'), (n) => notes.push(n));
    expect(info).toEqual({ hasDockerignore: true, dockerignore: ['node_modules', '.git'], topLevel: ['.dockerignore', '.git', 'package.json', 'src'] });
    expect(notes).toEqual([]);
  });

  it('prefers <Dockerfile>.dockerignore next to the Dockerfile, as Docker does', async () => {
    const root = dir({ '.dockerignore': 'a\n', 'docker/api.Dockerfile': '', 'docker/api.Dockerfile.dockerignore': 'b\n' });
    const info = await readBuildContext(root, path.join(root, 'docker', 'api.Dockerfile'), () => {});
    expect(info.dockerignore).toEqual(['b']);
  });

  it('no .dockerignore', async () => {
    const root = dir({ Dockerfile: '' });
    expect(await readBuildContext(root, null, () => {})).toEqual({ hasDockerignore: false, dockerignore: [], topLevel: ['Dockerfile'] });
  });

  it('an unreadable .dockerignore is a note and counts as present but empty', async () => {
    const root = dir({});
    mkdirSync(path.join(root, '.dockerignore'));
    const notes: string[] = [];
    const info = await readBuildContext(root, null, (n) => notes.push(n));
    expect(info).toEqual({ hasDockerignore: true, dockerignore: [], topLevel: ['.dockerignore'] });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^layerlab: note: cannot read .*\.dockerignore \(it is a directory, not a file\)/);
  });

  it('a missing context directory is a CliError with exit code 2', async () => {
    await expect(readBuildContext('/nonexistent/layerlab', null, () => {})).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('cannot list the build context') as unknown });
  });
});
