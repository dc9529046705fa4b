import type { Span } from '../diagnostic.ts';

/** One word of a shell command, e.g. an argument. */
export interface ShellWord {
  /** Quotes and backslash escapes removed; expansions are kept as written (`$HOME`). */
  value: string;
  /** The text as written in the script. */
  raw: string;
  span: Span;
  /** True when the word contains an expansion or command substitution. */
  dynamic: boolean;
}

export type ShellOperator = '&&' | '||' | ';' | '|' | '|&' | '&' | '\n';

/** A simple command found anywhere in a script (inside lists, pipelines, conditionals, `sh -c '…'`). */
export interface ShellCommand {
  /** The program's base name (`/usr/bin/apt-get` gives `apt-get`); '' when the name is not a literal. */
  name: string;
  nameWord: ShellWord | null;
  args: ShellWord[];
  /** `FOO=bar` assignments before the command name (and the ones passed through `env`). */
  assignments: { name: string; value: string }[];
  span: Span;
  /** Operator between this command and the next one at the same level; null for the last. */
  next: ShellOperator | null;
  /** True inside if/while/for/case bodies, subshells, functions or command substitutions. */
  nested: boolean;
  /** True when it is a stage of a pipeline (`a | b`). */
  inPipeline: boolean;
  /** Name of the wrapper that ran it: `sudo`, `env`, `exec`, `sh -c`, …; null when run directly. */
  via: string | null;
}

export interface ShellScript {
  /** The script as the shell sees it (continuations joined, comment lines dropped). */
  text: string;
  commands: ShellCommand[];
  /** The script has a pipe (`|`) somewhere. */
  hasPipe: boolean;
  /** The shell parser found a syntax error; commands are best-effort. */
  hasError: boolean;
  /** Span of the whole script in the document. */
  span: Span;
}

/** What the engine needs from a shell parser: text in, syntax tree out. */
export interface ShellParser {
  /** Parses `script` and hands the root to `visit`; the tree is freed afterwards. */
  parse<T>(script: string, visit: (root: ShellSyntaxNode) => T): T;
}

/** The subset of a tree-sitter node the command extractor reads. */
export interface ShellSyntaxNode {
  type: string;
  text: string;
  startIndex: number;
  endIndex: number;
  isNamed: boolean;
  hasError: boolean;
  childCount: number;
  child(index: number): ShellSyntaxNode | null;
  childForFieldName(name: string): ShellSyntaxNode | null;
  fieldNameForChild?(index: number): string | null;
  /** A cursor over this node's subtree (tree-sitter's `walk()`); the extractor copies the tree with it when present. */
  walk?(): ShellTreeCursor;
}

/** The subset of a tree-sitter TreeCursor the command extractor reads; offsets index the parsed string. */
export interface ShellTreeCursor {
  readonly nodeType: string;
  /** The grammar symbol id of the node; its type and named-ness follow from it. */
  readonly nodeTypeId: number;
  readonly nodeIsNamed: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly currentFieldName: string | null;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  /** Frees the cursor. */
  delete?(): void;
}
