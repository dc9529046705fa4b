/**
 * Loads the simulator's data files (data/ at the package root) for the CLI, the agent and tests.
 * The engine itself never reads files: callers pass what this returns to simulateDockerfile.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { parseBaseImageTable, type BaseImageTable } from '../core/simulate/base-images.ts';
import type { SimulationData } from '../core/simulate/data.ts';
import { decodeDebianIndex, type DebianIndex } from '../core/simulate/debian/index.ts';

/** data/ next to the sources (src/node/ → ../../data) or the bundle (dist/ → ../data). */
const DATA_DIRS = ['../../data/', '../data/'];

async function readDataFile(name: string): Promise<{ text: string; path: string }> {
  let lastError: unknown = null;
  for (const dir of DATA_DIRS) {
    const url = new URL(`${dir}${name}`, import.meta.url);
    try {
      const raw = await readFile(url);
      const text = name.endsWith('.gz') ? (await promisify(gunzip)(raw)).toString('utf8') : raw.toString('utf8');
      return { text, path: fileURLToPath(url) };
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`cannot find data/${name} next to Layerlab (${lastError instanceof Error ? lastError.message : String(lastError)})`);
}

let baseImages: Promise<BaseImageTable> | null = null;

/** data/base-images.json, validated; read once per process. */
export function loadBaseImages(): Promise<BaseImageTable> {
  baseImages ??= readDataFile('base-images.json').then(({ text, path }) => {
    try {
      return parseBaseImageTable(JSON.parse(text));
    } catch (error) {
      throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return baseImages;
}

export const DEBIAN_RELEASES = ['bookworm', 'trixie'] as const;
export type DebianRelease = (typeof DEBIAN_RELEASES)[number];

const debian = new Map<DebianRelease, Promise<DebianIndex>>();

/** data/debian/<release>.json.gz, decoded; read once per process (about 0.2 s each). */
export function loadDebianIndex(release: DebianRelease): Promise<DebianIndex> {
  let index = debian.get(release);
  if (!index) {
    index = readDataFile(`debian/${release}.json.gz`).then(({ text, path }) => {
      try {
        return decodeDebianIndex(JSON.parse(text));
      } catch (error) {
        throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    debian.set(release, index);
  }
  return index;
}

/**
 * The base-image table, and the Debian package indexes when `debian` is true (needed only to size
 * `apt-get install`; the CLI loads them when the Dockerfile runs apt).
 */
export async function loadSimulationData(options: { debian?: boolean } = {}): Promise<SimulationData> {
  const baseImages = await loadBaseImages();
  if (!options.debian) return { baseImages };
  const [bookworm, trixie] = await Promise.all([loadDebianIndex('bookworm'), loadDebianIndex('trixie')]);
  return { baseImages, debian: { bookworm, trixie } };
}
