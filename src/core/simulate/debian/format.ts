/**
 * The on-disk format of data/debian/<release>.json.gz, shared by the generator
 * (scripts/debian-index.ts) and the decoder (./decode.ts).
 *
 * Layout: one JSON object per release, columns instead of per-package objects, and every
 * package name referenced through an index into one name table (written in base 62), so
 * that gzip sees short repeated tokens. Version constraints of relations are dropped; only
 * the fact that an atom carried one is kept (a trailing `~`), because apt never lets an
 * unversioned Provides satisfy a versioned dependency. See README-level notes in
 * ./decode.ts for the consequences.
 */

export const INDEX_FORMAT = 'layerlab-debian-index';
export const INDEX_FORMAT_VERSION = 1;

export type Priority = 'required' | 'important' | 'standard' | 'optional' | 'extra';

/** Priority letter in `flags`; the upper-case letter means Essential: yes as well. */
export const PRIORITY_LETTERS: Readonly<Record<Priority, string>> = {
  required: 'r',
  important: 'i',
  standard: 's',
  optional: 'o',
  extra: 'x',
};

/** Where the data came from: one entry per Packages index read. */
export interface IndexSource {
  /** Suite as apt reports it (`apt-get indextargets`: RELEASE), e.g. `bookworm-security`. */
  suite: string;
  /** Archive as apt reports it (`apt-get indextargets`: SITE), e.g. `http://deb.debian.org/debian`. */
  site: string;
  component: string;
  architecture: string;
  /** The `Date:` line of the suite's InRelease file. */
  releaseDate: string;
  /** `Version:` of the InRelease file when present (point release, e.g. `12.13`). */
  releaseVersion?: string;
  /** Stanzas read from this Packages file. */
  stanzas: number;
}

export interface IndexHeader {
  release: string;
  /**
   * Packages `debootstrap --variant=minbase` adds to Priority: required and apt for this
   * release, as observed in the official image (bookworm: usr-is-merged; trixie: none).
   */
  minbaseExtra: string[];
  sources: IndexSource[];
  /** ISO timestamp of the run that wrote the file. */
  generated: string;
  generator: string;
  command: string;
  packageCount: number;
  virtualCount: number;
  notes: string[];
}

export interface EncodedDebianIndex {
  format: typeof INDEX_FORMAT;
  formatVersion: typeof INDEX_FORMAT_VERSION;
  header: IndexHeader;
  /**
   * `\n`-joined names. The first `header.packageCount` are the real packages, sorted; the
   * rest (sorted) are names that some relation refers to but no package is called:
   * virtual packages (only provided) and targets that nothing provides at all.
   * Virtual names that no relation refers to are left out.
   */
  names: string;
  /** `\n`-joined version of each real package (highest across the suites). */
  versions: string;
  /** Installed-Size in KiB, one per real package. */
  installedSize: number[];
  /** .deb download size in KiB (Size field / 1024, rounded up), one per real package. */
  debSize: number[];
  /** One letter per real package, see PRIORITY_LETTERS. */
  flags: string;
  /**
   * Relations per real package, packages separated by ' ', groups by ',', alternatives
   * by '|'. An atom is the base-62 name index, followed by '~' when it had a version
   * constraint that was dropped, or by the constraint itself (`<<`, `<=`, `=`, `>=`, `>>`
   * and the version) when the target has a versioned Provides.
   */
  preDepends: string;
  depends: string;
  recommends: string;
  /**
   * Reverse Provides: entries separated by ' ', each `target:provider,provider` (base-62
   * indexes), only for targets some relation refers to. Providers are listed in apt's static preference order (Essential first,
   * then higher Priority, then higher package ID); a provider followed by `=version`
   * provides a versioned name (`Provides: foo (= 1.2)`).
   */
  provides: string;
}

const B62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function toBase62(n: number): string {
  if (n === 0) return '0';
  let s = '';
  let v = n;
  while (v > 0) {
    s = B62[v % 62] + s;
    v = Math.floor(v / 62);
  }
  return s;
}

export function fromBase62(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = B62.indexOf(s[i] ?? '');
    if (d < 0) return -1;
    v = v * 62 + d;
  }
  return v;
}
