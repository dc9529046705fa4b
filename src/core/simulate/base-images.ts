/**
 * The base-image table (data/base-images.json, written by scripts/base-images.ts): its schema and
 * the lookup of a `FROM` reference. Sizes are uncompressed (`docker images`, decimal MB) and every
 * entry names its source and date. An image or tag that is not in the table is unknown: sizes are
 * never guessed from similar names.
 */
import { z } from 'zod';
import type { ImageRef } from '../parse/model.ts';
import type { Bytes, OsInfo, SourceRef } from './types.ts';

export const BASE_IMAGES_FORMAT = 'layerlab-base-images';
export const BASE_IMAGES_FORMAT_VERSION = 1;

const BytesSchema = z
  .object({ value: z.number().int().nonnegative(), low: z.number().int().nonnegative(), high: z.number().int().nonnegative() })
  .refine((b) => b.low <= b.value && b.value <= b.high, { message: 'needs low <= value <= high' });

export const SourceRefSchema = z.object({
  text: z.string().min(1),
  url: z.url().nullable(),
  date: z.string().min(1).nullable(),
});

export const OsInfoSchema = z.object({
  family: z.enum(['debian', 'ubuntu', 'alpine', 'distroless', 'none', 'unknown']),
  release: z.string().min(1).nullable(),
  packageManager: z.enum(['apt', 'apk', 'none', 'unknown']),
  libc: z.enum(['glibc', 'musl', 'uclibc', 'none', 'unknown']),
  slim: z.boolean(),
});

const CompressedSchema = z.object({ bytes: z.number().int().positive(), source: SourceRefSchema, note: z.string().nullable() });

/**
 * The apt packages of a Debian-based image: debootstrap's minbase (the debian:<release> image) plus
 * the `apt-get install --no-install-recommends` layers its Dockerfiles ran, in order.
 */
export const PackageRecipeSchema = z.object({
  layers: z.array(z.object({ install: z.array(z.string().min(1)).min(1), source: SourceRefSchema })),
  /** False when the image has packages beyond these (e.g. runtime libraries kept after a build). */
  complete: z.boolean(),
  note: z.string().nullable(),
});

export const BaseImageEntrySchema = z.object({
  bytes: BytesSchema,
  /** The figure as the source printed it, e.g. `124.30 MB` or `~ 1.02 Gb`. */
  printed: z.string().min(1),
  /** How precise `printed` is and why the range is what it is. */
  precision: z.string().min(1),
  compressed: CompressedSchema.nullable(),
  /** The exact tag the source measured, e.g. `3.12.13-slim-bookworm`. */
  resolvedTag: z.string().min(1),
  os: OsInfoSchema,
  confidence: z.enum(['measured', 'documented', 'secondary']),
  source: SourceRefSchema,
  note: z.string().nullable(),
  /** The apt package set, for Debian-based images; null when not known or not apt. */
  packages: PackageRecipeSchema.nullable(),
  /** The image's WORKDIR (from its Dockerfile); null for `/`. */
  workdir: z.string().startsWith('/').nullable(),
});

export const BaseImageAliasSchema = z.object({
  /** The key of the entry it stands for. */
  of: z.string().min(1),
  /** Null when the alias named the very same image when measured; otherwise why it is only close. */
  approximate: z.string().min(1).nullable(),
  /** Relative widening of the range for an approximate alias (0.1 = ±10 %). */
  spread: z.number().min(0).max(1),
  /** The OS the alias points at, when it differs from the entry's (e.g. a tag that moved to trixie). */
  os: OsInfoSchema.nullable(),
  /** A compressed size measured for the alias itself. */
  compressed: CompressedSchema.nullable(),
});

export const BaseImageTableSchema = z
  .object({
    format: z.literal(BASE_IMAGES_FORMAT),
    formatVersion: z.literal(BASE_IMAGES_FORMAT_VERSION),
    generatedFrom: z.string(),
    images: z.record(z.string(), BaseImageEntrySchema),
    aliases: z.record(z.string(), BaseImageAliasSchema),
  })
  .superRefine((table, ctx) => {
    for (const [alias, a] of Object.entries(table.aliases)) {
      if (!(a.of in table.images)) ctx.addIssue({ code: 'custom', path: ['aliases', alias, 'of'], message: `alias ${alias} points at ${a.of}, which is not an entry` });
      if (alias in table.images) ctx.addIssue({ code: 'custom', path: ['aliases', alias], message: `${alias} is both an entry and an alias` });
    }
  });

export type BaseImageEntry = z.infer<typeof BaseImageEntrySchema>;
export type BaseImageAlias = z.infer<typeof BaseImageAliasSchema>;
export type BaseImageTable = z.infer<typeof BaseImageTableSchema>;
export type PackageRecipe = z.infer<typeof PackageRecipeSchema>;

/** Validates parsed JSON; throws a readable error for a broken data file (not user text). */
export function parseBaseImageTable(json: unknown): BaseImageTable {
  const result = BaseImageTableSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`base-image table is invalid: ${issues.join('; ')}`);
  }
  return result.data;
}

