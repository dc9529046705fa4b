/**
 * Builds data/debian/<release>.json.gz: the Debian package metadata the size simulator
 * needs (Installed-Size, .deb Size, Priority, Essential, Pre-Depends, Depends, Recommends,
 * Provides) for main/amd64 of <release>, <release>-updates and <release>-security.
 *
 * Run: node scripts/debian-index.ts [bookworm trixie ...]   (default: bookworm trixie)
 *
 * The indexes are fetched by apt itself, with a private sources.list, lists directory and
 * cache (the system's apt state is not touched; the system apt.conf.d still applies, e.g. a
 * proxy), and read back with `apt-helper cat-file` (which decompresses whatever apt kept).
 * Everything after that (stanza parsing, picking the highest version per package, the
 * compact encoding) is TypeScript below and unit-tested in debian-index.test.ts.
 * Not run in CI: the output is committed. Takes well under a minute per release.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  INDEX_FORMAT,
  INDEX_FORMAT_VERSION,
  PRIORITY_LETTERS,
  toBase62,
  type EncodedDebianIndex,
  type IndexHeader,
  type IndexSource,
  type Priority,
} from '../src/core/simulate/debian/format.ts';
import { compareDebianVersions } from '../src/core/simulate/debian/version.ts';

// ---------------------------------------------------------------------------------------
// Parsing

export type VersionOp = '<<' | '<=' | '=' | '>=' | '>>';

/** One relation atom: `name[:arch] [(op version)]`. */
export interface RelationAtom {
  name: string;
  /** Architecture qualifier (`any`, `native`, ...), if any. */
  arch?: string;
  versioned: boolean;
  op?: VersionOp;
  version?: string;
}
export type RelationGroup = RelationAtom[];

export interface ParsedPackage {
  name: string;
  version: string;
  architecture: string;
  installedSizeKiB: number;
  debSize: number;
  priority: Priority;
  essential: boolean;
  preDepends: RelationGroup[];
  depends: RelationGroup[];
  recommends: RelationGroup[];
  /** Parsed only to order apt's package creation; not written to the data file. */
  suggests: RelationGroup[];
  enhances: RelationGroup[];
  provides: RelationAtom[];
  /** Index of the Packages file (in sources order) it came from. */
  source: number;
}

/**
 * Splits a Packages/InRelease text into stanzas of `field -> value` (field names as written;
 * continuation lines are joined with '\n', leading whitespace removed).
 */
