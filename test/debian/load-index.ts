/** Node-only loader for data/debian/<release>.json.gz (tests and scripts; the engine gets data passed in). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeDebianIndex, type DebianIndex } from '../../src/core/simulate/debian/index.ts';

export function debianDataPath(release: string): string {
  return fileURLToPath(new URL(`../../data/debian/${release}.json.gz`, import.meta.url));
}

const cache = new Map<string, DebianIndex>();

/** Reads, gunzips, parses and decodes the committed data file (once per release). */
export function loadDebianIndex(release: string): DebianIndex {
  let index = cache.get(release);
  if (!index) {
    index = decodeDebianIndex(JSON.parse(gunzipSync(readFileSync(debianDataPath(release))).toString('utf8')));
    cache.set(release, index);
  }
  return index;
}