export const SCRATCH_SOURCE: SourceRef = {
  text: 'Docker: `scratch` is the reserved empty image; FROM scratch adds no layer',
  url: 'https://docs.docker.com/build/building/base-images/#create-a-minimal-base-image-using-scratch',
  date: null,
};

const HUB_REGISTRIES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** The table key of a reference: `python:3.12`, `gcr.io/distroless/static-debian12:latest`. */
export function imageKey(ref: Pick<ImageRef, 'registry' | 'name' | 'tag'>): string {
  const registry = ref.registry && !HUB_REGISTRIES.has(ref.registry.toLowerCase()) ? `${ref.registry.toLowerCase()}/` : '';
  let name = ref.name.toLowerCase();
  if (!registry && name.startsWith('library/')) name = name.slice('library/'.length);
  return `${registry}${name}:${ref.tag ?? 'latest'}`;
}

export type BaseImageLookup =
  | {
      found: true;
      /** The entry's key. */
      entry: string;
      bytes: Bytes;
      compressed: { bytes: number; source: SourceRef } | null;
      os: OsInfo;
      source: SourceRef;
      confidence: BaseImageEntry['confidence'];
      resolvedTag: string;
      /** Why the entry is only close to the reference; null when it is the same image. */
      approximate: string | null;
      note: string | null;
      packages: PackageRecipe | null;
      workdir: string | null;
    }
  | {
      found: false;
      scratch: false;
      reason: string;
      /** Known tags of the same repository, to help the user pick or compare. */
      suggestions: string[];
    }
  | { found: false; scratch: true };

/** Looks a `FROM` reference up in the table. Never throws. */
export function lookupBaseImage(table: BaseImageTable | null, ref: ImageRef): BaseImageLookup {
  if (ref.resolved === null) {
    const vars = ref.unresolvedVars.length > 0 ? ref.unresolvedVars.map((v) => `$${v}`).join(', ') : 'a variable';
    return { found: false, scratch: false, reason: `the image name uses ${vars} without a default value, so the image is not known`, suggestions: [] };
  }
  if (ref.name.toLowerCase() === 'scratch' && ref.registry === null) return { found: false, scratch: true };
  if (!table) return { found: false, scratch: false, reason: 'no base-image data was loaded', suggestions: [] };
  const key = imageKey(ref);
  const repo = key.slice(0, key.lastIndexOf(':'));
  const suggestions = [...Object.keys(table.images), ...Object.keys(table.aliases)].filter((k) => k.startsWith(`${repo}:`)).sort();
  if (ref.digest !== null && ref.tag === null) {
    return { found: false, scratch: false, reason: `${ref.resolved} is pinned by digest only; the table lists tags, not digests`, suggestions };
  }
  const direct = table.images[key];
  const alias = table.aliases[key];
  const entryKey = direct ? key : alias?.of;
  const entry = entryKey !== undefined ? table.images[entryKey] : undefined;
  if (!entry || entryKey === undefined) {
    const tag = ref.tag ?? 'latest';
    const why = tag === 'latest' ? `"${tag}" moves from release to release, so no fixed size is recorded for it` : `${key} is not in Layerlab's base-image table`;
    return { found: false, scratch: false, reason: why, suggestions };
  }
  let bytes: Bytes = { ...entry.bytes };
  let approximate: string | null = null;
  let os: OsInfo = { ...entry.os };
  let compressed = entry.compressed ? { bytes: entry.compressed.bytes, source: entry.compressed.source } : null;
  if (alias && !direct) {
    approximate = alias.approximate;
    if (alias.spread > 0) bytes = { value: bytes.value, low: Math.round(bytes.low * (1 - alias.spread)), high: Math.round(bytes.high * (1 + alias.spread)) };
    if (alias.os) os = { ...alias.os };
    if (alias.compressed) compressed = { bytes: alias.compressed.bytes, source: alias.compressed.source };
    else if (alias.approximate) compressed = null;
  }
  if (ref.digest !== null) {
    const pinned = `pinned by digest; the size is the one recorded for the tag ${ref.tag ?? ''}`;
    approximate = approximate ? `${approximate}; ${pinned}` : pinned;
  }
  return {
    found: true,
    entry: entryKey,
    bytes,
    compressed,
    os,
    source: entry.source,
    confidence: entry.confidence,
    resolvedTag: entry.resolvedTag,
    approximate,
    note: entry.note,
    packages: entry.packages,
    workdir: entry.workdir,
  };
}

/** The largest image in the table: the default upper end for an unknown base image. */
export function largestImage(table: BaseImageTable | null): { key: string; bytes: number } | null {
  if (!table) return null;
  let best: { key: string; bytes: number } | null = null;
  for (const [key, e] of Object.entries(table.images)) if (!best || e.bytes.high > best.bytes) best = { key, bytes: e.bytes.high };
  return best;
}
