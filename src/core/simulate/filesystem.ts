/**
 * A simulated image filesystem: a stack of layers, each a set of added entries and whiteouts,
 * and the merged view they give. Mirrors how Docker stores layers (size-data.md §2): a layer holds
 * every file it adds or changes whole; a deletion of something from a lower layer is a 0-byte
 * whiteout and never shrinks the image; a file added and deleted within the same layer is not in
 * it at all.
 *
 * Entries are files, "blobs" or opaque content:
 * - a file is one regular file (e.g. from the build context);
 * - a blob is a directory of many files tracked as one aggregate (the apt lists, an apk index);
 * - opaque content has no path we know (the base image's files, what an unknown step wrote):
 *   it counts toward sizes but no removal or copy can reach into it.
 *
 * `analyzeEfficiency` reproduces dive's "image efficiency score" and "potential wasted space"
 * (size-data.md §1), including its quirks: every copy of a path that occurs in two or more layers
 * counts as wasted (the surviving one too); deleting a whole directory in a later layer leaves one
 * whiteout whose path is new, so it costs no "waste", whereas deleting its children (`dir/*`)
 * whiteouts each child and counts all of them.
 */
import { add as addBytes, ZERO } from './bytes.ts';
import type { CompressionClass } from './facts.ts';
import { segmentMatcher } from './glob.ts';
import type { Bytes, PathSummary } from './types.ts';

export type EntryKind = 'file' | 'blob' | 'opaque';

export interface FsEntry {
  /** Absolute, cleaned path (`/app/main.py`); for opaque content a label such as `(base image)`. */
  readonly path: string;
  readonly kind: EntryKind;
  readonly bytes: Bytes;
  /** What it is, for the output ("apt package lists", "file from the build context"). */
  readonly what: string;
  readonly compress: CompressionClass;
  /** Id of the layer that wrote it. */
  readonly layer: number;
}

export interface Whiteout {
  /** The path removed (`/var/lib/apt/lists`), or a blob's children (`/var/lib/apt/lists/*`). */
  readonly path: string;
  /** dive's key for the whiteout leaf. */
  readonly key: string;
  /** Whether a directory was removed (dive then counts the removed bytes as the whiteout's size). */
  readonly dir: boolean;
  /** What the whiteout hides in lower layers. */
  readonly hides: Bytes;
  readonly what: string;
  /**
   * Set when the same layer later creates something inside the removed directory: the tar then
   * holds an opaque-directory marker, which dive skips.
   */
  opaque: boolean;
}

export interface LayerRecord {
  readonly id: number;
  readonly entries: readonly FsEntry[];
  readonly whiteouts: readonly Whiteout[];
}

/** dive's key of an entry's leaf nodes: a blob stands for the files inside its directory. */
export function entryKey(e: FsEntry): string {
  return e.kind === 'blob' ? `${e.path}/*` : e.path;
}

export function layerBytes(layer: LayerRecord): Bytes {
  let b: Bytes = { ...ZERO };
  for (const e of layer.entries) b = addBytes(b, e.bytes);
  return b;
}

/** Splits an absolute path into its segments (`/a/b` → [a, b]; `/` → []). */
export function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** Is `path` equal to `prefix` or inside it? (Both absolute and cleaned.) */
export function isWithin(path: string, prefix: string): boolean {
  if (prefix === '/') return path.startsWith('/');
  return path === prefix || path.startsWith(`${prefix}/`);
}

export interface RemoveResult {
  /** What this removal took away: paths in this layer (really gone) and in lower layers (whiteouts). */
  removed: PathSummary[];
  /** Bytes removed that this same layer had added (they never reach the layer). */
  freedInLayer: Bytes;
  /** Bytes of lower layers now hidden by whiteouts (still in the image). */
  hiddenBelow: Bytes;
  /** Blobs the pattern reaches into partially: part of them goes, but how much is not modelled. */
  partial: FsEntry[];
}

/** The writes of one layer in progress. Create with `SimFs.begin`, finish with `commit`. */
export class LayerWriter {
  private readonly fs: SimFs;
  private readonly own = new Map<string, FsEntry>();
  private readonly whiteouts = new Map<string, Whiteout>();
  /** Lower entries hidden by this layer's whiteouts. */
  private readonly hidden = new Set<string>();
  readonly id: number;

  constructor(fs: SimFs, id: number) {
    this.fs = fs;
    this.id = id;
  }

  /** Adds (or replaces) an entry in this layer. */
  add(entry: Omit<FsEntry, 'layer'>): void {
    const e: FsEntry = { ...entry, layer: this.id };
    if (e.kind !== 'opaque') {
      // A file written where this layer removed one replaces it: the tar holds the file, no whiteout.
      this.whiteouts.delete(e.path);
      for (const w of this.whiteouts.values()) if (w.dir && isWithin(e.path, w.path) && e.path !== w.path) w.opaque = true;
    }
    this.own.set(e.path, e);
  }

