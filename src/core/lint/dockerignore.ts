/**
 * .dockerignore reading and matching as Docker/BuildKit do it (moby/patternmatcher semantics):
 * Go `filepath.Match` wildcards (`*`, `?`, `[a-z]`, `\` escapes) where `*` and `?` never cross `/`,
 * `**` for any number of directories, `!pattern` to re-include, the last matching pattern wins, and
 * a path is excluded when it or one of its parent directories matches. Pure: text in, answers out.
 */

/** Patterns of a .dockerignore file, normalized as Docker's reader does (comments, blanks, `/x`, `./x`). */
export function readDockerignore(text: string): string[] {
  const out: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const rawLine of lines) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.startsWith('#')) continue;
    const p = normalizeDockerignorePattern(line);
    if (p !== null) out.push(p);
  }
  return out;
}

/** One pattern as Docker stores it: trimmed, cleaned, leading `/` dropped, `!` kept; null when blank. */
export function normalizeDockerignorePattern(raw: string): string | null {
  let pattern = raw.trim();
  if (pattern === '') return null;
  const invert = pattern.startsWith('!');
  if (invert) pattern = pattern.slice(1).trim();
  if (pattern.length > 0) {
    pattern = cleanPath(pattern);
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
  }
  return invert ? `!${pattern}` : pattern;
}

/** Go's `path.Clean`: removes `.` and empty elements and resolves `..` lexically. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** Go's `path.Dir`: everything before the last `/`, cleaned. */
export function dirPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return cleanPath(slash < 0 ? '' : path.slice(0, slash + 1));
}

type MatchKind = 'exact' | 'prefix' | 'suffix' | 'regexp';

interface Pattern {
  /** The pattern as written in the file (with `!`). */
  source: string;
  cleaned: string;
  exclusion: boolean;
  kind: MatchKind;
  regexp: RegExp | null;
}

export interface DockerignoreMatch {
  excluded: boolean;
  /** The pattern that excluded the path (as written), when excluded. */
  pattern: string | null;
}

export interface DockerignoreMatcher {
  /** Whether `path` (slash-separated, relative to the context) is left out of the build context. */
  match(path: string): DockerignoreMatch;
  /** Patterns Docker would reject (a lone `!`, an unclosed `[`); they are skipped here. */
  readonly invalid: readonly string[];
}

export function compileDockerignore(patterns: readonly string[]): DockerignoreMatcher {
  const compiled: Pattern[] = [];
  const invalid: string[] = [];
  for (const source of patterns) {
    const trimmed = source.trim();
    if (trimmed === '') continue;
    let cleaned = cleanPath(trimmed);
    const exclusion = cleaned.startsWith('!');
    if (exclusion) {
      cleaned = cleaned.slice(1);
      if (cleaned === '') {
        invalid.push(source);
        continue;
      }
    }
    const p = compilePattern(source, cleaned, exclusion);
    if (p) compiled.push(p);
    else invalid.push(source);
  }
  return {
    invalid,
    match(path: string): DockerignoreMatch {
      let excluded = false;
      let decided: string | null = null;
      const parent = dirPath(path);
      const parentDirs = parent.split('/');
      for (const p of compiled) {
        if (p.exclusion !== excluded) continue;
        let hit = matchOne(p, path);
        if (!hit && parent !== '.') {
          for (let i = 0; i < parentDirs.length && !hit; i++) hit = matchOne(p, parentDirs.slice(0, i + 1).join('/'));
        }
        if (hit) {
          excluded = !p.exclusion;
          decided = excluded ? p.source : null;
        }
      }
      return { excluded, pattern: decided };
    },
  };
}

function matchOne(p: Pattern, path: string): boolean {
  switch (p.kind) {
    case 'exact':
      return path === p.cleaned;
    case 'prefix':
      return path.startsWith(p.cleaned.slice(0, -2));
    case 'suffix': {
      const suffix = p.cleaned.slice(2);
      return path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    default:
      return (p.regexp as RegExp).test(path);
  }
}

const ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

/** Translates one cleaned pattern to a matcher, as moby/patternmatcher does; null when malformed. */
function compilePattern(source: string, cleaned: string, exclusion: boolean): Pattern | null {
  if (!validGlob(cleaned)) return null;
  let re = '^';
  let kind: MatchKind = 'exact';
  const chars = [...cleaned];
  for (let i = 0, step = 0; i < chars.length; i++, step++) {
    const ch = chars[i] as string;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          if (kind === 'exact') kind = 'prefix';
          else {
            re += '.*';
            kind = 'regexp';
          }
        } else {
          re += '(.*/)?';
          kind = 'regexp';
        }
        if (step === 0) kind = 'suffix';
      } else {
        re += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      kind = 'regexp';
    } else if (ESCAPED.has(ch)) {
      re += `\\${ch}`;
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        i++;
        re += `\\${chars[i] as string}`;
        kind = 'regexp';
      } else re += '\\\\';
    } else if (ch === '[' || ch === ']') {
      re += ch;
      kind = 'regexp';
    } else {
      re += ch;
    }
  }
  let regexp: RegExp | null = null;
  if (kind === 'regexp') {
    try {
      regexp = new RegExp(`${re}$`, 's');
    } catch {
      return null;
    }
  }
  return { source, cleaned, exclusion, kind, regexp };
}

/** Go's `filepath.Match` syntax check: classes must close and hold valid ranges; no trailing `\`. */
function validGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (i + 1 >= pattern.length) return false;
      i++;
    } else if (ch === '[') {
      i++;
      if (pattern[i] === '^') i++;
      let ranges = 0;
      for (;;) {
        if (i >= pattern.length) return false;
        if (pattern[i] === ']' && ranges > 0) break;
        const lo = classChar(pattern, i);
        if (!lo) return false;
        i = lo.next;
        if (pattern[i] === '-') {
          const hi = classChar(pattern, i + 1);
          if (!hi || hi.value < lo.value) return false;
          i = hi.next;
        }
        ranges++;
      }
    }
  }
  return true;
}

function classChar(pattern: string, i: number): { value: string; next: number } | null {
  const ch = pattern[i];
  if (ch === undefined || ch === '-' || ch === ']') return null;
  if (ch === '\\') {
    const next = pattern[i + 1];
    return next === undefined ? null : { value: next, next: i + 2 };
  }
  return { value: ch, next: i + 1 };
}
