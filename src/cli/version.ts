/** The package version, read from package.json next to the sources (src/cli/) or the bundle (dist/). */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached !== undefined) return cached;
  cached = '0.0.0';
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      const json = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (json.name === 'layerlab' && typeof json.version === 'string') {
        cached = json.version;
        break;
      }
    } catch {
      // try the next location
    }
  }
  return cached;
}
