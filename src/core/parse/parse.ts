/**
 * The only import of dockerfile-ast. Turns text into the engine's model (1-based spans),
 * resolving stages, ARG/ENV values where they are knowable, heredocs, ONBUILD triggers
 * and the shell commands of RUN.
 */
import { DockerfileParser, Instruction as AstInstructionClass } from 'dockerfile-ast';
import type { Dockerfile, Instruction as AstInstruction } from 'dockerfile-ast';
import type { Span } from '../diagnostic.ts';
import { parseShellScript } from '../shell/commands.ts';
import type { ShellCommand, ShellParser, ShellScript, ShellWord } from '../shell/types.ts';
import { TextIndex, spanFromRange } from '../text.ts';
import { splitImageRef } from './image-ref.ts';
import type { Comment, Directive, Flag, Heredoc, ImageRef, Instruction, ParsedDockerfile, Stage, VarDef, Word } from './model.ts';
import { buildScript } from './script.ts';
import { expandVars } from './vars.ts';

export interface ParseOptions {
  /** Parses RUN commands; without it, `Instruction.shell` is null everywhere. */
  shell?: ShellParser | undefined;
}

/** The parsed document plus the dockerfile-ast tree, for checks that reuse it. */
export interface ParseResult {
  dockerfile: ParsedDockerfile;
  ast: Dockerfile;
}

const DIRECTIVE_RE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const POSIX_SHELLS = /(^|\/)(sh|bash|ash|dash|zsh|ksh|busybox)$/;

