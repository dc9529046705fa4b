/**
 * The package set of an official `debian:<release>` image.
 *
 * The images are built by debuerreotype, which runs `debootstrap --variant=minbase` and
 * then upgrades from -updates/-security. debootstrap (scripts/debian-common, functions:
 * work_out_debs, resolve_deps, pkgdetails GETDEPS) installs:
 * - every package with `Priority: required`, plus `usr-is-merged` where debootstrap adds
 *   it (the data header's `minbaseExtra`: the bookworm image has it, the trixie image of
 *   2026-08-24 does not),
 * - `apt` (the minbase "base" list),
 * - and the closure of their Pre-Depends and Depends, where debootstrap keeps only the
 *   FIRST alternative of each `a | b`, strips versions and arch qualifiers, and silently
 *   drops names that are no real package (virtual names are not resolved);
 *   `usrmerge` is excluded.
 * Debian policy makes every `Essential: yes` package `Priority: required`; they are added
 * here too in case the archive ever disagrees. No Recommends are installed.
 */
import type { DebianIndex } from './decode.ts';

export interface BaseImageSet {
  /** Installed package names. */
  readonly names: ReadonlySet<string>;
  /** Σ Installed-Size in KiB. */
  readonly installedSizeKiB: number;
}

export function debootstrapMinbase(index: DebianIndex): BaseImageSet {
  const seeds: string[] = [];
  for (const pkg of index.packages.values()) {
    if (pkg.priority === 'required' || pkg.essential) seeds.push(pkg.name);
  }
  for (const extra of [...(index.header.minbaseExtra ?? []), 'apt']) {
    if (index.packages.has(extra)) seeds.push(extra);
  }
  const exclude = new Set(['usrmerge']);
  const names = new Set<string>();
  const stack = [...seeds];
  while (stack.length > 0) {
    const name = stack.pop() ?? '';
    if (names.has(name) || exclude.has(name)) continue;
    const pkg = index.packages.get(name);
    if (!pkg) continue;
    names.add(name);
    for (const group of [...pkg.preDepends, ...pkg.depends]) {
      const first = group[0];
      if (first && index.packages.has(first.name) && !names.has(first.name)) stack.push(first.name);
    }
  }
  let installedSizeKiB = 0;
  for (const n of names) installedSizeKiB += index.packages.get(n)?.installedSizeKiB ?? 0;
  return { names, installedSizeKiB };
}
