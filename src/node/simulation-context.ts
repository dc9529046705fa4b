/**
 * Reads a build-context directory into the simulator's VirtualContext: every file Docker would
 * send (sizes from lstat; symlinks count 0 B, as in a layer), with .dockerignore applied while
 * walking. The walk stops after `maxFiles` files and says so.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { compileDockerignore, readDockerignore } from '../core/lint/dockerignore.ts';
import type { VirtualContext } from '../core/simulate/context.ts';

export const MAX_CONTEXT_FILES = 200_000;

export interface ContextWalk {
  context: VirtualContext;
  /** Files listed (after .dockerignore). */
  files: number;
  totalBytes: number;
  /** Files and directories .dockerignore left out (directories count once). */
  ignored: number;
  /** True when the walk stopped at `maxFiles`. */
  capped: boolean;
  /** The ignore file used, if any. */
  dockerignoreFile: string | null;
  /** Directories or files that could not be read. */
  errors: string[];
}

/**
 * Docker reads `<Dockerfile>.dockerignore` next to the Dockerfile when it exists, else
 * `.dockerignore` at the context root.
 */
export async function readContextFiles(dir: string, options: { dockerfile?: string | null; maxFiles?: number } = {}): Promise<ContextWalk> {
  const maxFiles = options.maxFiles ?? MAX_CONTEXT_FILES;
  const errors: string[] = [];
  let patterns: string[] = [];
  let dockerignoreFile: string | null = null;
  for (const candidate of [...(options.dockerfile ? [`${options.dockerfile}.dockerignore`] : []), path.join(dir, '.dockerignore')]) {
    try {
      patterns = readDockerignore(await readFile(candidate, 'utf8'));
      dockerignoreFile = candidate;
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        errors.push(`cannot read ${candidate}: ${(error as Error).message}`);
        dockerignoreFile = candidate;
        break;
      }
    }
  }
  const matcher = compileDockerignore(patterns);
  // A directory can be skipped whole only when no `!pattern` could bring something inside it back.
  const canSkipDirs = !patterns.some((p) => p.startsWith('!'));
  const files: { path: string; bytes: number }[] = [];
  let totalBytes = 0;
  let ignored = 0;
  let capped = false;
  const stack: string[] = [''];
  while (stack.length > 0 && !capped) {
    const rel = stack.pop() as string;
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (error) {
      errors.push(`cannot list ${path.join(dir, rel)}: ${(error as Error).message}`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const wanted: { rel: string; entry: Dirent }[] = [];
    for (const entry of entries) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (canSkipDirs && matcher.match(childRel).excluded) ignored++;
        else stack.push(childRel);
        continue;
      }
      if (matcher.match(childRel).excluded) {
        ignored++;
        continue;
      }
      if (files.length + wanted.length >= maxFiles) {
        capped = true;
        break;
      }
      wanted.push({ rel: childRel, entry });
    }
    // Sizes of one directory's files in parallel (symlinks and other non-files count 0 B).
    const sizes = await Promise.all(
      wanted.map(async ({ rel: childRel, entry }) => {
        if (!entry.isFile()) return 0;
        try {
          return (await lstat(path.join(dir, childRel))).size;
        } catch (error) {
          errors.push(`cannot read ${path.join(dir, childRel)}: ${(error as Error).message}`);
          return null;
        }
      }),
    );
    wanted.forEach(({ rel: childRel }, i) => {
      const bytes = sizes[i];
      if (bytes === null || bytes === undefined) return;
      files.push({ path: childRel, bytes });
      totalBytes += bytes;
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { context: { files, dockerignore: patterns, complete: !capped }, files: files.length, totalBytes, ignored, capped, dockerignoreFile, errors };
}
