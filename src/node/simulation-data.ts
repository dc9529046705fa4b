/**
 * Loads the simulator's data files (data/ at the package root) for the CLI, the agent and tests.
 * The engine itself never reads files: callers pass what this returns to simulateDockerfile.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseBaseImageTable, type BaseImageTable } from '../core/simulate/base-images.ts';
import type { SimulationData } from '../core/simulate/data.ts';

/** data/ next to the sources (src/node/ → ../../data) or the bundle (dist/ → ../data). */
const DATA_DIRS = ['../../data/', '../data/'];

async function readDataFile(name: string): Promise<{ text: string; path: string }> {
  let lastError: unknown = null;
  for (const dir of DATA_DIRS) {
    const url = new URL(`${dir}${name}`, import.meta.url);
    try {
      return { text: await readFile(url, 'utf8'), path: fileURLToPath(url) };
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

export async function loadSimulationData(): Promise<SimulationData> {
  return { baseImages: await loadBaseImages() };
}
