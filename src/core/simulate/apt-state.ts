/**
 * What apt knows inside a stage: the Debian release, the installed packages and which of them are
 * marked automatic. Starts from the base image's package set (debootstrap's minbase plus the apt
 * layers its Dockerfiles ran, see data/base-images.json) and follows `apt-get install`/`purge`.
 */
import type { PackageRecipe } from './base-images.ts';
import { debootstrapMinbase, resolveAptInstall, type DebianIndex } from './debian/index.ts';
import type { SimulationData } from './data.ts';
import type { OsInfo } from './types.ts';

export interface AptState {
  release: 'bookworm' | 'trixie';
  index: DebianIndex;
  installed: Set<string>;
  /** Installed packages apt marked automatic (pulled in as dependencies). */
  auto: Set<string>;
  /** False when the base image has packages beyond the known set. */
  complete: boolean;
  /** Why the set is incomplete, for notes. */
  note: string | null;
}

export function cloneAptState(s: AptState | null): AptState | null {
  return s ? { ...s, installed: new Set(s.installed), auto: new Set(s.auto) } : null;
}

const memo = new WeakMap<DebianIndex, Map<string, { installed: ReadonlySet<string>; auto: ReadonlySet<string> }>>();

/** minbase + the recipe's layers (each `apt-get install --no-install-recommends`), memoised per index. */
export function basePackageSet(index: DebianIndex, recipe: PackageRecipe): { installed: ReadonlySet<string>; auto: ReadonlySet<string> } {
  let byRecipe = memo.get(index);
  if (!byRecipe) {
    byRecipe = new Map();
    memo.set(index, byRecipe);
  }
  const key = JSON.stringify(recipe.layers.map((l) => l.install));
  const cached = byRecipe.get(key);
  if (cached) return cached;
  const installed = new Set(debootstrapMinbase(index).names);
  const auto = new Set<string>();
  for (const layer of recipe.layers) {
    const result = resolveAptInstall(index, layer.install, { installed, installRecommends: false });
    for (const p of result.packages) {
      installed.add(p.name);
      if (p.auto) auto.add(p.name);
    }
  }
  const value = { installed, auto };
  byRecipe.set(key, value);
  return value;
}

/** The apt state for a base image, or null when its packages (or the package data) are not known. */
export function initialAptState(data: SimulationData, os: OsInfo, recipe: PackageRecipe | null): AptState | null {
  if (os.family !== 'debian' || !recipe) return null;
  const release = os.release === 'bookworm' || os.release === 'trixie' ? os.release : null;
  const index = release ? data.debian?.[release] : undefined;
  if (!release || !index) return null;
  const set = basePackageSet(index, recipe);
  return { release, index, installed: new Set(set.installed), auto: new Set(set.auto), complete: recipe.complete, note: recipe.note };
}
