/**
 * Command-line parsing for the RPM family (yum, dnf/microdnf, zypper) as the hadolint-equivalent rules
 * read it (DL3030-DL3041): which commands install, which clean up, which packages are pinned.
 */
import type { Instruction, ParsedDockerfile } from '../../parse/model.ts';
import type { ShellWord } from '../../shell/types.ts';
import { argsNoFlags, cmdHasAllArgs, cmdHasArgs, hasAnyFlag, type HCommand } from '../hadolint/index.ts';

/** Argument values without flags (quotes removed, `$V` kept: DL3033/DL3041 look variable names up). */
const valuesNoFlags = (c: HCommand): string[] => argsNoFlags(c).map((a) => a.value);

export const DNF = ['dnf', 'microdnf'] as const;

/** The first argument equal to one of `subs` (e.g. the `install` word, where `-y` goes). */
export function subcommandWord(c: HCommand, subs: readonly string[]): ShellWord | undefined {
  return c.args.find((a) => subs.includes(a.text))?.word;
}

// ---- assume-yes (DL3030, DL3038, DL3034) ----

export const YUM_INSTALLS = ['install', 'groupinstall', 'localinstall'];

export function yumNeedsYes(c: HCommand): boolean {
  return cmdHasArgs(c, 'yum', YUM_INSTALLS) && !hasAnyFlag(c, ['y', 'assumeyes']);
}

export function dnfNeedsYes(c: HCommand): boolean {
  return cmdHasArgs(c, DNF, YUM_INSTALLS) && !hasAnyFlag(c, ['y', 'assumeyes']);
}

export const ZYPPER_CHANGES = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];

export function zypperNeedsNonInteractive(c: HCommand): boolean {
  return cmdHasArgs(c, 'zypper', ZYPPER_CHANGES) && !hasAnyFlag(c, ['non-interactive', 'n', 'no-confirm', 'y']);
}

export function isZypperDistUpgrade(c: HCommand): boolean {
  return cmdHasArgs(c, 'zypper', ['dist-upgrade', 'dup']);
}

// ---- cleanup (DL3032, DL3040, DL3036) ----

export function isYumInstall(c: HCommand): boolean {
  return cmdHasArgs(c, 'yum', ['install']);
}

/** `yum clean all` or `rm -rf /var/cache/yum/*`, every word required. */
export function isYumClean(c: HCommand): boolean {
  return cmdHasAllArgs(c, 'yum', ['clean', 'all']) || cmdHasAllArgs(c, 'rm', ['-rf', '/var/cache/yum/*']);
}

export const DNF_INSTALLS = ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei'];

export function isDnfInstall(c: HCommand, tool: string): boolean {
  return cmdHasArgs(c, tool, DNF_INSTALLS);
}

/** `<tool> clean all` (either word) or an `rm -rf` (hadolint matches any of the words). */
export function isDnfClean(c: HCommand, tool: string): boolean {
  return cmdHasArgs(c, tool, ['clean', 'all']) || cmdHasArgs(c, 'rm', ['-rf', '/var/cache/libdnf5*']);
}

export function isZypperInstall(c: HCommand): boolean {
  return cmdHasArgs(c, 'zypper', ['install', 'in']);
}

export function isZypperClean(c: HCommand): boolean {
  return cmdHasArgs(c, 'zypper', ['clean', 'cc']);
}

// ---- pinning (DL3033, DL3041, DL3037) ----

function installArgs(c: HCommand, tools: readonly string[]): string[] {
  if (!cmdHasArgs(c, tools, ['install'])) return [];
  return valuesNoFlags(c).filter((a) => a !== 'install' && a !== 'module');
}

/** Packages and modules named by a yum (DL3033) or dnf/microdnf (DL3041) install. */
export function rpmInstallArgs(c: HCommand, family: 'yum' | 'dnf'): { packages: string[]; modules: string[] } {
  const tools = family === 'yum' ? ['yum'] : [...DNF];
  const isModule = cmdHasArgs(c, tools, ['module']);
  const skip = family === 'dnf' ? cmdHasArgs(c, tools, ['module', 'group']) : isModule;
  const args = installArgs(c, tools);
  return { packages: skip ? [] : args, modules: isModule ? args : [] };
}

const VERSION_PART = /^[0-9A-Za-z.~^_:+]*$/;

