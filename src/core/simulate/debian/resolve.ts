/**
 * What `apt-get install` / `apt-get purge [--auto-remove]` would do, computed from a
 * decoded package index (./decode.ts) and the set of installed package names.
 *
 * The install resolver follows apt's own marking algorithm (apt-pkg/depcache.cc,
 * pkgDepCache::MarkInstall, apt 2.6 / 3.0) rather than a generic solver:
 * - the requested packages are marked first (manual); then each of them whose
 *   dependencies are not yet satisfied is auto-installed, depth first;
 * - a package's Pre-Depends, then Depends (then Recommends, with installRecommends) are
 *   visited in the order written; a dependency already satisfied by an installed package
 *   or by one already chosen in this run is skipped, so `a | b` keeps an installed or
 *   already chosen `b`;
 * - otherwise the candidates are tried in apt's order: for each alternative in turn, the
 *   package of that name itself, then its providers (Essential first, then higher
 *   Priority, then apt's package ID; see ./decode.ts); packages whose own Depends cannot
 *   be satisfied by anything in the index are skipped, as apt does
 *   (IsInstallOkDependenciesSatisfiableByCandidates);
 * - Recommends are followed for every newly installed package, recursively, when
 *   installRecommends (apt's default); a Recommends nothing can satisfy is ignored;
 * - a requested name that is no package but is provided by exactly one package selects
 *   that package ("Note, selecting 'mawk' instead of 'awk'"); with several providers apt
 *   refuses and asks for a choice, reported in `unknown`.
 * Not modelled (the data has no versions or negative relations): version constraints
 * (assumed satisfied), upgrades of installed packages, Conflicts/Breaks (apt may remove a
 * conflicting package or pick another alternative), and apt's package-ID order among
 * several requested packages (approximated by name order).
 */
import type { DebianIndex, DebianPackage, DepAtom, DepGroup } from './decode.ts';
import { packageSatisfies, providerSatisfies } from './relation.ts';

export type RelationKind = 'pre-depends' | 'depends' | 'recommends';

export type InstallReason =
  | { readonly kind: 'requested' }
  | { readonly kind: RelationKind; readonly of: string; readonly relation: string };

export interface AptInstalledPackage {
  readonly name: string;
  readonly version: string;
  readonly installedSizeKiB: number;
  readonly debSizeKiB: number;
  /** apt marks everything it pulls in as automatically installed; requested packages are manual. */
  readonly auto: boolean;
  readonly reason: InstallReason;
}

export interface UnknownPackage {
  readonly name: string;
  readonly reason: string;
}

export interface AptInstallOptions {
  /** Names of the packages installed before this command. */
  readonly installed: ReadonlySet<string>;
  /** apt's default is true; `--no-install-recommends` makes it false. */
  readonly installRecommends: boolean;
}

export interface AptInstallResult {
  /** Packages apt would newly install, in the order it decided on them. */
  readonly packages: readonly AptInstalledPackage[];
  /** Σ Installed-Size (KiB) of `packages`. */
  readonly installedSizeKiB: number;
  /** Σ Installed-Size × 1024. */
  readonly installedSizeBytes: number;
  /** Σ .deb sizes (KiB) apt would download. */
  readonly downloadSizeKiB: number;
  /** Requested names that are already installed ("is already the newest version"). */
  readonly alreadyInstalled: readonly string[];
  /** Requested virtual names and the package apt selects instead. */
  readonly selected: readonly { readonly requested: string; readonly selected: string }[];
  /** Requested names apt would not find (apt-get would fail with an error). */
  readonly unknown: readonly UnknownPackage[];
  /** Pre-Depends/Depends that nothing in the index can satisfy (apt-get would fail). */
  readonly unsatisfied: readonly { readonly package: string; readonly relation: string }[];
}

export function formatGroup(group: DepGroup): string {
  return group.map((a) => a.name).join(' | ');
}

/**
 * Splits an `apt-get install` argument into the package name: drops `=version`,
 * `/release` and an architecture qualifier (`:amd64`, `:all`, `:native`).
 */
export function requestedPackageName(arg: string): string {
  let name = arg.trim().toLowerCase();
  const eq = name.indexOf('=');
  if (eq >= 0) name = name.slice(0, eq);
  const slash = name.indexOf('/');
  if (slash >= 0) name = name.slice(0, slash);
  const colon = name.indexOf(':');
  if (colon >= 0) name = name.slice(0, colon);
  return name;
}

