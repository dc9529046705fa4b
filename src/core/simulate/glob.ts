/** Path globs of one segment (`*`, `?`, `[a-z]`), for `rm` arguments and COPY sources. */

const GLOB = /[*?[]/;

export function hasGlob(path: string): boolean {
  return GLOB.test(path);
}

/**
 * A matcher for one path segment. `*` and `?` never match `/`. With `dotfiles: false` (the shell),
 * a wildcard does not match a leading dot; Go's filepath.Match (COPY sources) has no such rule.
 */
export function segmentMatcher(pattern: string, options: { dotfiles: boolean }): (segment: string) => boolean {
  if (!GLOB.test(pattern)) return (s) => s === pattern;
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '\\' && i + 1 < pattern.length) {
      i++;
      re += (pattern[i] as string).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!') || body.startsWith('^')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\').replace(/\//g, '')}]`;
        i = close;
      }
    } else re += ch.replace(/[.+^${}()|\\\]/]/g, '\\$&');
  }
  let compiled: RegExp;
  try {
    compiled = new RegExp(`^${re}$`, 's');
  } catch {
    return (s) => s === pattern;
  }
  const leadingDot = pattern.startsWith('.');
  return (s) => (options.dotfiles || leadingDot || !s.startsWith('.')) && compiled.test(s);
}
