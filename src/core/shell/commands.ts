/**
 * Turns a shell syntax tree into the flat list of simple commands that rules query.
 */
import type { Span } from '../diagnostic.ts';
import type { ShellCommand, ShellOperator, ShellParser, ShellScript, ShellSyntaxNode, ShellWord } from './types.ts';

/** Maps a [start, end) range of the script to a span in the document. */
export type ScriptSpanMapper = (start: number, end: number) => Span;

const OPERATORS = new Set(['&&', '||', ';', '|', '|&', '&', ';;']);
const NESTING = new Set([
  'if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement',
  'subshell', 'function_definition', 'command_substitution', 'process_substitution',
  'compound_statement', 'elif_clause', 'else_clause', 'case_item', 'do_group',
]);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);
/** Wrappers that run the rest of their arguments as a command. */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'command', 'nice', 'nohup', 'time', 'doas', 'stdbuf', 'xargs']);

export function parseShellScript(parser: ShellParser, script: string, toSpan: ScriptSpanMapper): ShellScript {
  const commands: ShellCommand[] = [];
  let hasPipe = false;
  let hasError = false;
  parser.parse(script, (root) => {
    hasError = root.hasError;
    const state = { commands, pipe: false, error: false };
    walk(copyTree(root, parser), script, toSpan, parser, state, false, false);
    hasPipe = state.pipe;
    hasError = hasError || state.error;
  });
  return { text: script, commands, hasPipe, hasError, span: toSpan(0, script.length) };
}

interface WalkState {
  commands: ShellCommand[];
  pipe: boolean;
  error: boolean;
}

/**
 * A syntax node copied out of the parser's tree. Every property of a tree-sitter node is a call into
 * WebAssembly, and the walk below reads most of them several times; copying the tree once with a cursor
 * (a few calls per node) is much cheaper. Offsets index the script string, so text is sliced from it.
 */
interface Node {
  type: string;
  isNamed: boolean;
  startIndex: number;
  endIndex: number;
  /** The field name under the parent; only filled in for the children of a `variable_assignment`. */
  field: string | null;
  children: Node[];
}

/** The children of every leaf (most nodes): one shared empty list, never added to. */
const NO_CHILDREN: Node[] = [];

/** Type name and named-ness by grammar symbol id, per parser (both depend only on the symbol). */
const symbolCache = new WeakMap<ShellParser, Map<number, { type: string; isNamed: boolean }>>();

function copyTree(root: ShellSyntaxNode, parser: ShellParser): Node {
  const cursor = root.walk?.();
  if (!cursor) return copyNode(root);
  let symbols = symbolCache.get(parser);
  if (!symbols) symbolCache.set(parser, (symbols = new Map()));
  const known = symbols;
  const symbol = (): { type: string; isNamed: boolean } => {
    const id = cursor.nodeTypeId;
    let s = known.get(id);
    if (!s) known.set(id, (s = { type: cursor.nodeType, isNamed: cursor.nodeIsNamed }));
    return s;
  };
  try {
    const r = symbol();
    const top: Node = { type: r.type, isNamed: r.isNamed, startIndex: cursor.startIndex, endIndex: cursor.endIndex, field: null, children: NO_CHILDREN };
    const ancestors: Node[] = [top];
    if (!cursor.gotoFirstChild()) return top;
    top.children = [];
    for (;;) {
      const parent = ancestors[ancestors.length - 1] as Node;
      const sym = symbol();
      const node: Node = {
        type: sym.type,
        isNamed: sym.isNamed,
        startIndex: cursor.startIndex,
        endIndex: cursor.endIndex,
        field: parent.type === 'variable_assignment' ? cursor.currentFieldName : null,
        children: NO_CHILDREN,
      };
      parent.children.push(node);
      if (cursor.gotoFirstChild()) {
        node.children = [];
        ancestors.push(node);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return top;
        ancestors.pop();
        if (ancestors.length === 0) return top;
      }
    }
  } finally {
    cursor.delete?.();
  }
}

/** The same copy through the node interface, for parsers without cursors. */
function copyNode(node: ShellSyntaxNode): Node {
  const out: Node = { type: node.type, isNamed: node.isNamed, startIndex: node.startIndex, endIndex: node.endIndex, field: null, children: [] };
  const fields = node.type === 'variable_assignment' ? [node.childForFieldName('name'), node.childForFieldName('value')] : [];
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (!c) continue;
    const copy = copyNode(c);
    const f = fields.findIndex((x) => x !== null && x.startIndex === c.startIndex && x.endIndex === c.endIndex && x.type === c.type);
    if (f >= 0) copy.field = f === 0 ? 'name' : 'value';
    out.children.push(copy);
  }
  return out;
}