class InstallState {
  readonly marked = new Map<string, AptInstalledPackage>();
  readonly uninstallable = new Set<string>();
  readonly unsatisfied: { package: string; relation: string }[] = [];

  readonly index: DebianIndex;
  readonly installed: ReadonlySet<string>;
  readonly installRecommends: boolean;

  constructor(index: DebianIndex, installed: ReadonlySet<string>, installRecommends: boolean) {
    this.index = index;
    this.installed = installed;
    this.installRecommends = installRecommends;
  }

  present(name: string): boolean {
    return this.installed.has(name) || this.marked.has(name);
  }

  /** The dependency is satisfied by an installed package or one already marked for install. */
  atomSatisfied(a: DepAtom): boolean {
    if (this.present(a.name)) {
      const own = this.index.packages.get(a.name);
      if (!own || packageSatisfies(own, a)) return true;
    }
    for (const p of this.index.providers.get(a.name) ?? []) {
      if (providerSatisfies(p, a) && this.present(p.pkg.name)) return true;
    }
    return false;
  }

  groupSatisfied(g: DepGroup): boolean {
    return g.some((a) => this.atomSatisfied(a));
  }

  /** apt's DepInstall|DepCVer: satisfied now, or something in the index could satisfy it. */
  groupPossible(g: DepGroup): boolean {
    return g.some((a) => {
      if (this.atomSatisfied(a)) return true;
      const own = this.index.packages.get(a.name);
      if (own && !this.uninstallable.has(a.name) && packageSatisfies(own, a)) return true;
      return (this.index.providers.get(a.name) ?? []).some(
        (p) => providerSatisfies(p, a) && !this.uninstallable.has(p.pkg.name),
      );
    });
  }

  /** Candidates for an or-group in apt's order (getAllPossibleSolutions). */
  solutions(g: DepGroup): DebianPackage[] {
    const out: DebianPackage[] = [];
    const seen = new Set<string>();
    for (const a of g) {
      const own = this.index.packages.get(a.name);
      if (own && !seen.has(own.name) && packageSatisfies(own, a)) {
        seen.add(own.name);
        out.push(own);
      }
      for (const p of this.index.providers.get(a.name) ?? []) {
        if (!providerSatisfies(p, a)) continue;
        if (seen.has(p.pkg.name)) continue;
        seen.add(p.pkg.name);
        out.push(p.pkg);
      }
    }
    return out;
  }

  criticalGroups(pkg: DebianPackage): [RelationKind, DepGroup][] {
    return [
      ...pkg.preDepends.map((g): [RelationKind, DepGroup] => ['pre-depends', g]),
      ...pkg.depends.map((g): [RelationKind, DepGroup] => ['depends', g]),
    ];
  }

  importantGroups(pkg: DebianPackage): [RelationKind, DepGroup][] {
    const groups = this.criticalGroups(pkg);
    if (this.installRecommends) groups.push(...pkg.recommends.map((g): [RelationKind, DepGroup] => ['recommends', g]));
    return groups;
  }

  /** pkgDepCache::MarkInstall with AutoInst for a package pulled in by a relation. */
  markInstall(pkg: DebianPackage, reason: InstallReason): boolean {
    if (this.present(pkg.name)) return true;
    if (this.uninstallable.has(pkg.name)) return false;
    if (!this.criticalGroups(pkg).every(([, g]) => this.groupPossible(g))) {
      this.uninstallable.add(pkg.name);
      return false;
    }
    const todo = this.importantGroups(pkg).filter(([, g]) => !this.groupSatisfied(g));
    this.marked.set(pkg.name, entry(pkg, true, reason));
    if (!this.installDependencies(pkg, todo, false)) {
      // failEarly: discard this package (what it already pulled in stays marked, as in apt)
      this.marked.delete(pkg.name);
      return false;
    }
    return true;
  }

  /** MarkInstall_InstallDependencies. Returns false when a critical dependency failed. */
  installDependencies(pkg: DebianPackage, todo: [RelationKind, DepGroup][], fromUser: boolean): boolean {
    let ok = true;
    for (const [kind, g] of todo) {
      if (this.groupSatisfied(g)) continue;
      const relation = formatGroup(g);
      let found = false;
      for (const candidate of this.solutions(g)) {
        if (this.markInstall(candidate, { kind, of: pkg.name, relation })) {
          found = true;
          break;
        }
      }
      if (found || kind === 'recommends') continue;
      ok = false;
      if (fromUser) this.unsatisfied.push({ package: pkg.name, relation });
      else break;
    }
    return ok;
  }
}

