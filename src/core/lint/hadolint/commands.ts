/**
 * The commands of a RUN as hadolint sees them, for the rules that claim a hadolint equivalent and must
 * fire exactly when hadolint does.
 *
 * hadolint parses the text of every RUN with ShellCheck (whatever the SHELL) and looks at each simple
 * command by its literal name: `/usr/bin/apt-get` is not `apt-get`, `sudo apt-get …` is the command
 * `sudo`, `env A=1 pip …` is `env`, and the text inside `sh -c '…'` is not parsed. Commands in
 * `if`/`for` bodies, subshells and `$(…)` count. `exec x`, `command x`, `builtin x` and `busybox x`
 * count as `x`, with `x` still among the arguments. Arguments are ShellCheck's simplified text (see
 * simplifyWord) and flags are split naively (see flagNames).
 *
 * The text hadolint parses is the engine's shell script for a plain shell-form RUN; for the exec form it
 * is the array joined with spaces (`["sh", "-c", "a | b"]` is `sh -c a | b`); for a heredoc it is the
 * heredoc (rest of the marker's line plus the body) when the arguments start with the marker, else only
 * the text before the marker (`RUN python3 <<EOF …` is `python3`). Where the engine parsed other text
 * (heredocs it reads differently, RUN under a non-POSIX SHELL), the text is split by splitShellText and
 * the commands carry the span of the instruction's arguments. Pure; no hadolint code is used.
 */
import type { Instruction, ParsedDockerfile } from '../../parse/model.ts';
import type { ShellCommand, ShellScript, ShellWord } from '../../shell/types.ts';
import { flagNames, simplifyWord, splitShellText } from './words.ts';

/** One argument of a command as hadolint sees it. */
export interface HArg {
  /** ShellCheck's simplified text (quotes removed, expansions `${VAR}`): what hadolint compares. */
  text: string;
  /** Quotes removed, expansions as written (`$V`): for messages and for variable names. */
  value: string;
  word: ShellWord;
  /** Flag names this argument counts as (`-qy` → q, y; `--yes=1` → yes); empty for a non-flag. */
  flags: string[];
}

/** A simple command as hadolint sees it. */
export interface HCommand {
  /** The program name as written (no basename), e.g. `pip3`, `/opt/venv/bin/pip`. */
  name: string;
  /** The word the name comes from (the argument `x` of `exec x`). */
  nameWord: ShellWord;
  args: HArg[];
  /** The engine command, for spans (a stand-in spanning the arguments where the engine parsed other text). */
  cmd: ShellCommand;
}

interface View {
  commands: HCommand[];
  hasPipe: boolean;
}

const views = new WeakMap<Instruction, View>();
/** Words split out of text the engine did not parse: their span is the whole argument list. */
const approximate = new WeakSet<ShellWord>();

/** The word's span is its own (false for words of text the engine did not parse; fixes must not use them). */
export function hasExactSpan(word: ShellWord): boolean {
  return !approximate.has(word);
}

/** The commands hadolint finds in a RUN (or an ONBUILD RUN trigger), in document order. */
export function hadolintCommands(df: ParsedDockerfile, instruction: Instruction): HCommand[] {
  return viewOf(df, instruction).commands;
}

/**
 * hadolint's `hasPipes`: a `|` or `|&` in the text it parses. A pipe inside a `sh -c '…'` string does
 * not count, but one in the exec form does (`["sh", "-c", "a | b"]` is read as `sh -c a | b`).
 */
export function hadolintHasPipe(df: ParsedDockerfile, instruction: Instruction): boolean {
  return viewOf(df, instruction).hasPipe;
}

function viewOf(df: ParsedDockerfile, instruction: Instruction): View {
  let view = views.get(instruction);
  if (!view) {
    view = computeView(df, instruction);
    views.set(instruction, view);
  }
  return view;
}

function computeView(df: ParsedDockerfile, instruction: Instruction): View {
  if (instruction.json) return fromText(instruction, instruction.json.join(' '));
  const script = instruction.shell;
  const engine = script ? fromEngine(script) : null;
  if (engine && instruction.heredocs.length === 0) return engine;
  const text = fromText(instruction, hadolintText(df, instruction));
  // Keep the engine's exact spans when it found the same commands in the heredoc as hadolint does.
  return engine && script && sameCommands(engine.commands.filter((c) => !inSubstitution(c.cmd, script.commands)), text.commands) ? engine : text;
}

