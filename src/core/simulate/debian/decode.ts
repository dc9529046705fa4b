/**
 * Decodes data/debian/<release>.json.gz (already gunzipped and JSON-parsed by the caller:
 * the engine never fetches or reads files) into a package index.
 *
 * What the data keeps and what that costs (see scripts/debian-index.ts):
 * - one version per package, the highest across <release>, -updates and -security
 *   (apt's candidate with default pins);
 * - relations keep names, alternatives and order; version constraints are kept only where
 *   the target also has versioned Provides (there the provided version decides whether
 *   apt takes the provider or installs the real package, e.g. node-tap-parser
 *   `Provides: node-yaml (= 1.10.2)` but `Depends: node-yaml (>= 2.0.1~)`). Elsewhere only
 *   a flag "had a constraint" is left, and the resolver assumes that every installed or
 *   candidate version satisfies it: it cannot see that a package needs a newer libc6 than
 *   the one installed (apt would upgrade it; with a base image built from the same index
 *   this does not happen), nor that an older version in another suite would be needed.
 *   The flag still gives apt's rule that an unversioned Provides never satisfies a
 *   versioned relation;
 * - Conflicts, Breaks, Replaces and Suggests are not kept;
 * - virtual names are kept only when some Pre-Depends/Depends/Recommends refers to them.
 */
import {
  INDEX_FORMAT,
  INDEX_FORMAT_VERSION,
  PRIORITY_LETTERS,
  fromBase62,
  type EncodedDebianIndex,
  type IndexHeader,
  type Priority,
} from './format.ts';

export type VersionOp = '<<' | '<=' | '=' | '>=' | '>>';

export interface VersionConstraint {
  readonly op: VersionOp;
  readonly version: string;
}

export interface DepAtom {
  readonly name: string;
  /** The relation had a version constraint. */
  readonly versioned: boolean;
  /** The constraint, when the data kept it (only for targets with versioned Provides). */
  readonly constraint?: VersionConstraint;
}
/** Alternatives (`a | b`), in the order written. */
export type DepGroup = readonly DepAtom[];

export interface DebianPackage {
  readonly name: string;
  readonly version: string;
  /** Installed-Size in KiB (dpkg's estimate: every file rounded up to 1 KiB). */
  readonly installedSizeKiB: number;
  /** .deb download size in KiB (rounded up). */
  readonly debSizeKiB: number;
  readonly priority: Priority;
  readonly essential: boolean;
  readonly preDepends: readonly DepGroup[];
  readonly depends: readonly DepGroup[];
  readonly recommends: readonly DepGroup[];
  /** Names this package provides, limited to names some relation in the index refers to. */
  readonly provides: readonly string[];
}

export interface Provider {
  readonly pkg: DebianPackage;
  /** `Provides: name (= version)`: only a versioned Provides can satisfy a versioned relation. */
  readonly version?: string;
}

export interface DebianIndex {
  readonly header: IndexHeader;
  readonly release: string;
  /** Real packages by name. */
  readonly packages: ReadonlyMap<string, DebianPackage>;
  /**
   * Providers of a name, in apt's static preference order: Essential first, then higher
   * Priority, then apt's package ID (later-created first), as pkgDepCache's
   * CompareProviders orders them once its state-dependent keys (protected, installed) tie.
   */
  readonly providers: ReadonlyMap<string, readonly Provider[]>;
  /** Names relations refer to that are no real package (virtual or missing). */
  readonly virtualNames: ReadonlySet<string>;
}

export class DebianIndexFormatError extends Error {}

/** base-62 name index, then nothing, `~` (constraint dropped) or the constraint. */
const ATOM = /^([0-9a-zA-Z]+)(?:(~)|(<<|<=|>=|>>|=)(.+))?$/;

const LETTER_PRIORITY: ReadonlyMap<string, Priority> = new Map(
  (Object.entries(PRIORITY_LETTERS) as [Priority, string][]).map(([p, l]) => [l, p]),
);

type RelationParser = (encoded: string) => DepGroup[];

