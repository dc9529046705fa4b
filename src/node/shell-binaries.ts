/** Reads the shell parser's WebAssembly binaries from node_modules (Node only). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createShellParser } from '../core/shell/tree-sitter.ts';
import type { ShellParser } from '../core/shell/types.ts';

const require = createRequire(import.meta.url);
let cached: Promise<ShellParser> | null = null;

export function loadShellParser(): Promise<ShellParser> {
  cached ??= (async () => {
    const [runtime, bash] = await Promise.all([
      readFile(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
      readFile(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')),
    ]);
    return createShellParser({ runtime, bash });
  })();
  return cached;
}
