/**
 * Builds data/base-images.json from the curated data/sources/base-images.input.json.
 *
 * The input lists each measured image:tag with the figure as its source printed it, the source
 * (repository, path, commit) and date, and its aliases. This script validates it with zod, turns
 * the printed figure into bytes and a range that covers its rounding, checks that no key is
 * defined twice, and writes the compact table the simulator loads
 * (src/core/simulate/base-images.ts validates that table again when it is loaded).
 *
 * Usage: node scripts/base-images.ts           write data/base-images.json
 *        node scripts/base-images.ts --check   exit 1 if the file is not what the input gives
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  BASE_IMAGES_FORMAT,
  BASE_IMAGES_FORMAT_VERSION,
  parseBaseImageTable,
  type BaseImageAlias,
  type BaseImageEntry,
  type BaseImageTable,
} from '../src/core/simulate/base-images.ts';
import { parseSize } from '../src/core/simulate/bytes.ts';
import type { OsInfo, SourceRef } from '../src/core/simulate/types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
export const INPUT_PATH = path.join(root, 'data', 'sources', 'base-images.input.json');
export const OUTPUT_PATH = path.join(root, 'data', 'base-images.json');

const GitSource = z.strictObject({
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name'),
  path: z.string().min(1),
  commit: z.string().regex(/^[0-9a-f]{7,40}$/, 'a commit hash'),
  field: z.string().min(1),
});
const TextSource = z.strictObject({ text: z.string().min(1), url: z.url().nullable() });
const Source = z.union([GitSource, TextSource]);

const Os = z.strictObject({
  family: z.enum(['debian', 'ubuntu', 'alpine', 'distroless', 'none']),
  release: z.string().min(1).nullable(),
  packageManager: z.enum(['apt', 'apk', 'none']).optional(),
  libc: z.enum(['glibc', 'musl', 'uclibc', 'none']).optional(),
  slim: z.boolean().optional(),
});

const Compressed = z.strictObject({ bytes: z.number().int().positive(), source: Source, date: z.string().min(1), note: z.string().nullable() });

const Alias = z.union([
  z.string().min(1),
  z.strictObject({
    tag: z.string().min(1),
    approximate: z.string().min(1),
    spread: z.number().min(0).max(1),
    os: Os.nullable(),
    compressed: Compressed.optional(),
  }),
]);

const AptLayer = z.strictObject({ install: z.array(z.string().min(1)).min(1), source: Source, date: z.string().min(1) });

const Packages = z.strictObject({
  /** Names of `aptLayers`, applied in order on top of debootstrap's minbase. */
  layers: z.array(z.string()),
  complete: z.boolean(),
  note: z.string().nullable(),
});

const Image = z
  .strictObject({
    image: z.string().regex(/^[a-z0-9._/-]+$/, 'a lower-case repository name'),
    tag: z.string().regex(/^[\w.-]+$/, 'a tag'),
    resolvedTag: z.string().min(1),
    printed: z.string().min(1),
    value: z.string().optional(),
    range: z.tuple([z.string(), z.string()]).optional(),
    rangeWhy: z.string().min(1).optional(),
    os: Os,
    confidence: z.enum(['measured', 'documented', 'secondary']),
    source: Source,
    date: z.string().min(1),
    compressed: Compressed.optional(),
    note: z.string().nullable(),
    packages: Packages.optional(),
    workdir: z.string().startsWith('/').optional(),
    aliases: z.array(Alias),
  })
  .refine((i) => (i.range === undefined) === (i.rangeWhy === undefined), { message: '`range` needs `rangeWhy` (and the other way round)' })
  .refine((i) => (i.range === undefined) === (i.value === undefined), { message: 'an explicit `range` needs an explicit `value`' });

export const InputSchema = z.strictObject({ about: z.array(z.string()), aptLayers: z.record(z.string(), AptLayer).optional(), images: z.array(Image).min(1) });
export type Input = z.infer<typeof InputSchema>;

function sourceRef(source: z.infer<typeof Source>, date: string): SourceRef {
  if ('repo' in source) {
    return {
      text: `${source.repo} ${source.path} @${source.commit} (${source.field})`,
      url: `https://github.com/${source.repo}/blob/${source.commit}/${source.path}`,
      date,
    };
  }
  return { text: source.text, url: source.url, date };
}

function osInfo(os: z.infer<typeof Os>): OsInfo {
  const byFamily: Record<string, Pick<OsInfo, 'packageManager' | 'libc'>> = {
    debian: { packageManager: 'apt', libc: 'glibc' },
    ubuntu: { packageManager: 'apt', libc: 'glibc' },
    alpine: { packageManager: 'apk', libc: 'musl' },
    distroless: { packageManager: 'none', libc: 'glibc' },
    none: { packageManager: 'none', libc: 'none' },
  };
  const d = byFamily[os.family] ?? { packageManager: 'unknown', libc: 'unknown' };
  return { family: os.family, release: os.release, packageManager: os.packageManager ?? d.packageManager, libc: os.libc ?? d.libc, slim: os.slim ?? false };
}

/**
 * The byte value of a printed figure and the range its rounding allows: `124.30 MB` is
 * 124,300,000 ± 5,000 B; `1.02 GB` is 1,020,000,000 ± 5,000,000 B.
 */