function walk(
  node: Node,
  script: string,
  toSpan: ScriptSpanMapper,
  parser: ShellParser,
  state: WalkState,
  nested: boolean,
  inPipeline: boolean,
): void {
  const kids = node.children;
  if (node.type === 'pipeline') {
    for (const k of kids) if (k.type === '|' || k.type === '|&') state.pipe = true;
  }
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i] as Node;
    if (kid.type === 'command') {
      const before = state.commands.length;
      addCommand(kid, script, toSpan, parser, state, nested, inPipeline || node.type === 'pipeline');
      const op = operatorAfter(kids, i, script, kid.endIndex);
      // The command and the command it wraps (`sudo apt-get …`) share the operator that follows.
      for (let j = before; j < state.commands.length; j++) {
        const added = state.commands[j] as ShellCommand;
        if (added.nested === nested && added.next === null) added.next = op;
      }
    } else if (kid.isNamed) {
      const childNested = nested || NESTING.has(kid.type);
      const childPipe = inPipeline || node.type === 'pipeline';
      const before = state.commands.length;
      walk(kid, script, toSpan, parser, state, childNested, childPipe);
      const last = lastTopLevel(state.commands, before);
      if (last && last.next === null) last.next = operatorAfter(kids, i, script, kid.endIndex);
    }
  }
}

function lastTopLevel(commands: ShellCommand[], from: number): ShellCommand | undefined {
  for (let i = commands.length - 1; i >= from; i--) {
    const c = commands[i] as ShellCommand;
    if (!c.nested) return c;
  }
  return undefined;
}

function operatorAfter(siblings: Node[], index: number, script: string, end: number): ShellOperator | null {
  const next = siblings[index + 1];
  if (next && OPERATORS.has(next.type)) return next.type === ';;' ? ';' : (next.type as ShellOperator);
  // Commands separated by a newline in a program or block.
  for (let j = index + 1; j < siblings.length; j++) {
    const s = siblings[j] as Node;
    if (s.type === 'comment') continue;
    if (s.isNamed) return script.slice(end, s.startIndex).includes('\n') ? '\n' : null;
    return null;
  }
  return null;
}

function addCommand(
  node: Node,
  script: string,
  toSpan: ScriptSpanMapper,
  parser: ShellParser,
  state: WalkState,
  nested: boolean,
  inPipeline: boolean,
): void {
  const assignments: { name: string; value: string }[] = [];
  const words: ShellWord[] = [];
  for (const part of node.children) {
    if (part.type === 'variable_assignment') {
      const nameNode = part.children.find((c) => c.field === 'name');
      const valueNode = part.children.find((c) => c.field === 'value');
      assignments.push({ name: nameNode ? script.slice(nameNode.startIndex, nameNode.endIndex) : '', value: valueNode ? nodeValue(valueNode, script).value : '' });
    } else if (part.type === 'command_name') {
      const inner = part.children[0] ?? part;
      words.push(toWord(inner, script, toSpan));
    } else if (part.isNamed && part.type !== 'file_redirect' && part.type !== 'herestring_redirect' && part.type !== 'comment') {
      words.push(toWord(part, script, toSpan));
    }
  }
  if (words.length > 0) emit(words, assignments, toSpan(node.startIndex, node.endIndex), script, toSpan, parser, state, nested, inPipeline, null);
  // Commands inside command substitutions in arguments are commands too (after the command itself).
  for (const part of node.children) {
    if (part.type === 'command_substitution' || part.type === 'process_substitution') walk(part, script, toSpan, parser, state, true, false);
    else if (part.isNamed) collectSubstitutions(part, script, toSpan, parser, state);
  }
}

function collectSubstitutions(node: Node, script: string, toSpan: ScriptSpanMapper, parser: ShellParser, state: WalkState): void {
  for (const c of node.children) {
    if (c.type === 'command_substitution' || c.type === 'process_substitution') walk(c, script, toSpan, parser, state, true, false);
    else if (c.isNamed) collectSubstitutions(c, script, toSpan, parser, state);
  }
}

function emit(
  words: ShellWord[],
  assignments: { name: string; value: string }[],
  span: Span,
  script: string,
  toSpan: ScriptSpanMapper,
  parser: ShellParser,
  state: WalkState,
  nested: boolean,
  inPipeline: boolean,
  via: string | null,
): void {
  const [nameWord, ...args] = words as [ShellWord, ...ShellWord[]];
  const name = nameWord.dynamic ? '' : baseName(nameWord.value);
  state.commands.push({ name, nameWord, args, assignments, span, next: null, nested, inPipeline, via });
  if (WRAPPERS.has(name)) {
    const inner = unwrap(name, args);
    if (inner && inner.words.length > 0) {
      emit(inner.words, [...inner.assignments], span, script, toSpan, parser, state, nested, inPipeline, name);
    }
  } else if (SHELLS.has(name)) {
    const scriptArg = shellCommandString(name, args);
    if (scriptArg) parseNested(scriptArg, toSpan, parser, state, nested || true, name);
  }
}