export function parseDockerfile(text: string, options: ParseOptions = {}): ParseResult {
  const { ast, args } = parseAst(text);
  for (const i of ast.getInstructions()) memoiseArguments(i, args);
  const index = new TextIndex(text);
  const escapeChar = ast.getEscapeCharacter();
  const ctx: Ctx = { index, escapeChar, shell: options.shell, text, args };

  const directives: Directive[] = [];
  const comments: Comment[] = [];
  // dockerfile-ast is lenient about directives; BuildKit only accepts `# key=value` with a one-word key.
  // Anything else at the top (e.g. `# hadolint stage ignore=DL3007`) is an ordinary comment.
  for (const d of ast.getDirectives()) {
    const span = spanFromRange(d.getRange());
    const line = index.lineText(span.line);
    const m = DIRECTIVE_RE.exec(line);
    if (m) directives.push({ name: (m[1] as string).toLowerCase(), value: m[2] as string, span });
    else comments.push({ text: line.replace(/^\s*#/, '').trim(), span, line: span.line });
  }
  for (const c of ast.getComments()) {
    const span = spanFromRange(c.getRange());
    comments.push({ text: c.getContent().trim(), span, line: span.line });
  }

  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const globalArgs: VarDef[] = [];
  let current: Stage | null = null;
  let posixShell = true;

  for (const astInstruction of ast.getInstructions()) {
    const stageIndex = current ? current.index : -1;
    const instruction = convert(ctx, astInstruction, stageIndex, instructions.length, posixShell);
    instructions.push(instruction);
    if (instruction.keyword === 'FROM') {
      current = newStage(astInstruction, instruction, stages, globalArgs);
      instruction.stage = current.index;
      stages.push(current);
      posixShell = true;
      continue;
    }
    if (instruction.keyword === 'SHELL' && instruction.json && instruction.json.length > 0) {
      posixShell = POSIX_SHELLS.test(instruction.json[0] as string);
    }
    const defs = resolveDefs(varDefs(instruction), current ? current.vars : globalArgs, globalArgs, current !== null);
    if (current) {
      current.instructions.push(instruction);
      current.vars.push(...defs);
    } else if (instruction.keyword === 'ARG') {
      globalArgs.push(...defs);
    }
  }

  const dockerfile: ParsedDockerfile = {
    text,
    lineCount: index.lineCount,
    escapeChar,
    directives,
    comments,
    instructions,
    stages,
    globalArgs,
    lineText: (line) => index.lineText(line),
    offsetOf: (line, column) => index.offset(line, column),
    spanOf: (start, end) => index.span(start, end),
  };
  return { dockerfile, ast };
}

interface Ctx {
  args: ArgumentCache;
  index: TextIndex;
  escapeChar: string;
  shell: ShellParser | undefined;
  text: string;
}

type AnyAst = AstInstruction & {
  getFlags?: () => import('dockerfile-ast').Flag[];
  getHeredocs?: () => import('dockerfile-ast').Heredoc[];
  getTriggerInstruction?: () => AstInstruction | null;
  getProperties?: () => import('dockerfile-ast').Property[];
};

/** Arguments computed by dockerfile-ast's getRawArguments, per instruction. */
type ArgumentCache = WeakMap<object, unknown[]>;

/**
 * dockerfile-ast recomputes an instruction's arguments from the text on every call, and its parser calls
 * that several times per instruction while it builds the tree (JSON arguments, flags, heredocs, ranges).
 * An instruction's text and ranges are fixed when it is constructed, so while our parse runs the method
 * is memoised per instance (put back afterwards: other users of dockerfile-ast are not affected).
 */
function parseAst(text: string): { ast: Dockerfile; args: ArgumentCache } {
  const proto = AstInstructionClass.prototype as unknown as { getRawArguments: () => unknown[] };
  const original = proto.getRawArguments;
  const args: ArgumentCache = new WeakMap();
  proto.getRawArguments = function (this: object) {
    let cached = args.get(this);
    if (!cached) args.set(this, (cached = original.call(this)));
    return cached.slice();
  };
  try {
    return { ast: DockerfileParser.parse(text), args };
  } finally {
    proto.getRawArguments = original;
  }
}

/**
 * dockerfile-ast recomputes an instruction's arguments from the text on every call, and it is called
 * from getFlags, getHeredocs, the validator and here: about a sixth of lint time. The arguments of
 * a parsed document never change, so each instruction computes them once (callers get a copy,
 * because ModifiableInstruction.getArguments shifts flags off the array it receives).
 */
function memoiseArguments(instruction: AstInstruction, computed: ArgumentCache): void {
  const target = instruction as unknown as { getRawArguments: () => unknown[] };
  const compute = target.getRawArguments;
  if (typeof compute !== 'function') return;
  let cached: unknown[] | null = computed.get(instruction) ?? null;
  target.getRawArguments = () => {
    cached ??= compute.call(instruction);
    return cached.slice();
  };
}

function convert(ctx: Ctx, ai: AstInstruction, stage: number, position: number, posixShell: boolean): Instruction {
  const a = ai as AnyAst;
  const range = a.getRange();
  const keywordRange = a.getInstructionRange();
  const flags: Flag[] = (a.getFlags?.() ?? []).map((f) => ({
    name: f.getName(),
    value: f.getValue(),
    span: spanFromRange(f.getRange()),
    valueSpan: f.getValueRange() ? spanFromRange(f.getValueRange() as never) : null,
    options: new Map(f.getOptions().map((o) => [o.getName(), o.getValue()] as const)),
  }));
  const astArgs = a.getArguments();
  const args: Word[] = astArgs.map((w) => ({ value: w.getValue(), span: spanFromRange(w.getRange()) }));
  const heredocs: Heredoc[] = safeHeredocs(a).map((h) => {
    const content = h.getContentRange();
    const start = h.getStartRange();
    const end = h.getDelimiterRange() ?? content ?? h.getNameRange();
    const startOff = ctx.index.offset(start.start.line + 1, start.start.character + 1);
    const endOff = ctx.index.offset(end.end.line + 1, end.end.character + 1);
    return {
      name: h.getName(),
      content: content ? ctx.text.slice(ctx.index.offset(content.start.line + 1, content.start.character + 1), ctx.index.offset(content.end.line + 1, content.end.character + 1)) : '',
      span: ctx.index.span(startOff, endOff),
      contentSpan: content ? spanFromRange(content) : null,
    };
  });

  const startOffset = ctx.index.offset(range.start.line + 1, range.start.character + 1);
  let endOffset = ctx.index.offset(range.end.line + 1, range.end.character + 1);
  for (const h of heredocs) endOffset = Math.max(endOffset, ctx.index.offset(h.span.endLine, h.span.endColumn));
  const firstArg = astArgs[0];
  const argsStart = firstArg ? ctx.index.offset(firstArg.getRange().start.line + 1, firstArg.getRange().start.character + 1) : -1;
  const argsText = argsStart >= 0 ? ctx.text.slice(argsStart, endOffset) : '';
  const keyword = a.getKeyword();

  const instruction: Instruction = {
    keyword,
    keywordRaw: a.getInstruction(),
    keywordSpan: spanFromRange(keywordRange),
    span: ctx.index.span(startOffset, endOffset),
    flags,
    args,
    argsText,
    argsSpan: argsStart >= 0 ? ctx.index.span(argsStart, endOffset) : null,
    properties: (a.getProperties?.() ?? []).map((p) => ({ name: p.getName(), value: p.getValue(), span: spanFromRange(p.getRange()) })),
    json: parseJsonForm(argsText, keyword),
    heredocs,
    stage,
    trigger: null,
    onbuildParent: null,
    shell: null,
    index: position,
  };

  if (keyword === 'ONBUILD') {
    const t = a.getTriggerInstruction?.();
    if (t) {
      memoiseArguments(t, ctx.args);
      const trigger = convert(ctx, t, stage, -1, posixShell);
      trigger.onbuildParent = instruction;
      instruction.trigger = trigger;
    }
  }
  if (ctx.shell && posixShell && (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT')) {
    instruction.shell = shellOf(ctx, instruction, argsStart, ctx.shell);
  }
  return instruction;
}

function parseJsonForm(argsText: string, keyword: string): string[] | null {
  if (keyword !== 'RUN' && keyword !== 'CMD' && keyword !== 'ENTRYPOINT' && keyword !== 'SHELL' && keyword !== 'HEALTHCHECK' && keyword !== 'VOLUME' && keyword !== 'COPY' && keyword !== 'ADD') return null;
  let body = argsText.trim();
  if (keyword === 'HEALTHCHECK') {
    const m = /^CMD\s+/i.exec(body);
    if (!m) return null;
    body = body.slice(m[0].length);
  }
  if (!body.startsWith('[')) return null;
  const joined = body.replace(/\\\r?\n/g, '');
  try {
    const parsed: unknown = JSON.parse(joined);
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed as string[];
  } catch {
    return null;
  }
  return null;
}

function shellOf(ctx: Ctx, instruction: Instruction, argsStart: number, parser: ShellParser): ShellScript | null {
  if (argsStart < 0 || !instruction.argsSpan) return null;
  if (instruction.json) return execFormScript(instruction, instruction.json, parser);
  const script = buildScript(argsStart, instruction.argsText, instruction.heredocs.map((h) => ({ name: h.name, content: h.content, contentStart: h.contentSpan ? ctx.index.offset(h.contentSpan.line, h.contentSpan.column) : -1 })), ctx.escapeChar);
  return parseShellScript(parser, script.text, (s, e) => ctx.index.span(script.toDoc(s), script.toDoc(Math.max(s, e - 1)) + (e > s ? 1 : 0)));
}

function execFormScript(instruction: Instruction, argv: string[], parser: ShellParser): ShellScript {
  const span = instruction.argsSpan as Span;
  const words: ShellWord[] = argv.map((v) => ({ value: v, raw: JSON.stringify(v), span, dynamic: false }));
  const [first, ...rest] = words;
  const commands: ShellCommand[] = [];
  let hasPipe = false;
  let hasError = false;
  if (first) {
    const name = first.value.slice(first.value.lastIndexOf('/') + 1);
    commands.push({ name, nameWord: first, args: rest, assignments: [], span, next: null, nested: false, inPipeline: false, via: null });
    const c = rest.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w.value));
    const body = c >= 0 ? rest[c + 1] : undefined;
    if (POSIX_SHELLS.test(first.value) && body) {
      const inner = parseShellScript(parser, body.value, () => span);
      for (const cmd of inner.commands) commands.push({ ...cmd, via: `${name} -c` });
      hasPipe = inner.hasPipe;
      hasError = inner.hasError;
    }
  }
  return { text: argv.join(' '), commands, hasPipe, hasError, span };
}

function newStage(ai: AstInstruction, instruction: Instruction, stages: Stage[], globalArgs: VarDef[]): Stage {
  const from = ai as import('dockerfile-ast').From;
  const rawImage = from.getImage() ?? '';
  const expanded = expandVars(rawImage, globalArgs);
  const resolved = expanded.value;
  const parts = splitImageRef(resolved ?? rawImage);
  const image: ImageRef = {
    raw: rawImage,
    resolved,
    unresolvedVars: expanded.unresolved,
    registry: parts.registry,
    name: parts.name,
    tag: parts.tag,
    digest: parts.digest,
  };
  const alias = from.getBuildStage();
  const aliasRange = from.getBuildStageRange();
  const imageRange = from.getImageRange();
  const lower = (resolved ?? rawImage).toLowerCase();
  const base = stages.find((s) => s.name !== null && s.name === lower);
  const platformFlag = instruction.flags.find((f) => f.name === 'platform');
  return {
    index: stages.length,
    name: alias ? alias.toLowerCase() : null,
    nameRaw: alias,
    nameSpan: aliasRange ? spanFromRange(aliasRange) : null,
    from: instruction,
    image,
    imageSpan: imageRange ? spanFromRange(imageRange) : null,
    platform: platformFlag?.value ?? null,
    baseStage: base ? base.index : null,
    instructions: [],
    vars: [],
  };
}

function varDefs(instruction: Instruction): VarDef[] {
  if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') return [];
  const kind = instruction.keyword;
  const line = instruction.span.line;
  return instruction.properties
    .filter((p) => p.name !== '')
    .map((p) => ({ name: p.name, value: p.value === null && kind === 'ENV' ? '' : p.value, kind, line }));
}

/**
 * Values are expanded with what is defined before them; inside a stage, `ARG NAME` without a value
 * takes the default of the global ARG of the same name, as BuildKit does.
 */
function resolveDefs(defs: VarDef[], scope: readonly VarDef[], globalArgs: readonly VarDef[], inStage: boolean): VarDef[] {
  return defs.map((d) => {
    if (d.value === null) {
      if (!inStage) return d;
      const g = [...globalArgs].reverse().find((x) => x.name === d.name);
      return g ? { ...d, value: g.value } : d;
    }
    if (!d.value.includes('$')) return d;
    const e = expandVars(d.value, scope);
    return e.value === null ? d : { ...d, value: e.value };
  });
}


/**
 * dockerfile-ast's getHeredocs throws on some continuations ended by a lone CR followed by a
 * comment line (e.g. `RUN a \<CR># c<LF>`, found by test/fuzz.test.ts); treat that as no heredocs.
 */
function safeHeredocs(a: AnyAst): import('dockerfile-ast').Heredoc[] {
  try {
    return a.getHeredocs?.() ?? [];
  } catch {
    return [];
  }
}
