/**
 * What the OS package-manager commands in a RUN do: apt-get/apt/aptitude (Debian, Ubuntu), apk (Alpine),
 * yum/dnf/microdnf (Fedora, RHEL) and zypper (openSUSE). Pure functions over ShellCommand.
 *
 * Used by Layerlab's own size rules (build tools, cleanup, `--virtual` groups). The rules that claim a
 * hadolint equivalent read commands through ../hadolint/index.ts instead, to match hadolint exactly.
 */
import { hasFlag, positionals } from '../../shell/query.ts';
import type { ShellCommand, ShellWord } from '../../shell/types.ts';

export type OsFamily = 'apt' | 'apk' | 'rpm' | 'zypper';
export type OsAction = 'install' | 'remove' | 'update' | 'upgrade' | 'clean' | 'other';

export interface OsPackageCommand {
  cmd: ShellCommand;
  family: OsFamily;
  /** The tool's name, e.g. `apt-get`, `apk`, `dnf`. */
  tool: string;
  /** The subcommand as written (`install`, `add`, `purge`, …); undefined when there is none. */
  subcommand: string | undefined;
  subcommandWord: ShellWord | undefined;
  action: OsAction;
  /** Package arguments of install/remove commands (files and names as written). */
  packages: ShellWord[];
}

export const APT_TOOLS: readonly string[] = ['apt-get', 'apt', 'aptitude'];
export const RPM_TOOLS: readonly string[] = ['yum', 'dnf', 'microdnf', 'tdnf'];

/** Options of apt-get/apt/aptitude that take a separate value. */
export const APT_VALUE_FLAGS: readonly string[] = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'];
/** Options of apk that take a separate value. */
export const APK_VALUE_FLAGS: readonly string[] = [
  '-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '--wait', '--cache-max-age',
];
const RPM_VALUE_FLAGS: readonly string[] = ['-c', '--config', '--installroot', '--releasever', '-x', '--exclude', '--setopt', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-d', '-e'];
const ZYPPER_VALUE_FLAGS: readonly string[] = ['-r', '--repo', '--root', '-R', '--reposd-dir', '-C', '--cache-dir', '-D', '--type', '-t', '--from'];

const APT_ACTIONS: Record<string, OsAction> = {
  install: 'install', reinstall: 'install', 'build-dep': 'install',
  remove: 'remove', purge: 'remove', autoremove: 'remove', autopurge: 'remove',
  update: 'update',
  upgrade: 'upgrade', 'dist-upgrade': 'upgrade', 'full-upgrade': 'upgrade', 'safe-upgrade': 'upgrade',
  clean: 'clean', autoclean: 'clean', 'dist-clean': 'clean',
};
const APK_ACTIONS: Record<string, OsAction> = { add: 'install', del: 'remove', update: 'update', upgrade: 'upgrade', cache: 'clean' };
const RPM_ACTIONS: Record<string, OsAction> = {
  install: 'install', reinstall: 'install', groupinstall: 'install', localinstall: 'install', 'group install': 'install',
  remove: 'remove', erase: 'remove', autoremove: 'remove', groupremove: 'remove',
  update: 'upgrade', upgrade: 'upgrade', 'upgrade-minimal': 'upgrade', 'distro-sync': 'upgrade',
  makecache: 'update', clean: 'clean',
};
const ZYPPER_ACTIONS: Record<string, OsAction> = {
  install: 'install', in: 'install', remove: 'remove', rm: 'remove', refresh: 'update', ref: 'update',
  update: 'upgrade', up: 'upgrade', 'dist-upgrade': 'upgrade', dup: 'upgrade', clean: 'clean', cc: 'clean',
};

/** Describes an OS package-manager command, or null when `cmd` is none. */
export function osPackageCommand(cmd: ShellCommand): OsPackageCommand | null {
  let family: OsFamily;
  let valueFlags: readonly string[];
  let actions: Record<string, OsAction>;
  if (APT_TOOLS.includes(cmd.name)) {
    family = 'apt';
    valueFlags = APT_VALUE_FLAGS;
    actions = APT_ACTIONS;
  } else if (cmd.name === 'apk') {
    family = 'apk';
    valueFlags = APK_VALUE_FLAGS;
    actions = APK_ACTIONS;
  } else if (RPM_TOOLS.includes(cmd.name)) {
    family = 'rpm';
    valueFlags = RPM_VALUE_FLAGS;
    actions = RPM_ACTIONS;
  } else if (cmd.name === 'zypper') {
    family = 'zypper';
    valueFlags = ZYPPER_VALUE_FLAGS;
    actions = ZYPPER_ACTIONS;
  } else return null;
  const pos = positionals(cmd, valueFlags);
  const first = pos[0];
  let sub = first?.value;
  let rest = pos.slice(1);
  if (family === 'rpm' && sub === 'group' && rest[0]) {
    sub = `group ${rest[0].value}`;
    rest = rest.slice(1);
  }
  const action: OsAction = sub !== undefined ? (actions[sub] ?? 'other') : 'other';
  return {
    cmd,
    family,
    tool: cmd.name,
    subcommand: sub,
    subcommandWord: first,
    action,
    packages: action === 'install' || action === 'remove' ? rest : [],
  };
}

/** All OS package-manager commands of a list of shell commands. */
export function osPackageCommands(cmds: readonly ShellCommand[]): OsPackageCommand[] {
  const out: OsPackageCommand[] = [];
  for (const c of cmds) {
    const p = osPackageCommand(c);
    if (p) out.push(p);
  }
  return out;
}

/** `apt-get update`, or `apt-get install --update` (apt >= 2.9): downloads the package lists. */
export function refreshesAptLists(p: OsPackageCommand): boolean {
  return p.family === 'apt' && (p.action === 'update' || (p.action === 'install' && hasFlag(p.cmd, '--update')));
}

/** `apk add --virtual NAME` / `-t NAME`: the virtual package name, else undefined. */
export function apkVirtualName(p: OsPackageCommand): { name: string; word: ShellWord; flag: ShellWord } | undefined {
  if (p.family !== 'apk' || p.subcommand !== 'add') return undefined;
  const args = p.cmd.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as ShellWord;
    if (a.value === '--') break;
    if (a.value === '--virtual' || a.value === '-t') {
      const v = args[i + 1];
      if (v) return { name: v.value, word: v, flag: a };
    } else if (a.value.startsWith('--virtual=')) {
      return { name: a.value.slice('--virtual='.length), word: a, flag: a };
    }
  }
  return undefined;
}