/** `sudo -u x apt-get …`, `env A=1 apt-get …`, `exec gunicorn …` → the wrapped command. */
function unwrap(wrapper: string, args: ShellWord[]): { words: ShellWord[]; assignments: { name: string; value: string }[] } | null {
  const assignments: { name: string; value: string }[] = [];
  let i = 0;
  const valueFlags: Record<string, Set<string>> = {
    sudo: new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U']),
    env: new Set(['-u', '-C', '-S']),
    nice: new Set(['-n']),
    stdbuf: new Set(['-i', '-o', '-e']),
    xargs: new Set(['-n', '-I', '-L', '-P', '-s', '-d', '-E', '-a']),
  };
  const takesValue = valueFlags[wrapper] ?? new Set<string>();
  while (i < args.length) {
    const a = args[i] as ShellWord;
    if (a.value === '--') { i++; break; }
    if (a.value.startsWith('-') && a.value.length > 1) {
      // `command -v x` / `command -V x` only look x up; nothing is run.
      if (wrapper === 'command' && /^-[pvV]*[vV]/.test(a.value)) return null;
      i += takesValue.has(a.value) ? 2 : 1;
      continue;
    }
    if (wrapper === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a.value)) {
      const eq = a.value.indexOf('=');
      assignments.push({ name: a.value.slice(0, eq), value: a.value.slice(eq + 1) });
      i++;
      continue;
    }
    break;
  }
  return { words: args.slice(i), assignments };
}

/** The script of `sh -c 'script'` (also `-ec`, `-xc`, `-euxc`), or null. */
function shellCommandString(shell: string, args: ShellWord[]): ShellWord | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as ShellWord;
    if (shell === 'busybox' && i === 0 && SHELLS.has(a.value)) continue;
    if (/^-[a-z]*c[a-z]*$/.test(a.value)) return args[i + 1] ?? null;
    if (/^[-+]o$/.test(a.value)) { i++; continue; }
    if (!a.value.startsWith('-') && !a.value.startsWith('+')) return null;
  }
  return null;
}

function parseNested(word: ShellWord, _toSpan: ScriptSpanMapper, parser: ShellParser, state: WalkState, nested: boolean, shell: string): void {
  if (word.dynamic && !/^['"]/.test(word.raw)) return;
  const inner = parseShellScript(parser, word.value, () => word.span);
  for (const c of inner.commands) state.commands.push({ ...c, nested: nested || c.nested, via: c.via ?? `${shell} -c` });
  if (inner.hasPipe) state.pipe = true;
  if (inner.hasError) state.error = true;
}

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}

function toWord(node: Node, script: string, toSpan: ScriptSpanMapper): ShellWord {
  const { value, dynamic } = nodeValue(node, script);
  return { value, raw: script.slice(node.startIndex, node.endIndex), span: toSpan(node.startIndex, node.endIndex), dynamic };
}

/** The literal value of a word node: quotes and escapes removed, expansions kept as text. */
function nodeValue(node: Node, script: string): { value: string; dynamic: boolean } {
  const text = script.slice(node.startIndex, node.endIndex);
  switch (node.type) {
    case 'word':
    case 'number':
      return { value: unescapeWord(text), dynamic: false };
    case 'raw_string':
      return { value: text.slice(1, -1), dynamic: false };
    case 'ansi_c_string':
      return { value: text.slice(2, -1), dynamic: false };
    case 'string':
    case 'translated_string': {
      let value = '';
      let dynamic = false;
      let cursor = node.startIndex + (node.type === 'translated_string' ? 2 : 1);
      const end = node.endIndex - 1;
      for (const c of node.children) {
        if (!c.isNamed) continue;
        if (c.startIndex > cursor) value += unescapeDouble(script.slice(cursor, c.startIndex));
        if (c.type === 'string_content') value += unescapeDouble(script.slice(c.startIndex, c.endIndex));
        else {
          value += script.slice(c.startIndex, c.endIndex);
          dynamic = true;
        }
        cursor = c.endIndex;
      }
      if (end > cursor) value += unescapeDouble(script.slice(cursor, end));
      return { value, dynamic };
    }
    case 'concatenation': {
      let value = '';
      let dynamic = false;
      for (const c of node.children) {
        const v = nodeValue(c, script);
        value += v.value;
        dynamic ||= v.dynamic;
      }
      return { value, dynamic };
    }
    case 'simple_expansion':
    case 'expansion':
    case 'command_substitution':
    case 'arithmetic_expansion':
    case 'process_substitution':
      return { value: text, dynamic: true };
    default:
      return { value: text, dynamic: /[$`]/.test(text) };
  }
}

function unescapeWord(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/gs, '$1') : text;
}

function unescapeDouble(text: string): string {
  return text.includes('\\') ? text.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c)) : text;
}