function fromEngine(script: ShellScript): View {
  const commands: HCommand[] = [];
  for (const cmd of script.commands) {
    if (cmd.via !== null || !cmd.nameWord) continue;
    const c = command(cmd.nameWord.value, cmd.nameWord, cmd.args.map((w) => arg(w, simplifyWord(w.raw))), cmd);
    if (c) commands.push(c);
  }
  const hasPipe = script.commands.some((c) => c.inPipeline && c.via === null && !fromShellString(c, script.commands));
  return { commands, hasPipe };
}

function fromText(instruction: Instruction, text: string): View {
  const span = instruction.argsSpan ?? instruction.span;
  const base = instruction.shell?.commands[0];
  const { commands: split, hasPipe } = splitShellText(text);
  const commands: HCommand[] = [];
  for (const words of split) {
    const start = words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
    if (start < 0) continue;
    const [name, ...rest] = words.slice(start).map((raw): ShellWord => {
      const word = { value: simplifyWord(raw, true), raw, span, dynamic: /[$`]/.test(raw) };
      approximate.add(word);
      return word;
    }) as [ShellWord, ...ShellWord[]];
    const cmd: ShellCommand = base && base.nameWord?.value === name.raw ? base : { name: name.value, nameWord: name, args: rest, assignments: [], span, next: null, nested: false, inPipeline: false, via: null };
    const c = command(simplifyWord(name.raw), name, rest.map((w) => arg(w, simplifyWord(w.raw))), cmd);
    if (c) commands.push(c);
  }
  return { commands, hasPipe };
}

function arg(word: ShellWord, text: string): HArg {
  return { text, value: word.value, word, flags: flagNames(text) };
}

/** Wrappers whose first argument ShellCheck reports as the command name (`run` is for bats). */
const NAME_FROM_FIRST_ARG = new Set(['exec', 'command', 'builtin', 'busybox', 'run']);

/** The command as ShellCheck names it, or null when it has no literal name. */
function command(name: string, nameWord: ShellWord, args: HArg[], cmd: ShellCommand): HCommand | null {
  if (nameWord.dynamic || name === '') return null;
  if (!NAME_FROM_FIRST_ARG.has(name)) return { name, nameWord, args, cmd };
  let i = 0;
  // exec [-cl] [-a name] [--] command
  while (name === 'exec' && i < args.length) {
    const t = (args[i] as HArg).text;
    if (t === '--') i++;
    if (t === '--' || !/^-[cla]+$/.test(t)) break;
    i += t.endsWith('a') ? 2 : 1;
  }
  const first = args[i];
  if (!first || first.text.startsWith('-')) return { name, nameWord, args, cmd };
  return first.word.dynamic ? null : { name: first.text, nameWord: first.word, args, cmd };
}

function sameCommands(a: readonly HCommand[], b: readonly HCommand[]): boolean {
  return a.length === b.length && a.every((c, i) => {
    const d = b[i] as HCommand;
    return c.name === d.name && c.args.length === d.args.length && c.args.every((x, j) => x.text === (d.args[j] as HArg).text);
  });
}

const inside = (a: ShellCommand['span'], b: ShellCommand['span']) =>
  (a.line > b.line || (a.line === b.line && a.column >= b.column)) && (a.endLine < b.endLine || (a.endLine === b.endLine && a.endColumn <= b.endColumn));

/** Commands of a `$(…)` in an argument of another command (splitShellText keeps those inside the word). */
function inSubstitution(c: ShellCommand, all: readonly ShellCommand[]): boolean {
  return all.some((p) => p !== c && p.args.some((w) => inside(c.span, w.span)));
}

/** Commands parsed out of a `sh -c '…'` string carry the span of that string argument. */
function fromShellString(c: ShellCommand, all: readonly ShellCommand[]): boolean {
  const same = (a: ShellCommand['span'], b: ShellCommand['span']) => a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
  return all.some((p) => p !== c && p.args.some((w) => same(w.span, c.span)));
}

/**
 * The shell text hadolint checks for a shell-form RUN (language-docker's reading): with a heredoc,
 * either the heredoc (the rest of the marker's line, unless it is a `|`/`>` redirection, plus the body)
 * when the arguments start with the marker, or else only the text before the marker.
 */
function hadolintText(df: ParsedDockerfile, instruction: Instruction): string {
  const text = joinedText(df, instruction);
  const first = instruction.heredocs[0];
  if (!first) return text;
  const marker = /<<-?\s*(["']?)[A-Za-z0-9_.-]+\1/.exec(text);
  if (!marker) return text;
  const before = text.slice(0, marker.index);
  if (before.trim() !== '') return before.trim();
  const rest = text.slice(marker.index + marker[0].length).split(/\r?\n/)[0] ?? '';
  return `${/^\s*[|>]/.test(rest) ? '' : rest}\n${first.content}`.trim();
}

/** The arguments with line continuations (in the file's escape character) and the comment lines after them joined. */
function joinedText(df: ParsedDockerfile, instruction: Instruction): string {
  const esc = df.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return instruction.argsText.replace(new RegExp(`${esc}[ \\t]*\\r?\\n(?:[ \\t]*(?:#[^\\n]*)?\\r?\\n)*`, 'g'), ' ');
}

/**
 * The command with only the arguments after its name word. For `exec x …`, `command x …` or `busybox x …`
 * hadolint names the command by the argument `x` and its checks still see `x` (and the wrapper's options)
 * among the arguments; messages should quote the command's own arguments instead. A plain command is
 * returned as it is.
 */
export function ownArgsView(c: HCommand): HCommand {
  const i = c.args.findIndex((a) => a.word === c.nameWord);
  return i < 0 ? c : { ...c, args: c.args.slice(i + 1) };
}

/** The wrapper word (`exec`, `command`, `busybox`) of a command that hadolint names by an argument; else null. */
export function wrapperOf(c: HCommand): string | null {
  return c.args.some((a) => a.word === c.nameWord) ? (c.cmd.nameWord?.value ?? c.cmd.name) : null;
}

/**
 * The message for a pinning finding that only exists because hadolint counts the words up to the command
 * name of `exec apt-get …` (`apt-get` itself, and `exec`'s options) as packages: what it reads, and how to
 * avoid it. `noun` is what the rule pins (package, gem, module), `pin` what it lacks (a version, a stream).
 */
export function wrappedNameMessage(code: string, wrapper: string, tool: string, words: readonly string[], noun: string, pin = 'a version'): string {
  const list = words.map((w) => `\`${w}\``);
  const quoted = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : (list[0] ?? `\`${tool}\``);
  return `hadolint (${code}) reads \`${wrapper} ${tool} …\` as \`${tool}\` but keeps ${quoted} among its arguments, so it counts ${list.length > 1 ? 'them' : 'it'} as ${list.length > 1 ? `${noun}s` : `a ${noun}`} without ${pin}; the ${noun}s after \`${tool}\` are pinned. Call \`${tool}\` without \`${wrapper}\` to avoid this finding.`;
}

// ---- queries (hadolint's Shell.hs helpers) ----

/** The command is one of `names` and has an argument equal to one of `texts` (hadolint `cmdHasArgs`). */
export function cmdHasArgs(c: HCommand, names: string | readonly string[], texts: readonly string[]): boolean {
  return (typeof names === 'string' ? c.name === names : names.includes(c.name)) && c.args.some((a) => texts.includes(a.text));
}

/** The command is `name` and has every one of `texts` among its arguments. */
export function cmdHasAllArgs(c: HCommand, name: string, texts: readonly string[]): boolean {
  return c.name === name && texts.every((t) => c.args.some((a) => a.text === t));
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
  return c.args.filter((_, i) => i > 0 && (c.args[i - 1] as HArg).flags.includes(name));
}

/**
 * Arguments that are not flags, after dropping the argument that follows any flag in `dropAfter`
 * (hadolint `getArgsNoFlags . dropFlagArg`). As in hadolint, the argument after `--target-release=x`
 * is dropped too, because the flag's value is not known to be attached.
 */
export function argsNoFlags(c: HCommand, dropAfter: readonly string[] = []): HArg[] {
  return c.args.filter((a, i) => a.flags.length === 0 && !(i > 0 && (c.args[i - 1] as HArg).flags.some((f) => dropAfter.includes(f))));
}

/**
 * "Cleaned up after installing" as the ordered hadolint cleanup rules check it: there is no install, or
 * the first cleanup comes after the first install.
 */
export function cleanedAfterInstall(cmds: readonly HCommand[], isInstall: (c: HCommand) => boolean, isClean: (c: HCommand) => boolean): boolean {
  const install = cmds.findIndex(isInstall);
  return install < 0 || cmds.findIndex(isClean) > install;
}