/**
 * The bare package name: without apt `=version`/`/release`/`:arch`, apk `=~<>` constraints, or quotes.
 * Files (`./x.deb`, `x.apk`, URLs) are returned as they are.
 */
export function packageBaseName(pkg: string): string {
  if (/\.(deb|apk|rpm)$/.test(pkg) || pkg.includes('://') || pkg.startsWith('.') || pkg.startsWith('/')) return pkg;
  return pkg.replace(/[=~<>].*$/, '').replace(/\/[^/]*$/, '').replace(/:[a-z0-9]+$/, '');
}

const BUILD_TOOLS = new Set([
  'gcc', 'g++', 'cc', 'c++', 'cpp', 'clang', 'llvm', 'gfortran', 'gcc-c++', 'gcc-gfortran',
  'make', 'cmake', 'ninja', 'ninja-build', 'meson', 'autoconf', 'automake', 'libtool', 'bison', 'flex',
  'pkg-config', 'pkgconf', 'pkgconfig', 'dpkg-dev',
  'build-essential', 'build-base', 'alpine-sdk', 'abuild',
  'musl-dev', 'libc6-dev', 'libc-dev', 'glibc-devel', 'linux-headers', 'linux-libc-dev', 'kernel-headers', 'kernel-devel',
  '@development-tools', '@development', '@c-development', 'development tools',
]);

/**
 * Is this package a compiler, build system or header package that a runtime image does not need?
 * (`gcc`, `gcc-12`, `build-essential`, `build-base`, `musl-dev`, `*-dev`, `*-devel`, …)
 */
export function isBuildTool(pkg: string): boolean {
  const name = packageBaseName(pkg).toLowerCase();
  if (name === '' || name.includes('$') || /\.(deb|apk|rpm)$/.test(name) || name.includes('/')) return false;
  if (BUILD_TOOLS.has(name)) return true;
  // Versioned compilers: gcc-12, g++-12, clang-16, llvm-15, cpp-12 (apt); gcc-8.5.0-… (rpm pins).
  if (/^(gcc|g\+\+|cpp|clang|llvm|gfortran|cmake|make)-\d[\w.+~-]*$/.test(name)) return true;
  return /.-(dev|devel)$/.test(name);
}

/**
 * Does `remover` (a removal command in the same RUN) remove `pkg`, installed by `installer`?
 * Matches names, apk `--virtual` groups, and removals whose arguments are not literal (`$buildDeps`),
 * which are assumed to remove everything.
 */
export function removes(remover: OsPackageCommand, installer: OsPackageCommand, pkg: string): boolean {
  if (remover.action !== 'remove' || remover.family !== installer.family) return false;
  const names = remover.packages.map((w) => w.value);
  if (remover.packages.some((w) => w.dynamic)) return true;
  const base = packageBaseName(pkg);
  if (names.some((n) => packageBaseName(n) === base)) return true;
  const virtual = apkVirtualName(installer);
  return virtual !== undefined && names.includes(virtual.name);
}

/**
 * The Debian "remove everything marked automatic" idiom of the official images:
 * `apt-mark auto '.*'` (or `apt-mark auto <pkgs>`) followed by `apt-get purge -y --auto-remove` or
 * `apt-get autoremove` in the same RUN.
 */
export function hasAutoRemoveIdiom(cmds: readonly ShellCommand[]): boolean {
  const marks = cmds.some((c) => c.name === 'apt-mark' && positionals(c)[0]?.value === 'auto');
  if (!marks) return false;
  return osPackageCommands(cmds).some(
    (p) => p.family === 'apt' && p.action === 'remove' && (p.subcommand === 'autoremove' || p.subcommand === 'autopurge' || hasFlag(p.cmd, '--auto-remove', '--autoremove')),
  );
}
