/**
 * The commands of a RUN as hadolint sees them, for the package-manager rules that claim a hadolint
 * equivalent and must fire exactly when hadolint does.
 *
 * hadolint parses the RUN text with ShellCheck and looks at every simple command by its literal name:
 * `/usr/bin/pip` is not `pip`, `sudo pip …` is the command `sudo`, `env A=1 pip …` is `env`, and the
 * text inside `sh -c '…'` is not parsed. `exec x` and `command x` count as `x`. Commands nested in
 * `if`/`for` bodies, subshells and `$(…)` do count. Flags are split naively: `-abc` is a, b and c,
 * `--x=y` is x, and a flag's value is not told apart from other arguments.
 */
import type { Instruction } from '../../parse/model.ts';
import type { ShellCommand, ShellWord } from '../../shell/types.ts';
import { mountsOf } from '../helpers.ts';

export interface HCommand {
  /** The program name as written (no basename), e.g. `pip3`, `/opt/venv/bin/pip`. */
  name: string;
  /** Argument values, quotes removed, expansions kept as written (`$V`, `${V}`). */
  args: string[];
  words: ShellWord[];
  /** The engine command, for spans. */
  cmd: ShellCommand;
}

const TRANSPARENT_WRAPPERS = new Set(['exec', 'command']);

/** The commands hadolint would find in a RUN (or an ONBUILD RUN trigger), in document order. */
export function hadolintCommands(instruction: Instruction): HCommand[] {
  const out: HCommand[] = [];
  for (const cmd of instruction.shell?.commands ?? []) {
    if (cmd.via !== null && !TRANSPARENT_WRAPPERS.has(cmd.via)) continue;
    if (TRANSPARENT_WRAPPERS.has(cmd.name) && cmd.via === null && cmd.args.length > 0) continue;
    if (!cmd.nameWord || cmd.nameWord.dynamic || cmd.nameWord.value === '') continue;
    out.push({ name: cmd.nameWord.value, args: cmd.args.map((w) => w.value), words: cmd.args, cmd });
  }
  return out;
}

/** hadolint's flag names of one argument: `-qy` → q, y; `--yes=1` → yes; `-` and `--` are not flags. */
export function flagNames(arg: string): string[] {
  if (arg === '--' || arg === '-') return [];
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    return [eq >= 0 ? arg.slice(2, eq) : arg.slice(2)];
  }
  if (arg.startsWith('-')) return [...arg.slice(1)];
  return [];
}

/** The command is one of `names` and has an argument equal to any of `args` (hadolint `cmdHasArgs`). */
export function cmdHasArgs(c: HCommand, names: string | readonly string[], args: readonly string[]): boolean {
  const ns = typeof names === 'string' ? [names] : names;
  return ns.includes(c.name) && c.args.some((a) => args.includes(a));
}

/** The command is `name` and has every one of `args` among its arguments. */
export function cmdHasAllArgs(c: HCommand, name: string, args: readonly string[]): boolean {
  return c.name === name && args.every((a) => c.args.includes(a));
}

/** Any argument counts as one of the flag names (hadolint `hasAnyFlag`). */
export function hasAnyFlag(c: HCommand, names: readonly string[]): boolean {
  return c.args.some((a) => flagNames(a).some((f) => names.includes(f)));
}

/**
 * Arguments that are not flags, after dropping the argument that follows any flag named in `dropAfter`
 * (hadolint `getArgsNoFlags . dropFlagArg`). As in hadolint, the argument after `--index-url=x` is
 * dropped too. Returns indexes into `c.args`.
 */
export function argsNoFlags(c: HCommand, dropAfter: readonly string[] = []): number[] {
  const dropped = new Set<number>();
  c.args.forEach((a, i) => {
    if (flagNames(a).some((f) => dropAfter.includes(f))) dropped.add(i + 1);
  });
  const out: number[] = [];
  c.args.forEach((a, i) => {
    if (flagNames(a).length === 0 && !dropped.has(i)) out.push(i);
  });
  return out;
}

/** Values of `argsNoFlags`. */
export function argValuesNoFlags(c: HCommand, dropAfter: readonly string[] = []): string[] {
  return argsNoFlags(c, dropAfter).map((i) => c.args[i] as string);
}

/** Index of the first command matching `test`, or -1. */
export function indexOfCommand(cmds: readonly HCommand[], test: (c: HCommand) => boolean): number {
  return cmds.findIndex(test);
}

/**
 * "Cleaned up after installing" as the ordered hadolint cleanup rules check it: there is no install, or
 * the first cleanup comes after the first install.
 */
export function cleanedAfterInstall(cmds: readonly HCommand[], isInstall: (c: HCommand) => boolean, isClean: (c: HCommand) => boolean): boolean {
  const install = cmds.findIndex(isInstall);
  if (install < 0) return true;
  const clean = cmds.findIndex(isClean);
  return clean > install;
}

/** A `--mount=type=cache` or `type=tmpfs` whose target contains `fragment` (hadolint `hasCacheOrTmpfsMountWith`). */
export function hasCacheOrTmpfsMountWith(instruction: Instruction, fragment: string): boolean {
  return mountsOf(instruction).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null && m.target.includes(fragment));
}

/** `NAME=value` pairs of an ENV instruction (both forms), quotes removed. */
export function envPairs(instruction: Instruction): { name: string; value: string }[] {
  if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') return [];
  const words = instruction.args.map((w) => w.value);
  const first = words[0];
  if (instruction.keyword === 'ENV' && first !== undefined && !first.includes('=') && words.length >= 2) {
    return [{ name: first, value: unquote(words.slice(1).join(' ')) }];
  }
  const out: { name: string; value: string }[] = [];
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq > 0) out.push({ name: w.slice(0, eq), value: unquote(w.slice(eq + 1)) });
    else if (eq < 0 && instruction.keyword === 'ARG' && w !== '') out.push({ name: w, value: '' });
  }
  return out;
}

function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}