function entry(pkg: DebianPackage, auto: boolean, reason: InstallReason): AptInstalledPackage {
  return {
    name: pkg.name,
    version: pkg.version,
    installedSizeKiB: pkg.installedSizeKiB,
    debSizeKiB: pkg.debSizeKiB,
    auto,
    reason,
  };
}

/** The packages `apt-get install -y [--no-install-recommends] <requested...>` would add. */
export function resolveAptInstall(
  index: DebianIndex,
  requested: readonly string[],
  options: AptInstallOptions,
): AptInstallResult {
  const state = new InstallState(index, options.installed, options.installRecommends);
  const unknown: UnknownPackage[] = [];
  const alreadyInstalled: string[] = [];
  const selected: { requested: string; selected: string }[] = [];
  const targets: DebianPackage[] = [];
  const where = `Debian ${index.release} (main, amd64)`;

  for (const arg of requested) {
    const name = requestedPackageName(arg);
    if (!name) continue;
    let pkg = index.packages.get(name);
    if (!pkg) {
      const providers = index.providers.get(name) ?? [];
      const only = providers.length === 1 ? providers[0] : undefined;
      if (only) {
        pkg = only.pkg;
        selected.push({ requested: name, selected: pkg.name });
      } else if (options.installed.has(name)) {
        alreadyInstalled.push(name);
        continue;
      } else if (providers.length > 1) {
        unknown.push({
          name,
          reason: `"${name}" is a virtual package provided by ${providers.map((p) => p.pkg.name).join(', ')}; apt-get asks you to pick one explicitly`,
        });
        continue;
      } else {
        unknown.push({
          name,
          reason: index.virtualNames.has(name)
            ? `"${name}" is referred to by other packages but no package in ${where} is called or provides it`
            : `no package "${name}" in ${where}`,
        });
        continue;
      }
    }
    if (options.installed.has(pkg.name)) {
      if (!alreadyInstalled.includes(pkg.name)) alreadyInstalled.push(pkg.name);
      continue;
    }
    if (!state.marked.has(pkg.name)) {
      state.marked.set(pkg.name, entry(pkg, false, { kind: 'requested' }));
      targets.push(pkg);
    }
  }

  // apt-get: TryToInstall marks every requested package without auto-install, then
  // doAutoInstall runs MarkInstall(pkg, AutoInst) for those whose dependencies are
  // broken, in package order (apt's package ID; approximated here by name).
  const ordered = [...targets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const pkg of ordered) {
    const todo = state.importantGroups(pkg).filter(([, g]) => !state.groupSatisfied(g));
    if (todo.length > 0) state.installDependencies(pkg, todo, true);
  }

  const packages = [...state.marked.values()];
  const installedSizeKiB = packages.reduce((s, p) => s + p.installedSizeKiB, 0);
  return {
    packages,
    installedSizeKiB,
    installedSizeBytes: installedSizeKiB * 1024,
    downloadSizeKiB: packages.reduce((s, p) => s + p.debSizeKiB, 0),
    alreadyInstalled,
    selected,
    unknown,
    unsatisfied: state.unsatisfied,
  };
}

// ---------------------------------------------------------------------------------------
// purge / remove / autoremove

export interface AptPurgeOptions {
  /** Names of the installed packages. */
  readonly installed: ReadonlySet<string>;
  /**
   * The installed packages apt has marked as automatically installed (`apt-mark showauto`);
   * all others count as manual. debootstrap marks nothing, so a base image's packages are
   * all manual; packages pulled in by `apt-get install` are auto.
   */
  readonly autoInstalled?: ReadonlySet<string>;
  /** `--auto-remove` (or `apt-get autoremove` afterwards). */
  readonly autoRemove: boolean;
  /**
   * APT::AutoRemove::RecommendsImportant (apt's default true: a package that something
   * installed recommends is kept). The python images pass `-o ...=false`.
   * Suggests are never followed (official Debian images set SuggestsImportant=false).
   */
  readonly recommendsImportant?: boolean;
}

export type RemovalReason =
  | { readonly kind: 'requested' }
  | { readonly kind: 'depends-on-removed'; readonly relation: string }
  | { readonly kind: 'auto-remove' };

export interface AptRemovedPackage {
  readonly name: string;
  readonly installedSizeKiB: number;
  readonly reason: RemovalReason;
}

