/** Whether a package or a Provides satisfies one relation atom (apt's DepIterator::IsSatisfied). */
import type { DebianPackage, DepAtom, Provider, VersionConstraint } from './decode.ts';
import { compareDebianVersions } from './version.ts';

export function satisfiesConstraint(version: string, c: VersionConstraint): boolean {
  const cmp = compareDebianVersions(version, c.version);
  switch (c.op) {
    case '<<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '=':
      return cmp === 0;
    case '>=':
      return cmp >= 0;
    case '>>':
      return cmp > 0;
  }
}

/**
 * The package itself (its candidate, or the installed version, which the simulator takes
 * to be the same) satisfies the atom. Constraints the data dropped count as satisfied.
 */
export function packageSatisfies(pkg: DebianPackage, atom: DepAtom): boolean {
  return atom.constraint ? satisfiesConstraint(pkg.version, atom.constraint) : true;
}

/** A Provides satisfies an unversioned atom; a versioned atom only through a versioned Provides. */
export function providerSatisfies(provider: Provider, atom: DepAtom): boolean {
  if (!atom.versioned) return true;
  if (provider.version === undefined) return false;
  return atom.constraint ? satisfiesConstraint(provider.version, atom.constraint) : true;
}
