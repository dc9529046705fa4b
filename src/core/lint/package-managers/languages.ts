/**
 * Command-line parsing for language package managers (pip, npm, yarn, gem, go) as the hadolint-equivalent
 * rules need it: "is this a pip install", "which arguments are packages", "is this one pinned".
 * Each function follows the matching hadolint rule's reading of the command, quirks included.
 */
import type { ShellWord } from '../../shell/types.ts';
import { argsNoFlags, cmdHasArgs, hasAnyFlag, type HCommand } from '../hadolint/index.ts';

/**
 * Argument values (quotes removed, expansions as written). Package checks read these rather than
 * hadolint's `${VAR}` text so that messages show what was written; the outcome is the same unless a
 * pin character sits inside an expansion.
 */
const values = (c: HCommand): string[] => c.args.map((a) => a.value);
const valuesNoFlags = (c: HCommand, dropAfter: readonly string[] = []): string[] => argsNoFlags(c, dropAfter).map((a) => a.value);

// ---- pip (DL3013, DL3042) ----

function sequenceAt(args: readonly string[], seq: readonly string[]): number {
  for (let i = 0; i + seq.length <= args.length; i++) if (seq.every((s, j) => args[i + j] === s)) return i;
  return -1;
}

/** `pip* … install …` or `python* … -m pip install …`. */
export function isPipInstall(c: HCommand): boolean {
  if (c.name.startsWith('pip') && values(c).includes('install')) return true;
  return c.name.startsWith('python') && sequenceAt(values(c), ['-m', 'pip', 'install']) >= 0;
}

/** pipx and pipenv look like pip but are not pip. */
export function isPipWrapper(c: HCommand): boolean {
  return ['pipx', 'pipenv'].some((w) => c.name.includes(w) || (c.name.startsWith('python') && sequenceAt(values(c), ['-m', w]) >= 0));
}

/** The `install` word of a pip install (where `--no-cache-dir` goes). */
export function pipInstallWord(c: HCommand): ShellWord | undefined {
  const i = c.name.startsWith('pip') ? values(c).indexOf('install') : sequenceAt(values(c), ['-m', 'pip', 'install']) + 2;
  return i >= 0 ? c.args[i]?.word : undefined;
}

/** pip options whose value is the next argument (not a package). */
const PIP_VALUE_FLAGS = [
  'abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url', 'implementation', 'no-binary', 'only-binary',
  'platform', 'prefix', 'progress-bar', 'proxy', 'python-version', 'root', 'src', 't', 'target', 'trusted-host', 'upgrade-strategy',
];

const VCS_SCHEMES = [
  'git+file', 'git+https', 'git+ssh', 'git+http', 'git+git', 'git', 'hg+file', 'hg+http', 'hg+https', 'hg+ssh', 'hg+static-http', 'svn', 'svn+svn',
  'svn+http', 'svn+https', 'svn+ssh', 'bzr+http', 'bzr+https', 'bzr+ssh', 'bzr+sftp', 'bzr+ftp', 'bzr+lp',
];

/** Drops everything up to the first `install`, and the `install` words themselves. */
function afterInstall(args: readonly string[]): string[] {
  const i = args.indexOf('install');
  if (i < 0) return [];
  let j = i;
  while (args[j] === 'install') j++;
  return args.slice(j);
}

export function pipPackageIsPinned(p: string): boolean {
  const vcs = VCS_SCHEMES.some((s) => p.startsWith(s));
  return ['==', '>=', '<=', '>', '<', '!=', '~=', '==='].some((s) => p.includes(s)) || (vcs && p.includes('@')) || p.endsWith('.whl') || p.endsWith('.tar.gz') || (!vcs && p.includes('/'));
}

/**
 * The packages of a pip install that are not pinned, as DL3013 reads them; empty when the command is not a
 * pip install of named packages (requirements files, `.`, constraints, pipx/pipenv).
 */
export function unpinnedPipPackages(c: HCommand): string[] {
  if (!isPipInstall(c) || isPipWrapper(c)) return [];
  if (values(c).some((a) => a === '--requirement' || a === '-r' || a === '.')) return [];
  if (hasAnyFlag(c, ['constraint', 'c'])) return [];
  return afterInstall(valuesNoFlags(c, PIP_VALUE_FLAGS)).filter((p) => !pipPackageIsPinned(p));
}

