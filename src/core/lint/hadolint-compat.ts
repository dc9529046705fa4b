/**
 * How hadolint sees a Dockerfile, for rules that claim a hadolint equivalent and must behave like it.
 *
 * hadolint parses each RUN with ShellCheck and looks at every simple command by its literal name
 * (`/usr/bin/apt-get` is not `apt-get`, and `sudo apt-get …` is the command `sudo`); it does not look
 * inside `sh -c '…'`. Arguments are "simplified": quotes are removed and every expansion (`$X`, `${X}`,
 * `$(…)`, backticks) becomes the text `${VAR}`. Flags are split naively: `-abc` is a, b and c, `--x=y`
 * is x, and a flag's value is not told apart from other arguments.
 *
 * This module reproduces that view on top of the engine's richer shell model, plus hadolint's
 * "last stage or reused stage" logic (DL3009, DL3060). Pure; no hadolint code is used.
 */
import type { TextEdit } from '../diagnostic.ts';
import type { Instruction, ParsedDockerfile, Stage } from '../parse/model.ts';
import type { ShellCommand, ShellWord } from '../shell/types.ts';
import { mountsOf } from './helpers.ts';

/** One argument of a command as hadolint sees it. */
export interface HArg {
  /** The simplified text (quotes removed, expansions replaced by `${VAR}`). */
  text: string;
  word: ShellWord;
  /** Flag names this argument counts as (`-qy` → q, y; `--yes=1` → yes); empty for a non-flag. */
  flags: string[];
}

/** A simple command as hadolint sees it. */
export interface HCommand {
  name: string;
  args: HArg[];
  cmd: ShellCommand;
}

/** Wrappers whose first argument ShellCheck reports as the command name (`command x`, `exec x`). */
const NAME_FROM_FIRST_ARG = new Set(['exec', 'command', 'builtin', 'busybox', 'run']);

/**
 * The commands hadolint would find in an instruction: the ones run directly (not through `sudo`, `env`,
 * `sh -c '…'`) whose name is a literal word, compared as written (`/usr/bin/apt-get` is not `apt-get`).
 * `exec x`, `command x`, `builtin x` and `busybox x` count as `x`, with `x` still among the arguments, as
 * in hadolint. The exec form is joined with spaces and split into commands at shell operators.
 */
export function hadolintCommands(instruction: Instruction): HCommand[] {
  if (instruction.json) return execFormCommands(instruction, instruction.json);
  const out: HCommand[] = [];
  for (const cmd of instruction.shell?.commands ?? []) {
    if (cmd.via !== null || !cmd.nameWord || cmd.nameWord.dynamic || cmd.nameWord.value === '') continue;
    const args = cmd.args.map((word) => {
      const text = simplifyWord(word.raw);
      return { text, word, flags: flagNames(text) };
    });
    out.push({ name: effectiveName(cmd.nameWord.value, args), cmd, args });
  }
  return out;
}

function effectiveName(name: string, args: readonly HArg[]): string {
  if (!NAME_FROM_FIRST_ARG.has(name)) return name;
  let i = 0;
  if (name === 'exec') {
    // exec [-cl] [-a name] command
    while (i < args.length && /^-[cla]+$/.test((args[i] as HArg).text)) i += (args[i] as HArg).text.endsWith('a') ? 2 : 1;
  }
  const first = args[i];
  if (!first || first.word.dynamic || first.flags.length > 0) return name;
  return first.text;
}