  /** Entries visible right now (lower layers minus this layer's removals, plus this layer's adds). */
  visible(): FsEntry[] {
    const out: FsEntry[] = [];
    for (const e of this.fs.view.values()) if (!this.hidden.has(e.path) && !this.own.has(e.path)) out.push(e);
    for (const e of this.own.values()) out.push(e);
    return out;
  }

  /** `rm -rf PATTERN` (absolute, cleaned; may hold shell globs). */
  remove(pattern: string): RemoveResult {
    const result: RemoveResult = { removed: [], freedInLayer: { ...ZERO }, hiddenBelow: { ...ZERO }, partial: [] };
    const pSegs = segments(pattern);
    const matchers = pSegs.map((p) => segmentMatcher(p, { dotfiles: false }));
    const matches = (segs: readonly string[]) => segs.length === matchers.length && matchers.every((m, i) => m(segs[i] as string));
    interface Group {
      path: string;
      key: string;
      dir: boolean;
      lower: FsEntry[];
      own: FsEntry[];
    }
    const groups = new Map<string, Group>();
    const consider = (e: FsEntry, isOwn: boolean) => {
      if (e.kind === 'opaque') return;
      const eSegs = segments(e.path);
      let group: Omit<Group, 'lower' | 'own'> | null = null;
      if (pSegs.length <= eSegs.length && matches(eSegs.slice(0, pSegs.length))) {
        const isSelf = pSegs.length === eSegs.length;
        const path = `/${eSegs.slice(0, pSegs.length).join('/')}`;
        group = { path, key: path, dir: !isSelf || e.kind === 'blob' };
      } else if (e.kind === 'blob' && pSegs.length > eSegs.length && matchers.slice(0, eSegs.length).every((m, i) => m(eSegs[i] as string))) {
        const rest = pSegs.slice(eSegs.length);
        if (rest.length === 1 && rest[0] === '*') group = { path: `${e.path}/*`, key: `${e.path}/*`, dir: false };
        else {
          result.partial.push(e);
          return;
        }
      }
      if (!group) return;
      let g = groups.get(group.key);
      if (!g) {
        g = { ...group, lower: [], own: [] };
        groups.set(group.key, g);
      }
      (isOwn ? g.own : g.lower).push(e);
    };
    for (const e of this.fs.view.values()) if (!this.hidden.has(e.path)) consider(e, false);
    for (const e of this.own.values()) consider(e, true);

    for (const g of groups.values()) {
      for (const e of g.own) {
        this.own.delete(e.path);
        result.freedInLayer = addBytes(result.freedInLayer, e.bytes);
        result.removed.push({ path: e.path, bytes: e.bytes.value, what: `${e.what} (added in this step, so never stored)` });
      }
      if (g.lower.length === 0) continue;
      let hides: Bytes = { ...ZERO };
      for (const e of g.lower) {
        this.hidden.add(e.path);
        hides = addBytes(hides, e.bytes);
      }
      result.hiddenBelow = addBytes(result.hiddenBelow, hides);
      const what = g.lower.length === 1 ? (g.lower[0] as FsEntry).what : `${g.lower.length} entries`;
      result.removed.push({ path: g.path, bytes: hides.value, what: `${what} (still stored in the earlier layer)` });
      if (g.dir) {
        // One whiteout for the directory: it subsumes this layer's whiteouts inside it, and dive
        // sizes it by everything the lower layers hold under it.
        let all: Bytes = { ...ZERO };
        for (const e of this.fs.view.values()) if (e.kind !== 'opaque' && isWithin(e.path, g.path)) all = addBytes(all, e.bytes);
        for (const [key, w] of this.whiteouts) if (key !== g.key && isWithin(w.path.replace(/\/\*$/, ''), g.path)) this.whiteouts.delete(key);
        this.whiteouts.set(g.key, { path: g.path, key: g.key, dir: true, hides: all, what, opaque: false });
      } else if (!this.covered(g.path)) {
        this.whiteouts.set(g.key, { path: g.path, key: g.key, dir: false, hides, what, opaque: false });
      }
    }
    return result;
  }

  /**
   * Removes one entry by its exact path (e.g. the files of a package dpkg purges): gone for real if
   * this layer added it, else hidden by a whiteout on that path. Returns what it freed and hid.
   */
  removeEntry(path: string): { freed: Bytes; hidden: Bytes } {
    let freed: Bytes = { ...ZERO };
    let hidden: Bytes = { ...ZERO };
    const own = this.own.get(path);
    if (own) {
      this.own.delete(path);
      freed = own.bytes;
    }
    const lower = this.fs.view.get(path);
    if (lower && !this.hidden.has(path)) {
      this.hidden.add(path);
      hidden = lower.bytes;
      this.whiteouts.set(path, { path, key: entryKey(lower), dir: false, hides: lower.bytes, what: lower.what, opaque: false });
    }
    return { freed, hidden };
  }

  /** Is `path` inside a directory this layer already removed? */
  private covered(path: string): boolean {
    for (const w of this.whiteouts.values()) if (w.dir && w.path !== path && isWithin(path, w.path)) return true;
    return false;
  }

