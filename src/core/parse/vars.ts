import type { VarDef } from './model.ts';

/** ARGs that BuildKit predefines; their values depend on the build, so they are known but unknown-valued. */
export const BUILTIN_ARGS: ReadonlySet<string> = new Set([
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
  'BUILDKIT_SYNTAX', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
  'BUILDKIT_SANDBOX_HOSTNAME', 'SOURCE_DATE_EPOCH',
  'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY',
  'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy',
]);

export interface Expansion {
  /** The expanded text; null when some variable has no known value. */
  value: string | null;
  /** Names whose values are unknown (declared without a default, or never declared). */
  unresolved: string[];
  /** True when the text contained any variable reference. */
  hadVariables: boolean;
}

const VAR_RE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alt}` the way the Dockerfile builder does,
 * using the latest definition of each name in `defs`.
 */
export function expandVars(text: string, defs: readonly VarDef[], escapeChar = '\\'): Expansion {
  if (!text.includes('$')) return { value: text, unresolved: [], hadVariables: false };
  const known = new Map<string, string | null>();
  for (const d of defs) known.set(d.name, d.value);
  const unresolved: string[] = [];
  let hadVariables = false;
  let out = '';
  let last = 0;
  VAR_RE.lastIndex = 0;
  for (let m = VAR_RE.exec(text); m; m = VAR_RE.exec(text)) {
    if (m.index > 0 && text[m.index - 1] === escapeChar) continue;
    hadVariables = true;
    const name = (m[1] ?? m[4]) as string;
    const op = m[2];
    const word = m[3] ?? '';
    const has = known.has(name);
    const value = known.get(name) ?? null;
    let replacement: string | null;
    if (op === ':-' || op === '-') {
      replacement = has && value !== null && (op === '-' || value !== '') ? value : has && value === null ? null : word;
    } else if (op === ':+' || op === '+') {
      replacement = has && value !== null ? (op === '+' || value !== '' ? word : '') : has ? null : '';
    } else {
      replacement = value;
    }
    out += text.slice(last, m.index);
    if (replacement === null) unresolved.push(name);
    else out += replacement;
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  return { value: unresolved.length ? null : out, unresolved, hadVariables };
}