function execFormCommands(instruction: Instruction, argv: readonly string[]): HCommand[] {
  const span = instruction.argsSpan ?? instruction.span;
  const commands = instruction.shell?.commands ?? [];
  const base = commands[0];
  const out: HCommand[] = [];
  for (const words of splitCommands(argv.join(' '))) {
    const start = words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
    if (start < 0) continue;
    const [name, ...rest] = words.slice(start) as [string, ...string[]];
    const args = rest.map((raw) => {
      const text = simplifyWord(raw);
      const word: ShellWord = { value: text, raw, span, dynamic: /[$`]/.test(raw) };
      return { text, word, flags: flagNames(text) };
    });
    const nameWord: ShellWord = { value: name, raw: name, span, dynamic: false };
    const cmd: ShellCommand = base && base.nameWord?.value === name ? base : { name, nameWord, args: args.map((a) => a.word), assignments: [], span, next: null, nested: false, inPipeline: false, via: null };
    out.push({ name: effectiveName(simplifyWord(name), args), cmd, args });
  }
  return out;
}

/** Words (as written) of the commands in a text, split at unquoted shell operators. */
function splitCommands(text: string): string[][] {
  const out: string[][] = [];
  let words: string[] = [];
  let word = '';
  const endWord = () => {
    if (word !== '') words.push(word);
    word = '';
  };
  const endCommand = () => {
    endWord();
    if (words.length) out.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      word += text.slice(i, i + 2);
      i++;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += c === '"' && text[j] === '\\' ? 2 : 1;
      word += text.slice(i, j + 1);
      i = j;
    } else if (/\s/.test(c)) endWord();
    else if ('&|;()'.includes(c)) {
      endCommand();
      if (text[i + 1] === c || (c === '|' && text[i + 1] === '&')) i++;
    } else word += c;
  }
  endCommand();
  return out;
}

/** hadolint's flag split of one argument. */
export function flagNames(text: string): string[] {
  if (text === '--' || text === '-') return [];
  if (text.startsWith('--')) {
    const eq = text.indexOf('=');
    return [eq >= 0 ? text.slice(2, eq) : text.slice(2)];
  }
  if (text.startsWith('-')) return [...text.slice(1)];
  return [];
}

/** The command is `name` and has an argument equal to one of `texts` (hadolint `cmdHasArgs`). */
export function hasArgs(c: HCommand, name: string, texts: readonly string[]): boolean {
  return c.name === name && c.args.some((a) => texts.includes(a.text));
}

/** Any argument counts as one of the flags (hadolint `hasAnyFlag`). */
export function hasAnyFlag(c: HCommand, names: readonly string[]): boolean {
  return c.args.some((a) => a.flags.some((f) => names.includes(f)));
}

/** How many times a flag name occurs (`-qq` counts q twice). */
export function countFlag(c: HCommand, name: string): number {
  let n = 0;
  for (const a of c.args) for (const f of a.flags) if (f === name) n++;
  return n;
}

/** The argument after each flag named `name` (hadolint `getFlagArg`). */
export function flagArgs(c: HCommand, name: string): HArg[] {
  const out: HArg[] = [];
  c.args.forEach((a, i) => {
    const next = c.args[i + 1];
    if (next && a.flags.includes(name)) out.push(next);
  });
  return out;
}

/** Edits that insert `text` after the first argument `word` of each command; null if one lacks it. */
export function insertAfterArg(cmds: readonly HCommand[], word: string, text: string): TextEdit[] | null {
  const edits: TextEdit[] = [];
  for (const c of cmds) {
    const at = c.args.find((a) => a.text === word);
    if (!at) return null;
    const s = at.word.span;
    edits.push({ span: { line: s.endLine, column: s.endColumn, endLine: s.endLine, endColumn: s.endColumn }, text });
  }
  return edits;
}

/**
 * Arguments that are not flags, after dropping the argument that follows any flag in `dropAfter`
 * (hadolint `getArgsNoFlags . dropFlagArg`). As in hadolint, the argument after `--target-release=x`
 * is dropped too, because the flag's value is not known to be attached.
 */
export function argsNoFlags(c: HCommand, dropAfter: readonly string[] = []): HArg[] {
  const dropped = new Set<number>();
  c.args.forEach((a, i) => {
    if (a.flags.some((f) => dropAfter.includes(f))) dropped.add(i + 1);
  });
  return c.args.filter((a, i) => a.flags.length === 0 && !dropped.has(i));
}

/**
 * ShellCheck's "oversimplify" of a word as written: quotes removed, backslash escapes resolved, every
 * parameter expansion, command substitution and arithmetic expansion replaced by `${VAR}`, brace
 * expansions dropped.
 */
export function simplifyWord(raw: string): string {
  let out = '';
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw[i] as string;
    if (c === '\\') {
      if (raw[i + 1] === '\n') i += 2;
      else {
        out += raw[i + 1] ?? '';
        i += 2;
      }
    } else if (c === "'") {
      const j = raw.indexOf("'", i + 1);
      out += raw.slice(i + 1, j < 0 ? n : j);
      i = j < 0 ? n : j + 1;
    } else if (c === '"') {
      i++;
      while (i < n && raw[i] !== '"') {
        const d = raw[i] as string;
        if (d === '\\' && i + 1 < n) {
          const e = raw[i + 1] as string;
          if ('$`"\\'.includes(e)) out += e;
          else if (e !== '\n') out += d + e;
          i += 2;
        } else if (d === '$' || d === '`') {
          const end = expansionEnd(raw, i);
          if (end > i + 1 || d === '`') {
            out += '${VAR}';
            i = end;
          } else {
            out += d;
            i++;
          }
        } else {
          out += d;
          i++;
        }
      }
      i++;
    } else if (c === '$' && raw[i + 1] === "'") {
      const j = closingSingleQuote(raw, i + 2);
      out += raw.slice(i + 2, j);
      i = j + 1;
    } else if (c === '$' && raw[i + 1] === '"') {
      // $"…" (translated string): ShellCheck's simplification drops it.
      const j = raw.indexOf('"', i + 2);
      i = j < 0 ? n : j + 1;
    } else if (c === '$' || c === '`') {
      const end = expansionEnd(raw, i);
      if (end > i + 1 || c === '`') {
        out += '${VAR}';
        i = end;
      } else {
        out += c;
        i++;
      }
    } else if (c === '{') {
      const j = matching(raw, i, '{', '}');
      const inner = j > i ? raw.slice(i + 1, j) : '';
      if (j > i && /^[^\s]*(,|\.\.)[^\s]*$/.test(inner)) i = j + 1;
      else {
        out += c;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** End (exclusive) of the expansion starting at `i` (`$…` or a backtick); i + 1 when it is a lone `$`. */
function expansionEnd(raw: string, i: number): number {
  const c = raw[i];
  if (c === '`') {
    let j = i + 1;
    while (j < raw.length && raw[j] !== '`') j += raw[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, raw.length);
  }
  const next = raw[i + 1] ?? '';
  if (next === '{') return matching(raw, i + 1, '{', '}') + 1;
  if (next === '(') return matching(raw, i + 1, '(', ')') + 1;
  if (/[A-Za-z_]/.test(next)) {
    let j = i + 1;
    while (j < raw.length && /[A-Za-z0-9_]/.test(raw[j] as string)) j++;
    return j;
  }
  if (/[0-9@*#?$!-]/.test(next)) return i + 2;
  return i + 1;
}

/** Index of the bracket closing the one at `open` (nesting and quotes respected); the last index if none. */
function matching(raw: string, open: number, l: string, r: string): number {
  let depth = 0;
  for (let j = open; j < raw.length; j++) {
    const c = raw[j];
    if (c === '\\') j++;
    else if (c === "'" && l !== '{') {
      const k = raw.indexOf("'", j + 1);
      if (k < 0) return raw.length - 1;
      j = k;
    } else if (c === l) depth++;
    else if (c === r) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return raw.length - 1;
}

function closingSingleQuote(raw: string, from: number): number {
  for (let j = from; j < raw.length; j++) {
    if (raw[j] === '\\') j++;
    else if (raw[j] === "'") return j;
  }
  return raw.length;
}

/** `--mount=type=cache|tmpfs` whose target contains `fragment` (hadolint `hasCacheOrTmpfsMountWith`). */
export function hasCacheOrTmpfsMountWith(instruction: Instruction, fragment: string): boolean {
  return mountsOf(instruction).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null && m.target.includes(fragment));
}

/** The image name of a FROM as hadolint's parser keeps it: no registry, tag or digest, variables unresolved. */
export function hadolintImageName(raw: string): string {
  let s = raw;
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const colon = s.lastIndexOf(':');
  if (colon >= 0 && !s.slice(colon).includes('/')) s = s.slice(0, colon);
  const slash = s.indexOf('/');
  if (slash > 0) {
    const first = s.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') s = s.slice(slash + 1);
  }
  return s;
}

function fromKey(stage: Stage): string {
  return [stage.platform ?? '', stage.image.raw, stage.nameRaw ?? ''].join('\u0000');
}

/**
 * hadolint's stage selection for DL3009 and DL3060: a RUN counts when its stage has the same FROM as the
 * last stage (identical FROM lines both count), or when the stage's alias is used as an image name by any
 * FROM. RUNs before the first FROM (index -1) count when there is no FROM or the last one is a bare
 * `FROM scratch`. ONBUILD triggers are not covered here: hadolint checks them all.
 */
export function hadolintCheckedStages(df: ParsedDockerfile): Set<number> {
  const out = new Set<number>();
  const last = df.stages[df.stages.length - 1];
  if (!last) {
    out.add(-1);
    return out;
  }
  if (last.image.raw === 'scratch' && last.nameRaw === null && last.platform === null) out.add(-1);
  const names = new Set(df.stages.map((s) => hadolintImageName(s.image.raw)));
  const lastKey = fromKey(last);
  for (const s of df.stages) {
    if (fromKey(s) === lastKey || (s.nameRaw !== null && names.has(s.nameRaw))) out.add(s.index);
  }
  return out;
}