export interface AptPurgeResult {
  readonly removed: readonly AptRemovedPackage[];
  /** Σ Installed-Size (KiB) of removed packages (what leaves the filesystem). */
  readonly installedSizeKiB: number;
  readonly installedSizeBytes: number;
  /** Requested names that are known but not installed ("is not installed, so not removed"). */
  readonly notInstalled: readonly string[];
  readonly unknown: readonly UnknownPackage[];
  /** Essential packages in `removed`: apt-get refuses unless told --allow-remove-essential. */
  readonly essential: readonly string[];
}

/** `apt-get purge -y [--auto-remove] <names...>` (remove behaves the same for sizes). */
export function resolveAptPurge(index: DebianIndex, names: readonly string[], options: AptPurgeOptions): AptPurgeResult {
  const { installed } = options;
  const auto = options.autoInstalled ?? new Set<string>();
  const recommendsImportant = options.recommendsImportant ?? true;
  const removed = new Map<string, AptRemovedPackage>();
  const notInstalled: string[] = [];
  const unknown: UnknownPackage[] = [];
  const size = (name: string) => index.packages.get(name)?.installedSizeKiB ?? 0;
  const remove = (name: string, reason: RemovalReason) => {
    if (!removed.has(name)) removed.set(name, { name, installedSizeKiB: size(name), reason });
  };

  for (const arg of names) {
    const name = requestedPackageName(arg);
    if (!name) continue;
    if (installed.has(name)) {
      remove(name, { kind: 'requested' });
      continue;
    }
    const installedProviders = (index.providers.get(name) ?? []).filter((p) => installed.has(p.pkg.name));
    const only = installedProviders.length === 1 ? installedProviders[0] : undefined;
    if (only) remove(only.pkg.name, { kind: 'requested' });
    else if (index.packages.has(name) || installedProviders.length > 1) notInstalled.push(name);
    else unknown.push({ name, reason: `no package "${name}" in Debian ${index.release} (main, amd64)` });
  }

  const alive = (name: string) => installed.has(name) && !removed.has(name);
  const ownSatisfies = (a: DepAtom) => {
    const own = index.packages.get(a.name);
    return !own || packageSatisfies(own, a);
  };
  const satisfiers = (a: DepAtom): string[] => [
    ...(ownSatisfies(a) ? [a.name] : []),
    ...(index.providers.get(a.name) ?? []).filter((p) => providerSatisfies(p, a)).map((p) => p.pkg.name),
  ];
  const atomAlive = (a: DepAtom) => satisfiers(a).some(alive);

  // The problem resolver removes installed packages whose Depends/Pre-Depends break.
  for (let changed = removed.size > 0; changed; ) {
    changed = false;
    for (const name of installed) {
      if (removed.has(name)) continue;
      const pkg = index.packages.get(name);
      if (!pkg) continue;
      const broken = [...pkg.preDepends, ...pkg.depends].find((g) => !g.some(atomAlive));
      if (broken) {
        remove(name, { kind: 'depends-on-removed', relation: formatGroup(broken) });
        changed = true;
      }
    }
  }

  if (options.autoRemove) {
    // pkgDepCache::MarkAndSweep: roots are manual, Essential and Priority: required
    // packages; follow Pre-Depends, Depends (and Recommends) to every installed package
    // that satisfies any alternative; installed auto packages left unmarked are garbage.
    const marked = new Set<string>();
    const stack: string[] = [];
    for (const name of installed) {
      if (!alive(name)) continue;
      const pkg = index.packages.get(name);
      if (!auto.has(name) || !pkg || pkg.essential || pkg.priority === 'required') {
        marked.add(name);
        stack.push(name);
      }
    }
    while (stack.length > 0) {
      const pkg = index.packages.get(stack.pop() ?? '');
      if (!pkg) continue;
      const groups = recommendsImportant
        ? [...pkg.preDepends, ...pkg.depends, ...pkg.recommends]
        : [...pkg.preDepends, ...pkg.depends];
      for (const g of groups) {
        for (const a of g) {
          for (const t of satisfiers(a)) {
            if (alive(t) && !marked.has(t)) {
              marked.add(t);
              stack.push(t);
            }
          }
        }
      }
    }
    for (const name of installed) {
      if (alive(name) && !marked.has(name)) remove(name, { kind: 'auto-remove' });
    }
  }

  const list = [...removed.values()];
  const installedSizeKiB = list.reduce((s, p) => s + p.installedSizeKiB, 0);
  return {
    removed: list,
    installedSizeKiB,
    installedSizeBytes: installedSizeKiB * 1024,
    notInstalled,
    unknown,
    essential: list.filter((p) => index.packages.get(p.name)?.essential).map((p) => p.name),
  };
}
