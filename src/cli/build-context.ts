/** Reads what the context rules may know about a build context: its top-level entries and .dockerignore. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContextInfo } from '../core/lint/define-rule.ts';
import { CliError, describeFsError, fsErrorCode } from './io.ts';

/** Checks a `--context DIR` up front, so a typo is a clear error before anything is linted. */
export async function assertDirectory(dir: string, shown: string): Promise<void> {
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch (error) {
    throw new CliError(`layerlab lint: build context ${shown}: ${describeFsError(error)}. Pass an existing directory to --context, or --no-context.`);
  }
  if (!isDir) throw new CliError(`layerlab lint: build context ${shown} is not a directory. Pass the directory you give to \`docker build\`, or --no-context.`);
}

/**
 * Docker uses `<Dockerfile>.dockerignore` next to the Dockerfile when it exists, else `.dockerignore`
 * at the root of the context. An unreadable ignore file is reported through `note` and treated as empty.
 */
export async function readBuildContext(dir: string, dockerfile: string | null, note: (message: string) => void): Promise<BuildContextInfo> {
  let topLevel: string[];
  try {
    topLevel = (await readdir(dir)).sort();
  } catch (error) {
    throw new CliError(`layerlab lint: cannot list the build context ${dir}: ${describeFsError(error)}. Pass another directory to --context, or --no-context.`);
  }
  const candidates = [...(dockerfile ? [`${dockerfile}.dockerignore`] : []), path.join(dir, '.dockerignore')];
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = fsErrorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      note(`layerlab: note: cannot read ${file} (${describeFsError(error)}); the rules see it as empty.`);
      return { hasDockerignore: true, dockerignore: [], topLevel };
    }
    return { hasDockerignore: true, dockerignore: parseDockerignore(text), topLevel };
  }
  return { hasDockerignore: false, dockerignore: [], topLevel };
}

/** Non-empty, non-comment lines, trimmed (as Docker reads them). */
export function parseDockerignore(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}