export function printedFigure(printed: string): { value: number; low: number; high: number } | null {
  const m = /^~?\s*(\d+)(?:\.(\d+))?\s*([kMG]i?B|[kMG]b)$/.exec(printed.trim());
  if (!m) return null;
  const unit = (m[3] ?? '').replace(/b$/, 'B');
  const value = parseSize(`${m[1] ?? ''}${m[2] ? `.${m[2]}` : ''}${unit}`);
  const unitBytes = parseSize(`1${unit}`);
  if (value === null || unitBytes === null) return null;
  const half = (unitBytes / 10 ** (m[2]?.length ?? 0)) / 2;
  return { value, low: Math.round(value - half), high: Math.round(value + half) };
}

function size(text: string, where: string): number {
  const n = parseSize(text);
  if (n === null) throw new Error(`${where}: "${text}" is not a size`);
  return n;
}

export function buildTable(input: Input, generatedFrom = 'data/sources/base-images.input.json'): BaseImageTable {
  const images: Record<string, BaseImageEntry> = {};
  const aliases: Record<string, BaseImageAlias> = {};
  const taken = new Map<string, string>();
  const claim = (key: string, by: string) => {
    const previous = taken.get(key);
    if (previous) throw new Error(`${key} is defined twice: by ${previous} and by ${by}`);
    taken.set(key, by);
  };
  for (const image of input.images) {
    const key = `${image.image}:${image.tag}`;
    claim(key, key);
    let bytes: { value: number; low: number; high: number };
    let precision: string;
    if (image.range && image.value !== undefined) {
      bytes = { value: size(image.value, key), low: size(image.range[0], key), high: size(image.range[1], key) };
      precision = image.rangeWhy ?? '';
    } else {
      const figure = printedFigure(image.printed);
      if (!figure) throw new Error(`${key}: cannot read the printed figure "${image.printed}"; give \`value\`, \`range\` and \`rangeWhy\``);
      bytes = figure;
      precision = `printed as "${image.printed}"; the range covers its rounding`;
    }
    if (!(bytes.low <= bytes.value && bytes.value <= bytes.high)) throw new Error(`${key}: the range ${bytes.low}-${bytes.high} does not contain ${bytes.value}`);
    images[key] = {
      bytes,
      printed: image.printed,
      precision,
      compressed: image.compressed ? { bytes: image.compressed.bytes, source: sourceRef(image.compressed.source, image.compressed.date), note: image.compressed.note } : null,
      resolvedTag: image.resolvedTag,
      os: osInfo(image.os),
      confidence: image.confidence,
      source: sourceRef(image.source, image.date),
      note: image.note,
      packages: image.packages
        ? {
            layers: image.packages.layers.map((name) => {
              const layer = input.aptLayers?.[name];
              if (!layer) throw new Error(`${key}: apt layer "${name}" is not defined in aptLayers`);
              return { install: layer.install, source: sourceRef(layer.source, layer.date) };
            }),
            complete: image.packages.complete,
            note: image.packages.note,
          }
        : null,
      workdir: image.workdir ?? null,
    };
    for (const alias of image.aliases) {
      const a = typeof alias === 'string' ? { tag: alias, approximate: null, spread: 0, os: null, compressed: undefined } : alias;
      const aliasKey = `${image.image}:${a.tag}`;
      claim(aliasKey, key);
      aliases[aliasKey] = {
        of: key,
        approximate: a.approximate,
        spread: a.spread,
        os: a.os ? osInfo(a.os) : null,
        compressed: a.compressed ? { bytes: a.compressed.bytes, source: sourceRef(a.compressed.source, a.compressed.date), note: a.compressed.note } : null,
      };
    }
  }
  const sorted = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // Validate the output with the schema the simulator uses.
  return parseBaseImageTable({ format: BASE_IMAGES_FORMAT, formatVersion: BASE_IMAGES_FORMAT_VERSION, generatedFrom, images: sorted(images), aliases: sorted(aliases) });
}

/** Parses and validates the input text; errors name the failing path. */
export function readInput(text: string): Input {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`base-images input is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = InputSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`base-images input is invalid:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return result.data;
}

/** One entry per line inside `images` and `aliases`: diffable and compact. */
export function serializeTable(table: BaseImageTable): string {
  const block = (record: Record<string, unknown>) =>
    `{\n${Object.entries(record)
      .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n')}\n  }`;
  return `{\n  "format": ${JSON.stringify(table.format)},\n  "formatVersion": ${table.formatVersion},\n  "generatedFrom": ${JSON.stringify(table.generatedFrom)},\n  "images": ${block(table.images)},\n  "aliases": ${block(table.aliases)}\n}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { check: { type: 'boolean' } } });
  try {
    const text = serializeTable(buildTable(readInput(readFileSync(INPUT_PATH, 'utf8'))));
    if (values.check) {
      let current = '';
      try {
        current = readFileSync(OUTPUT_PATH, 'utf8');
      } catch {
        // missing: reported below
      }
      if (current !== text) {
        console.error(`${path.relative(root, OUTPUT_PATH)} is out of date; run \`node scripts/base-images.ts\`.`);
        process.exitCode = 1;
      } else console.log(`${path.relative(root, OUTPUT_PATH)} is up to date.`);
    } else {
      writeFileSync(OUTPUT_PATH, text);
      const table = JSON.parse(text) as BaseImageTable;
      console.log(`wrote ${path.relative(root, OUTPUT_PATH)}: ${Object.keys(table.images).length} images, ${Object.keys(table.aliases).length} aliases`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
