/**
 * The build context as the simulator sees it: a list of files with sizes (the CLI reads a real
 * directory, the site and lessons define one), filtered by .dockerignore exactly as BuildKit does
 * (src/core/lint/dockerignore.ts), and the matching of COPY/ADD sources against it.
 */
import { cleanPath, compileDockerignore } from '../lint/dockerignore.ts';
import { segmentMatcher } from './glob.ts';

export interface VirtualContext {
  /** Files relative to the context root, `/`-separated (`src/app.py`), with their sizes in bytes. */
  files: readonly { path: string; bytes: number }[];
  /** Patterns of the .dockerignore that applies (as written, one per line). */
  dockerignore?: readonly string[];
  /** False when the list is incomplete (e.g. the CLI stopped walking a huge directory). */
  complete?: boolean;
}

export interface PreparedContext {
  /** Files Docker would send, by cleaned relative path. */
  files: ReadonlyMap<string, number>;
  /** Files left out by .dockerignore. */
  ignored: number;
  complete: boolean;
}

export function prepareContext(context: VirtualContext): PreparedContext {
  const matcher = compileDockerignore(context.dockerignore ?? []);
  const files = new Map<string, number>();
  let ignored = 0;
  for (const f of context.files) {
    const path = cleanPath(f.path.replace(/\\/g, '/').replace(/^\/+/, ''));
    if (path === '.' || path.startsWith('../')) continue;
    if (matcher.match(path).excluded) {
      ignored++;
      continue;
    }
    const bytes = Number.isFinite(f.bytes) && f.bytes > 0 ? Math.round(f.bytes) : 0;
    files.set(path, bytes);
  }
  return { files, ignored, complete: context.complete !== false };
}

export interface SourceMatch {
  /** Context path of the file. */
  path: string;
  bytes: number;
  /** Where it lands relative to the destination directory (basename for a file, path inside a matched directory). */
  rel: string;
  /** The source named the file itself (not a directory that contains it). */
  direct: boolean;
}

/**
 * The files a COPY/ADD source selects: `.` (everything), a file, a directory (its contents,
 * recursively) or a Go filepath.Match pattern whose matches may be files or directories.
 * A source outside the context (`../x`) selects nothing.
 */
export function matchSource(context: PreparedContext, source: string): SourceMatch[] {
  const src = cleanPath(source.replace(/^\/+/, ''));
  if (src === '..' || src.startsWith('../')) return [];
  const out: SourceMatch[] = [];
  if (src === '.') {
    for (const [path, bytes] of context.files) out.push({ path, bytes, rel: path, direct: false });
    return out;
  }
  const pSegs = src.split('/');
  const matchers = pSegs.map((p) => segmentMatcher(p, { dotfiles: true }));
  for (const [path, bytes] of context.files) {
    const fSegs = path.split('/');
    if (fSegs.length < pSegs.length) continue;
    if (!matchers.every((m, i) => m(fSegs[i] as string))) continue;
    const direct = fSegs.length === pSegs.length;
    out.push({ path, bytes, rel: direct ? (fSegs[fSegs.length - 1] as string) : fSegs.slice(pSegs.length).join('/'), direct });
  }
  return out;
}
