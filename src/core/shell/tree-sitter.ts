/**
 * The shell parser: tree-sitter-bash through web-tree-sitter (both MIT).
 * Pure: the caller passes the two WebAssembly binaries (read from disk in Node, fetched in the browser).
 */
import { Language, Parser } from 'web-tree-sitter';
import type { ShellParser, ShellSyntaxNode } from './types.ts';

export interface ShellParserBinaries {
  /** web-tree-sitter's runtime, `web-tree-sitter/web-tree-sitter.wasm`. */
  runtime: Uint8Array;
  /** The bash grammar, `tree-sitter-bash/tree-sitter-bash.wasm`. */
  bash: Uint8Array;
}

let initialised: Promise<void> | null = null;

export async function createShellParser(binaries: ShellParserBinaries): Promise<ShellParser> {
  initialised ??= Parser.init({ wasmBinary: binaries.runtime });
  await initialised;
  const language = await Language.load(binaries.bash);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(script, visit) {
      const tree = parser.parse(script);
      if (!tree) return visit(emptyRoot(script));
      try {
        return visit(tree.rootNode as unknown as ShellSyntaxNode);
      } finally {
        tree.delete();
      }
    },
  };
}

function emptyRoot(script: string): ShellSyntaxNode {
  return {
    type: 'program',
    text: script,
    startIndex: 0,
    endIndex: script.length,
    isNamed: true,
    hasError: true,
    childCount: 0,
    child: () => null,
    childForFieldName: () => null,
  };
}