/** A pip install that keeps its download cache (DL3042): no `--no-cache-dir`, not pipx/pipenv. */
export function pipInstallKeepsCache(c: HCommand): boolean {
  return isPipInstall(c) && !values(c).includes('--no-cache-dir') && !isPipWrapper(c);
}

const TRUTHY = new Set(['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES']);

export function isTruthy(value: string): boolean {
  return TRUTHY.has(value);
}

/** hadolint's text check: the first `PIP_NO_CACHE_DIR=` in the RUN is followed by a truthy word. */
export function scriptDisablesPipCache(script: string): boolean {
  const at = script.indexOf('PIP_NO_CACHE_DIR=');
  if (at < 0) return false;
  const rest = script.slice(at + 'PIP_NO_CACHE_DIR='.length);
  return [...TRUTHY].some((t) => rest.startsWith(t));
}

// ---- npm (DL3016) ----

function npmPackageIsPinned(p: string): boolean {
  if (['git://', 'git+ssh://', 'git+http://', 'git+https://'].some((g) => p.startsWith(g))) return p.includes('#');
  if (['.tar', '.tar.gz', '.tgz'].some((s) => p.endsWith(s))) return true;
  if (['/', './', '../', '~/'].some((s) => p.startsWith(s))) return true;
  // A scope (`@org/`) is skipped up to the first character that sorts at or before `/`.
  let rest = p;
  if (rest.startsWith('@')) {
    let k = 0;
    while (k < rest.length && (rest[k] as string) > '/') k++;
    rest = rest.slice(k);
  }
  return rest.includes('@');
}

/** Packages of an `npm install <pkg>…` without `@version` (DL3016); empty for a bare `npm install`. */
export function unpinnedNpmPackages(c: HCommand): string[] {
  if (!cmdHasArgs(c, 'npm', ['install'])) return [];
  const words = valuesNoFlags(c, ['loglevel']);
  if (words[0] !== 'install') return [];
  return afterInstall(words).filter((p) => !npmPackageIsPinned(p));
}

// ---- yarn (DL3060) ----

export function isYarnInstall(c: HCommand): boolean {
  return cmdHasArgs(c, 'yarn', ['install']);
}

export function isYarnCacheClean(c: HCommand): boolean {
  return cmdHasArgs(c, 'yarn', ['cache', 'clean']);
}

// ---- gem (DL3028) ----

/**
 * The gems DL3028 checks in a `gem install|i` command: none when `-v`/`--version` is given; options are
 * dropped together with the argument after them, and everything after `--` is ignored.
 */
export function gemPackages(c: HCommand): string[] {
  if (!cmdHasArgs(c, 'gem', ['install', 'i'])) return [];
  const all = values(c);
  if (all.some((a) => a === '-v' || a === '--version' || a.startsWith('--version='))) return [];
  const until = all.indexOf('--');
  const args = until >= 0 ? all.slice(0, until) : all;
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('-')) i++;
    else if (a !== 'install' && a !== 'i') out.push(a);
  }
  return out;
}

export function gemIsPinned(gem: string): boolean {
  return gem.includes(':');
}

// ---- go (DL3062) ----

/**
 * The module paths DL3062 checks in one RUN: those of `go run` (its first argument only) when there are
 * any, else those of `go install`/`go get`.
 */
export function goModules(cmds: readonly HCommand[]): { module: string; command: HCommand }[] {
  const run: { module: string; command: HCommand }[] = [];
  const get: { module: string; command: HCommand }[] = [];
  for (const c of cmds) {
    if (cmdHasArgs(c, 'go', ['run'])) {
      valuesNoFlags(c).forEach((a, i) => {
        if (a !== 'run' && i <= 1) run.push({ module: a, command: c });
      });
    }
    if (cmdHasArgs(c, 'go', ['install', 'get'])) {
      for (const a of valuesNoFlags(c)) if (!['install', 'get', 'tool'].includes(a)) get.push({ module: a, command: c });
    }
  }
  return run.length > 0 ? run : get;
}

export function goModuleIsPinned(m: string): boolean {
  if (m === '.' || m.startsWith('/') || m.startsWith('.')) return true;
  return m.includes('@') && !m.endsWith('@latest') && !m.endsWith('@none');
}

/** `a`, `b` and `c` (at most four names, then "and N more"). */
export function listOf(names: readonly string[]): string {
  const q = names.slice(0, 4).map((n) => `\`${n}\``);
  if (names.length > 4) q.push(`${names.length - 4} more`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}` : (q[0] ?? '');
}