export function parseStanzas(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let cur = new Map<string, string>();
  let key = '';
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') {
      if (cur.size > 0) out.push(cur);
      cur = new Map();
      key = '';
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (key) cur.set(key, `${cur.get(key) ?? ''}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    key = line.slice(0, colon);
    cur.set(key, line.slice(colon + 1).trim());
  }
  if (cur.size > 0) out.push(cur);
  return out;
}

/** Parses a Depends-style field: `a (>= 1) | b:any, c [amd64] <!nocheck>`. */
export function parseRelations(field: string | undefined): RelationGroup[] {
  if (!field) return [];
  const groups: RelationGroup[] = [];
  for (const part of field.split(',')) {
    const group: RelationGroup = [];
    for (const alt of part.split('|')) {
      const atom = parseAtom(alt);
      if (atom) group.push(atom);
    }
    if (group.length > 0) groups.push(group);
  }
  return groups;
}

function parseAtom(text: string): RelationAtom | null {
  const m = /^\s*([^\s(:[<]+)(?::([^\s(:[<]+))?\s*(?:\(\s*(<<|<=|>=|>>|=|<|>)?\s*([^)\s]*)\s*\))?/.exec(text);
  if (!m || !m[1]) return null;
  const atom: RelationAtom = { name: m[1].toLowerCase(), versioned: false };
  if (m[2]) atom.arch = m[2];
  if (m[4]) {
    atom.versioned = true;
    // '<' and '>' are the obsolete spellings of '<=' and '>=' (deb-control(5))
    const op = m[3] === '<' ? '<=' : m[3] === '>' ? '>=' : (m[3] ?? '=');
    atom.op = op as VersionOp;
    atom.version = m[4];
  }
  return atom;
}

const PRIORITIES: readonly Priority[] = ['required', 'important', 'standard', 'optional', 'extra'];

function toPriority(value: string | undefined): Priority {
  const v = (value ?? '').toLowerCase();
  // apt maps unknown priorities to extra (deblistparser: GrabWord failure -> Extra)
  return (PRIORITIES as readonly string[]).includes(v) ? (v as Priority) : 'extra';
}

function toInt(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** Turns the stanzas of one Packages file into packages (all versions, in file order). */
export function parsePackages(text: string, source = 0): ParsedPackage[] {
  const out: ParsedPackage[] = [];
  for (const st of parseStanzas(text)) {
    const name = st.get('Package');
    const version = st.get('Version');
    if (!name || !version) continue;
    out.push({
      name: name.toLowerCase(),
      version,
      architecture: st.get('Architecture') ?? '',
      installedSizeKiB: toInt(st.get('Installed-Size')),
      debSize: toInt(st.get('Size')),
      priority: toPriority(st.get('Priority')),
      essential: (st.get('Essential') ?? '').toLowerCase() === 'yes',
      preDepends: parseRelations(st.get('Pre-Depends')),
      depends: parseRelations(st.get('Depends')),
      recommends: parseRelations(st.get('Recommends')),
      suggests: parseRelations(st.get('Suggests')),
      enhances: parseRelations(st.get('Enhances')),
      provides: parseRelations(st.get('Provides')).flat(),
      source,
    });
  }
  return out;
}

/** `Date:` / `Version:` etc. of an InRelease (clear-signed) or Release file. */
export function parseReleaseFields(text: string): Map<string, string> {
  const body = text.replace(/^-----BEGIN PGP SIGNED MESSAGE-----\n(?:Hash:[^\n]*\n)*\n/, '');
  return parseStanzas(body)[0] ?? new Map();
}

// ---------------------------------------------------------------------------------------
// Merging and ordering

export interface MergedIndex {
  /** Highest version of each package, sorted by name. */
  packages: ParsedPackage[];
  /** apt's package ID order: rank of each package name (see mergePackages). */
  aptOrder: Map<string, number>;
}

/**
 * Keeps the highest version of every package (apt's candidate when all suites have the
 * same pin priority) and records the order in which apt numbers packages: apt creates a
 * package the first time it meets the name while parsing the files in sources order, as a
 * package stanza, or as the target of a positive relation (Pre-Depends, Depends,
 * Recommends, Suggests, Enhances, in that order) or a Provides. `name:any` creates the
 * pseudo package `name:any`, not `name`, so it does not count. apt uses this ID as its
 * last tie-break between providers of a virtual package.
 */
export function mergePackages(all: readonly ParsedPackage[]): MergedIndex {
  const best = new Map<string, ParsedPackage>();
  const aptOrder = new Map<string, number>();
  const mention = (name: string, arch?: string) => {
    if (arch === 'any') return;
    if (!aptOrder.has(name)) aptOrder.set(name, aptOrder.size);
  };
  for (const p of all) {
    mention(p.name);
    for (const field of [p.preDepends, p.depends, p.recommends, p.suggests, p.enhances]) {
      for (const group of field) for (const a of group) mention(a.name, a.arch);
    }
    for (const a of p.provides) mention(a.name, a.arch);
    const prev = best.get(p.name);
    if (!prev || compareDebianVersions(p.version, prev.version) > 0) best.set(p.name, p);
  }
  const packages = [...best.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { packages, aptOrder };
}

// ---------------------------------------------------------------------------------------
// Encoding

const PRIORITY_RANK: Readonly<Record<Priority, number>> = {
  required: 1,
  important: 2,
  standard: 3,
  optional: 4,
  extra: 5,
};

export function encodeIndex(
  merged: MergedIndex,
  header: Omit<IndexHeader, 'packageCount' | 'virtualCount'>,
): EncodedDebianIndex {
  const { packages, aptOrder } = merged;
  const real = new Map<string, number>();
  packages.forEach((p, i) => real.set(p.name, i));

  // Only names some relation refers to are kept: a virtual name that nothing depends on
  // only matters for `apt-get install <that name>`, and keeping the ~30-60k of them
  // (mostly librust-*+feature-dev and libghc-*-<hash> Provides) would double the file.
  const referenced = new Set<string>();
  for (const p of packages) {
    for (const field of [p.preDepends, p.depends, p.recommends]) {
      for (const group of field) for (const a of group) referenced.add(a.name);
    }
  }
  const virtuals = [...referenced].filter((n) => !real.has(n)).sort();
  const index = new Map(real);
  virtuals.forEach((n, i) => index.set(n, packages.length + i));
  const tok = (name: string) => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`name not in table: ${name}`);
    return toBase62(i);
  };
  // Version constraints are kept only where they decide between a package and a
  // versioned Provides (apt compares the provided version); elsewhere just the flag.
  const versionedlyProvided = new Set<string>();
  for (const p of packages) for (const a of p.provides) if (a.versioned) versionedlyProvided.add(a.name);
  const atomToken = (a: RelationAtom) => {
    if (!a.versioned) return tok(a.name);
    if (a.op && a.version && versionedlyProvided.has(a.name)) return tok(a.name) + a.op + a.version;
    return `${tok(a.name)}~`;
  };
  const rel = (groups: RelationGroup[]) => groups.map((g) => g.map(atomToken).join('|')).join(',');

  // Reverse Provides in apt's static provider order (pkgDepCache's CompareProviders without
  // its state-dependent keys): Essential first, then lower Priority number, then the
  // higher apt package ID.
  const id = (name: string) => aptOrder.get(name) ?? Number.MAX_SAFE_INTEGER;
  const providers = new Map<string, { pkg: ParsedPackage; version: string | undefined }[]>();
  for (const p of packages) {
    const seen = new Set<string>();
    for (const a of p.provides) {
      if (seen.has(a.name) || !referenced.has(a.name)) continue;
      seen.add(a.name);
      const list = providers.get(a.name) ?? [];
      list.push({ pkg: p, version: a.op === '=' ? a.version : undefined });
      providers.set(a.name, list);
    }
  }
  const provEntries: string[] = [];
  const targets = [...providers.keys()].sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
  for (const target of targets) {
    const list = providers.get(target) ?? [];
    list.sort((x, y) => {
      if (x.pkg.essential !== y.pkg.essential) return x.pkg.essential ? -1 : 1;
      if (x.pkg.priority !== y.pkg.priority) return PRIORITY_RANK[x.pkg.priority] - PRIORITY_RANK[y.pkg.priority];
      return id(y.pkg.name) - id(x.pkg.name);
    });
    provEntries.push(`${tok(target)}:${list.map((e) => tok(e.pkg.name) + (e.version ? `=${e.version}` : '')).join(',')}`);
  }

  return {
    format: INDEX_FORMAT,
    formatVersion: INDEX_FORMAT_VERSION,
    header: { ...header, packageCount: packages.length, virtualCount: virtuals.length },
    names: [...packages.map((p) => p.name), ...virtuals].join('\n'),
    versions: packages.map((p) => p.version).join('\n'),
    installedSize: packages.map((p) => p.installedSizeKiB),
    debSize: packages.map((p) => Math.ceil(p.debSize / 1024)),
    flags: packages
      .map((p) => {
        const l = PRIORITY_LETTERS[p.priority];
        return p.essential ? l.toUpperCase() : l;
      })
      .join(''),
    preDepends: packages.map((p) => rel(p.preDepends)).join(' '),
    depends: packages.map((p) => rel(p.depends)).join(' '),
    recommends: packages.map((p) => rel(p.recommends)).join(' '),
    provides: provEntries.join(' '),
  };
}

// ---------------------------------------------------------------------------------------
// Fetching through apt

interface ReleaseConfig {
  suites: { suite: string; site: string }[];
  /** Packages debootstrap --variant=minbase adds besides Priority: required and apt. */
  minbaseExtra: string[];
}

/**
 * minbaseExtra follows what the official images contain (docker-library/repo-info
 * repos/debian/local/bookworm.md lists usr-is-merged; 13.md, debian:trixie of 2026-08-24,
 * does not, although trixie still has the package).
 */
export const RELEASES: Readonly<Record<string, ReleaseConfig>> = {
  bookworm: {
    minbaseExtra: ['usr-is-merged'],
    suites: [
      { suite: 'bookworm', site: 'http://deb.debian.org/debian' },
      { suite: 'bookworm-updates', site: 'http://deb.debian.org/debian' },
      { suite: 'bookworm-security', site: 'http://deb.debian.org/debian-security' },
    ],
  },
  trixie: {
    minbaseExtra: [],
    suites: [
      { suite: 'trixie', site: 'http://deb.debian.org/debian' },
      { suite: 'trixie-updates', site: 'http://deb.debian.org/debian' },
      { suite: 'trixie-security', site: 'http://deb.debian.org/debian-security' },
    ],
  },
};

interface FetchedList {
  source: Omit<IndexSource, 'stanzas'>;
  text: string;
}

function fetchRelease(release: string, work: string): FetchedList[] {
  const conf = RELEASES[release];
  if (!conf) throw new Error(`unknown release ${release}; known: ${Object.keys(RELEASES).join(', ')}`);
  const dir = join(work, release);
  for (const d of ['lists/partial', 'cache/archives/partial', 'sources.list.d']) {
    mkdirSync(join(dir, d), { recursive: true });
  }
  const sourcesList = join(dir, 'sources.list');
  writeFileSync(
    sourcesList,
    conf.suites.map((s) => `deb [arch=amd64] ${s.site} ${s.suite} main\n`).join(''),
  );
  const aptOpts = [
    '-o', `Dir::Etc::SourceList=${sourcesList}`,
    '-o', `Dir::Etc::SourceParts=${join(dir, 'sources.list.d')}`,
    '-o', `Dir::State::Lists=${join(dir, 'lists')}`,
    '-o', `Dir::Cache=${join(dir, 'cache')}`,
    '-o', 'Acquire::Languages=none',
    '-o', 'APT::Architecture=amd64',
    '-o', 'APT::Architectures::=amd64',
    '-o', 'APT::Sandbox::User=root',
  ];
  execFileSync('apt-get', [...aptOpts, '-q', 'update'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const targets = execFileSync(
    'apt-get',
    [...aptOpts, 'indextargets', '--format', '$(FILENAME)\t$(SITE)\t$(RELEASE)\t$(COMPONENT)\t$(ARCHITECTURE)', 'Created-By: Packages'],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [file = '', site = '', suite = '', component = '', architecture = ''] = line.split('\t');
      return { file, site, suite, component, architecture };
    });
  const out: FetchedList[] = [];
  for (const s of conf.suites) {
    const t = targets.find((x) => x.suite === s.suite && x.component === 'main');
    if (!t || !existsSync(t.file)) throw new Error(`apt did not fetch the Packages index of ${s.suite}`);
    const text = execFileSync('/usr/lib/apt/apt-helper', ['cat-file', t.file], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const inRelease = t.file.replace(/_[^_]+_binary-[^_]+_Packages(\.[a-z0-9]+)?$/, '_InRelease');
    const rel = existsSync(inRelease) ? parseReleaseFields(readFileSync(inRelease, 'utf8')) : new Map<string, string>();
    const source: Omit<IndexSource, 'stanzas'> = {
      suite: t.suite,
      site: t.site,
      component: t.component,
      architecture: t.architecture,
      releaseDate: rel.get('Date') ?? 'unknown',
    };
    const v = rel.get('Version');
    if (v) source.releaseVersion = v;
    out.push({ source, text });
  }
  return out;
}

export function buildIndex(release: string, lists: FetchedList[], generated: string, command: string): EncodedDebianIndex {
  const all: ParsedPackage[] = [];
  const sources: IndexSource[] = [];
  lists.forEach((l, i) => {
    const parsed = parsePackages(l.text, i);
    sources.push({ ...l.source, stanzas: parsed.length });
    all.push(...parsed);
  });
  const merged = mergePackages(all);
  return encodeIndex(merged, {
    release,
    minbaseExtra: RELEASES[release]?.minbaseExtra ?? [],
    sources,
    generated,
    generator: 'scripts/debian-index.ts',
    command,
    notes: [
      'Highest version of each package across the suites (apt candidate with default pins).',
      'Relations keep package names and alternatives; version constraints are kept only where the target has a versioned Provides, elsewhere only a flag that there was one.',
      'Installed-Size is in KiB (1024 bytes) as dpkg computes it; debSize is the .deb download size in KiB (rounded up).',
      'Virtual names (Provides) are kept only when some Pre-Depends/Depends/Recommends refers to them.',
    ],
  });
}

/** What the browser may download per release (gzip). */
export const GZIP_BUDGET_BYTES = 1_500_000;

function main(): void {
  const releases = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['bookworm', 'trixie'];
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = join(root, 'data', 'debian');
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'layerlab-debian-'));
  const command = `node scripts/debian-index.ts ${releases.join(' ')}`;
  try {
    for (const release of releases) {
      const t0 = Date.now();
      const lists = fetchRelease(release, work);
      const encoded = buildIndex(release, lists, new Date().toISOString(), command);
      const json = JSON.stringify(encoded);
      const gz = gzipSync(json, { level: 9 });
      const file = join(outDir, `${release}.json.gz`);
      writeFileSync(file, gz);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      console.log(
        `${release}: ${encoded.header.packageCount} packages, ${encoded.header.virtualCount} virtual names ` +
          `from ${encoded.header.sources.map((s) => `${s.suite} (${s.stanzas})`).join(', ')}\n` +
          `  wrote ${resolve(file)}: raw JSON ${json.length} B (${kb(json.length)}), gzip ${gz.length} B (${kb(gz.length)}); ` +
          `browser budget 1,500,000 B gzip: ${gz.length <= GZIP_BUDGET_BYTES ? 'ok' : 'OVER'} ` +
          `(${((Date.now() - t0) / 1000).toFixed(1)} s)`,
      );
      const cols: (keyof EncodedDebianIndex)[] = ['names', 'versions', 'installedSize', 'debSize', 'flags', 'preDepends', 'depends', 'recommends', 'provides'];
      console.log(
        '  gzip per column: ' +
          cols.map((c) => `${c} ${kb(gzipSync(JSON.stringify(encoded[c]), { level: 9 }).length)}`).join(', '),
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