function relationParser(names: readonly string[]): RelationParser {
  const atomCache = new Map<string, DepAtom>();
  const atom = (token: string): DepAtom => {
    let a = atomCache.get(token);
    if (a) return a;
    const m = ATOM.exec(token);
    const name = m ? names[fromBase62(m[1] ?? '')] : undefined;
    if (!m || name === undefined) throw new DebianIndexFormatError(`bad relation atom ${token}`);
    if (m[3] && m[4]) a = { name, versioned: true, constraint: { op: m[3] as VersionOp, version: m[4] } };
    else a = { name, versioned: m[2] === '~' };
    atomCache.set(token, a);
    return a;
  };
  return (s) => (s === '' ? [] : s.split(',').map((g) => g.split('|').map(atom)));
}

const NO_NAMES: readonly string[] = [];

/** Relations are decoded on first access: a resolution touches a few hundred of ~65k packages. */
class LazyPackage implements DebianPackage {
  readonly name: string;
  readonly version: string;
  readonly installedSizeKiB: number;
  readonly debSizeKiB: number;
  readonly priority: Priority;
  readonly essential: boolean;
  readonly provides: readonly string[];
  #pre: string | DepGroup[];
  #dep: string | DepGroup[];
  #rec: string | DepGroup[];
  #parse: RelationParser;

  constructor(
    name: string,
    version: string,
    installedSizeKiB: number,
    debSizeKiB: number,
    priority: Priority,
    essential: boolean,
    provides: readonly string[] | undefined,
    pre: string,
    dep: string,
    rec: string,
    parse: RelationParser,
  ) {
    this.name = name;
    this.version = version;
    this.installedSizeKiB = installedSizeKiB;
    this.debSizeKiB = debSizeKiB;
    this.priority = priority;
    this.essential = essential;
    this.provides = provides ?? NO_NAMES;
    this.#pre = pre;
    this.#dep = dep;
    this.#rec = rec;
    this.#parse = parse;
  }

