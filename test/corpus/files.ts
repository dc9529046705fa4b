/** The real-world Dockerfile corpus: every `test/corpus/<group>/<name>.Dockerfile`, sorted, read byte-exact. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));

export interface CorpusFile {
  /** `group/name.Dockerfile`, with forward slashes. */
  name: string;
  group: string;
  path: string;
  text: string;
}

export function corpusFiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const group of readdirSync(CORPUS_DIR, { withFileTypes: true })) {
    if (!group.isDirectory() || group.name.startsWith('_')) continue;
    for (const entry of readdirSync(join(CORPUS_DIR, group.name))) {
      if (!entry.endsWith('.Dockerfile')) continue;
      const path = join(CORPUS_DIR, group.name, entry);
      files.push({ name: `${group.name}/${entry}`, group: group.name, path, text: readFileSync(path, 'utf8') });
    }
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