/**
 * `name-version` as hadolint reads it: the parts after the first `-` are version-like (one starts with a
 * digit); `.rpm` files pass; with a `$`, it passes when it refers to a variable in `known` (a set, or a
 * function giving it, called only for such packages).
 */
export function rpmPackageIsPinned(p: string, known: ReadonlySet<string> | (() => ReadonlySet<string>)): boolean {
  const parts = p.split('-');
  if (parts.length <= 1) return false;
  if (p.endsWith('.rpm')) return true;
  if (p.includes('$')) {
    const braced = p.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, '$${$1}');
    return [...(typeof known === 'function' ? known() : known)].some((v) => braced.includes(`\${${v}}`));
  }
  const rest = parts.slice(1);
  return rest.every((r) => VERSION_PART.test(r)) && rest.some((r) => /^[0-9]/.test(r));
}

/** A module is pinned with a stream, `name:stream`. */
export function rpmModuleIsPinned(m: string): boolean {
  return m.includes(':');
}

export function zypperPackages(c: HCommand): string[] {
  if (!isZypperInstall(c)) return [];
  return valuesNoFlags(c).filter((a) => a !== 'install' && a !== 'in');
}

export function zypperPackageIsPinned(p: string): boolean {
  return p.includes('=') || p.includes('>') || p.includes('<') || p.endsWith('.rpm');
}

/** Where a RUN's known names are: the first `size` names of each growing set (sets keep insertion order). */
type KnownAt = { sets: readonly Set<string>[]; sizes: readonly number[]; names?: ReadonlySet<string> };

const knownCache = new WeakMap<ParsedDockerfile, (run: Instruction) => ReadonlySet<string>>();

/**
 * The ARG and ENV names hadolint knows at each RUN (DL3033, DL3041): ARGs from anywhere earlier in the
 * file, ENVs of the current stage and of the stage it is built FROM. ONBUILD triggers only see earlier
 * ONBUILD ARG/ENV triggers. Returns a lookup (empty for an instruction that is not a RUN); the names are
 * listed only for the RUNs asked about, so a long file does not copy every name for every RUN.
 */
export function knownVarsAtRuns(df: ParsedDockerfile): (run: Instruction) => ReadonlySet<string> {
  const cached = knownCache.get(df);
  if (cached) return cached;
  // Built on the first question: most Dockerfiles have no yum/dnf package with a variable in it.
  let at: Map<Instruction, KnownAt> | null = null;
  const empty: ReadonlySet<string> = new Set();
  const lookup = (run: Instruction): ReadonlySet<string> => {
    at ??= knownAt(df);
    const k = at.get(run);
    if (!k) return empty;
    if (!k.names) {
      const names = new Set<string>();
      k.sets.forEach((set, n) => {
        let left = k.sizes[n] as number;
        for (const name of set) {
          if (left-- <= 0) break;
          names.add(name);
        }
      });
      k.names = names;
    }
    return k.names;
  };
  knownCache.set(df, lookup);
  return lookup;
}

function knownAt(df: ParsedDockerfile): Map<Instruction, KnownAt> {
  const at = new Map<Instruction, KnownAt>();
  const args = new Set<string>();
  const envs = new Map<number, Set<string>>([[-1, new Set()]]);
  const onbuild = new Set<string>();
  for (const i of df.instructions) {
    if (i.keyword === 'FROM') {
      const stage = df.stages.find((s) => s.from === i);
      if (stage) envs.set(stage.index, new Set(stage.baseStage !== null ? envs.get(stage.baseStage) : []));
      continue;
    }
    const env = envs.get(i.stage) ?? new Set<string>();
    envs.set(i.stage, env);
    if (i.keyword === 'ENV') for (const p of i.properties) env.add(p.name);
    else if (i.keyword === 'ARG') for (const p of i.properties) args.add(p.name);
    else if (i.keyword === 'RUN') at.set(i, { sets: [env, args], sizes: [env.size, args.size] });
    const t = i.trigger;
    if (t?.keyword === 'ENV' || t?.keyword === 'ARG') for (const p of t.properties) onbuild.add(p.name);
    else if (t?.keyword === 'RUN') at.set(t, { sets: [onbuild], sizes: [onbuild.size] });
  }
  return at;
}