  /** Bytes this layer adds so far. */
  bytes(): Bytes {
    let b: Bytes = { ...ZERO };
    for (const e of this.own.values()) b = addBytes(b, e.bytes);
    return b;
  }

  entries(): FsEntry[] {
    return [...this.own.values()];
  }

  /** Ends the layer: it joins the stack and the view moves on. */
  commit(): LayerRecord {
    const record: LayerRecord = { id: this.id, entries: [...this.own.values()], whiteouts: [...this.whiteouts.values()] };
    this.fs.apply(record, this.hidden);
    return record;
  }
}

/** The filesystem of one stage: its layers (including those of the stages it is FROM) and the merged view. */
export class SimFs {
  readonly layers: LayerRecord[] = [];
  /** Visible entries by path. */
  readonly view = new Map<string, FsEntry>();

  begin(id: number): LayerWriter {
    return new LayerWriter(this, id);
  }

  /** @internal Applies a committed layer. */
  apply(record: LayerRecord, hidden: ReadonlySet<string>): void {
    for (const path of hidden) this.view.delete(path);
    for (const e of record.entries) this.view.set(e.path, e);
    this.layers.push(record);
  }

  /** A copy to continue from (`FROM <stage>`): layers are shared, the view is copied. */
  clone(): SimFs {
    const fs = new SimFs();
    fs.layers.push(...this.layers);
    for (const [k, v] of this.view) fs.view.set(k, v);
    return fs;
  }

  /** Σ of all layers: the image size `docker images` shows. */
  totalBytes(): Bytes {
    let b: Bytes = { ...ZERO };
    for (const l of this.layers) b = addBytes(b, layerBytes(l));
    return b;
  }

  /** Visible bytes at or under `prefix` (known entries only). */
  sizeOf(prefix: string): Bytes {
    let b: Bytes = { ...ZERO };
    for (const e of this.view.values()) if (e.kind !== 'opaque' && isWithin(e.path, prefix)) b = addBytes(b, e.bytes);
    return b;
  }

  /** Visible entries at or under `prefix`, and blobs that contain `prefix` (only partly reachable). */
  find(prefix: string): { entries: FsEntry[]; containing: FsEntry[] } {
    const entries: FsEntry[] = [];
    const containing: FsEntry[] = [];
    for (const e of this.view.values()) {
      if (e.kind === 'opaque') continue;
      if (isWithin(e.path, prefix)) entries.push(e);
      else if (e.kind === 'blob' && isWithin(prefix, e.path)) containing.push(e);
    }
    return { entries, containing };
  }

  /** Visible opaque content (base image, unknown steps): it may hold any path. */
  opaque(): FsEntry[] {
    return [...this.view.values()].filter((e) => e.kind === 'opaque');
  }
}

export interface DiveAnalysis {
  /** Σ min size / Σ cumulative size over all paths; 1 when there is nothing. */
  efficiency: number;
  /** Σ cumulative size of paths that occur in two or more layers. */
  wastedBytes: number;
  /** The wasted bytes each layer contributes (its nodes of those paths). */
  wastedByLayer: Map<number, number>;
  /** Paths in two or more layers, largest first: dive's "Count | Total Space | Path" table. */
  inefficiencies: { path: string; count: number; bytes: number }[];
}

/** dive's efficiency and wasted-space computation over a layer stack (size-data.md §1). */
export function analyzeEfficiency(layers: readonly LayerRecord[], pick: (b: Bytes) => number = (b) => b.value): DiveAnalysis {
  interface Data {
    cumulative: number;
    min: number;
    nodes: { layer: number; size: number }[];
  }
  const data = new Map<string, Data>();
  const visit = (key: string, size: number, layer: number) => {
    let d = data.get(key);
    if (!d) {
      d = { cumulative: 0, min: -1, nodes: [] };
      data.set(key, d);
    }
    d.cumulative += size;
    if (d.min < 0 || size < d.min) d.min = size;
    d.nodes.push({ layer, size });
  };
  for (const layer of layers) {
    for (const e of layer.entries) visit(entryKey(e), pick(e.bytes), layer.id);
    for (const w of layer.whiteouts) if (!w.opaque) visit(w.key, w.dir ? pick(w.hides) : 0, layer.id);
  }
  let minSum = 0;
  let cumulativeSum = 0;
  let wastedBytes = 0;
  const wastedByLayer = new Map<number, number>();
  const inefficiencies: DiveAnalysis['inefficiencies'] = [];
  for (const [key, d] of data) {
    minSum += d.min;
    cumulativeSum += d.cumulative;
    if (d.nodes.length >= 2) {
      wastedBytes += d.cumulative;
      inefficiencies.push({ path: key, count: d.nodes.length, bytes: d.cumulative });
      for (const n of d.nodes) wastedByLayer.set(n.layer, (wastedByLayer.get(n.layer) ?? 0) + n.size);
    }
  }
  inefficiencies.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  return { efficiency: cumulativeSum === 0 ? 1 : minSum / cumulativeSum, wastedBytes, wastedByLayer, inefficiencies };
}
