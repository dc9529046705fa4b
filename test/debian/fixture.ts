/**
 * Builds a small DebianIndex from Packages stanzas through the real pipeline
 * (scripts/debian-index.ts parse + merge + encode, then the engine's decoder), for unit tests.
 */
import { encodeIndex, mergePackages, parsePackages } from '../../scripts/debian-index.ts';
import { decodeDebianIndex, type DebianIndex, type EncodedDebianIndex } from '../../src/core/simulate/debian/index.ts';

export type Stanza = Record<string, string>;

/** Renders stanzas as Packages text; `Version`, `Architecture` and `Priority` get defaults. */
export function packagesText(stanzas: readonly Stanza[]): string {
  return stanzas
    .map((st) => {
      const fields: Stanza = { Version: '1.0-1', Architecture: 'amd64', Priority: 'optional', ...st };
      const pkg = fields['Package'];
      delete fields['Package'];
      return [`Package: ${pkg}`, ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`)].join('\n');
    })
    .join('\n\n');
}

export function encodeStanzas(lists: readonly (readonly Stanza[])[], release = 'test', minbaseExtra: string[] = []): EncodedDebianIndex {
  const all = lists.flatMap((l, i) => parsePackages(packagesText(l), i));
  return encodeIndex(mergePackages(all), {
    release,
    minbaseExtra,
    sources: [],
    generated: '2026-01-01T00:00:00.000Z',
    generator: 'test/debian/fixture.ts',
    command: 'vitest',
    notes: [],
  });
}

/** One or more Packages files (in sources order) -> decoded index. */
export function indexFromStanzas(lists: readonly (readonly Stanza[])[], release = 'test', minbaseExtra: string[] = []): DebianIndex {
  return decodeDebianIndex(JSON.parse(JSON.stringify(encodeStanzas(lists, release, minbaseExtra))));
}