  get preDepends(): readonly DepGroup[] {
    if (typeof this.#pre === 'string') this.#pre = this.#parse(this.#pre);
    return this.#pre;
  }

  get depends(): readonly DepGroup[] {
    if (typeof this.#dep === 'string') this.#dep = this.#parse(this.#dep);
    return this.#dep;
  }

  get recommends(): readonly DepGroup[] {
    if (typeof this.#rec === 'string') this.#rec = this.#parse(this.#rec);
    return this.#rec;
  }
}

function isEncoded(value: unknown): value is EncodedDebianIndex {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['format'] === INDEX_FORMAT &&
    v['formatVersion'] === INDEX_FORMAT_VERSION &&
    typeof v['header'] === 'object' &&
    typeof v['names'] === 'string' &&
    typeof v['versions'] === 'string' &&
    Array.isArray(v['installedSize']) &&
    Array.isArray(v['debSize']) &&
    typeof v['flags'] === 'string' &&
    typeof v['preDepends'] === 'string' &&
    typeof v['depends'] === 'string' &&
    typeof v['recommends'] === 'string' &&
    typeof v['provides'] === 'string'
  );
}

/** Decodes the parsed JSON of a data/debian/<release>.json.gz file. Throws DebianIndexFormatError. */
export function decodeDebianIndex(value: unknown): DebianIndex {
  if (!isEncoded(value)) {
    throw new DebianIndexFormatError(`not a ${INDEX_FORMAT} v${INDEX_FORMAT_VERSION} document`);
  }
  const header = value.header;
  const n = header.packageCount;
  const names = value.names.split('\n');
  const versions = value.versions.split('\n');
  const pre = value.preDepends.split(' ');
  const dep = value.depends.split(' ');
  const rec = value.recommends.split(' ');
  if (
    names.length !== n + header.virtualCount ||
    versions.length !== n ||
    value.installedSize.length !== n ||
    value.debSize.length !== n ||
    value.flags.length !== n ||
    pre.length !== n ||
    dep.length !== n ||
    rec.length !== n
  ) {
    throw new DebianIndexFormatError('column lengths do not match header.packageCount');
  }

  for (let i = 1; i < n; i++) {
    if (!((names[i - 1] ?? '') < (names[i] ?? ''))) throw new DebianIndexFormatError('package names are not sorted');
  }

  const relations = relationParser(names);
  const provides = new Map<number, string[]>();
  const objects: (DebianPackage | undefined)[] = new Array<DebianPackage | undefined>(n);
  const packageAt = (i: number): DebianPackage => {
    let pkg = objects[i];
    if (!pkg) {
      const flag = value.flags[i] ?? 'x';
      pkg = new LazyPackage(
        names[i] ?? '',
        versions[i] ?? '',
        Number(value.installedSize[i]) || 0,
        Number(value.debSize[i]) || 0,
        LETTER_PRIORITY.get(flag.toLowerCase()) ?? 'extra',
        flag !== flag.toLowerCase(),
        provides.get(i),
        pre[i] ?? '',
        dep[i] ?? '',
        rec[i] ?? '',
        relations,
      );
      objects[i] = pkg;
    }
    return pkg;
  };

  const providers = new Map<string, Provider[]>();
  const provEntries = value.provides === '' ? [] : value.provides.split(' ');
  for (const entry of provEntries) {
    const colon = entry.indexOf(':');
    const target = names[fromBase62(entry.slice(0, colon))];
    if (colon < 0 || target === undefined) throw new DebianIndexFormatError(`bad provides entry ${entry}`);
    const list: { id: number; version: string | undefined }[] = [];
    for (const t of entry.slice(colon + 1).split(',')) {
      const eq = t.indexOf('=');
      const id = fromBase62(eq < 0 ? t : t.slice(0, eq));
      if (id < 0 || id >= n) throw new DebianIndexFormatError(`bad provider ${t}`);
      const own = provides.get(id);
      if (own) own.push(target);
      else provides.set(id, [target]);
      list.push({ id, version: eq < 0 ? undefined : t.slice(eq + 1) });
    }
    // Provider objects are made after all provides are known (a package's `provides`).
    providers.set(target, list as unknown as Provider[]);
  }
  for (const [target, raw] of providers) {
    const list = raw as unknown as { id: number; version: string | undefined }[];
    providers.set(
      target,
      list.map(({ id, version }) => (version === undefined ? { pkg: packageAt(id) } : { pkg: packageAt(id), version })),
    );
  }

  return {
    header,
    release: header.release,
    packages: new SortedPackageMap(names, n, packageAt),
    providers,
    virtualNames: new Set(names.slice(n)),
  };
}

/**
 * A ReadonlyMap over the sorted name table: lookups by binary search and package objects
 * made on first use, so decoding does not hash or build ~65k entries up front.
 */
class SortedPackageMap implements ReadonlyMap<string, DebianPackage> {
  readonly #names: readonly string[];
  readonly #at: (i: number) => DebianPackage;
  readonly size: number;

  constructor(names: readonly string[], size: number, at: (i: number) => DebianPackage) {
    this.#names = names;
    this.size = size;
    this.#at = at;
  }

  #find(name: string): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.#names[mid] ?? '';
      if (v === name) return mid;
      if (v < name) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get(name: string): DebianPackage | undefined {
    const i = this.#find(name);
    return i < 0 ? undefined : this.#at(i);
  }

  has(name: string): boolean {
    return this.#find(name) >= 0;
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.#names[i] ?? '';
  }

  *values(): MapIterator<DebianPackage> {
    for (let i = 0; i < this.size; i++) yield this.#at(i);
  }

  *entries(): MapIterator<[string, DebianPackage]> {
    for (let i = 0; i < this.size; i++) yield [this.#names[i] ?? '', this.#at(i)];
  }

  [Symbol.iterator](): MapIterator<[string, DebianPackage]> {
    return this.entries();
  }

  forEach(cb: (value: DebianPackage, key: string, map: ReadonlyMap<string, DebianPackage>) => void): void {
    for (let i = 0; i < this.size; i++) cb(this.#at(i), this.#names[i] ?? '', this);
  }
}
