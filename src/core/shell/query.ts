/**
 * Questions rules ask about a shell command: flags, positional arguments, subcommands.
 */
import type { ShellCommand, ShellWord } from './types.ts';

/**
 * True when the command has any of `flags`. Short flags match inside bundles (`-qy` has `-y`);
 * long flags match with or without `=value`.
 */
export function hasFlag(cmd: ShellCommand, ...flags: string[]): boolean {
  return findFlag(cmd, ...flags) !== undefined;
}

/** The first argument word that carries one of `flags` (see hasFlag). Stops at `--`. */
export function findFlag(cmd: ShellCommand, ...flags: string[]): ShellWord | undefined {
  const shorts = flags.filter((f) => /^-[^-]$/.test(f)).map((f) => f[1] as string);
  const longs = flags.filter((f) => f.startsWith('--') || /^-[^-]{2,}$/.test(f));
  for (const a of cmd.args) {
    const v = a.value;
    if (v === '--') break;
    if (v.startsWith('--') || longs.includes(v.split('=')[0] as string)) {
      if (longs.includes(v.split('=')[0] as string)) return a;
      continue;
    }
    if (v.startsWith('-') && v.length > 1 && shorts.length && [...v.slice(1)].some((ch) => shorts.includes(ch))) return a;
  }
  return undefined;
}

/** Value of `--flag=value`, `--flag value`, `-f value` or `-fvalue`; undefined when absent. */
export function flagValue(cmd: ShellCommand, ...flags: string[]): string | undefined {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as ShellWord).value;
    if (v === '--') break;
    for (const f of flags) {
      if (v === f) return args[i + 1]?.value;
      if (f.startsWith('--') && v.startsWith(`${f}=`)) return v.slice(f.length + 1);
      if (/^-[^-]$/.test(f) && v.startsWith(f) && v.length > 2 && !v.startsWith('--')) return v.slice(2);
    }
  }
  return undefined;
}

/**
 * Arguments that are not flags, skipping the values of the flags listed in `valueFlags`
 * (`-t`, `--target-release`, …). Everything after `--` is positional.
 */
export function positionals(cmd: ShellCommand, valueFlags: readonly string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  const args = cmd.args;
  let rest = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as ShellWord;
    if (rest) {
      out.push(a);
      continue;
    }
    if (a.value === '--') {
      rest = true;
      continue;
    }
    if (a.value.startsWith('-') && a.value.length > 1) {
      if (valueFlags.includes(a.value)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** The first positional argument, e.g. `install` in `apt-get -y install curl`. */
export function subcommand(cmd: ShellCommand, valueFlags: readonly string[] = []): string | undefined {
  return positionals(cmd, valueFlags)[0]?.value;
}

/** Is it `name` (any of `names`) running `sub` (any of `subs`)? */
export function isCommand(cmd: ShellCommand, names: string | readonly string[], subs?: string | readonly string[], valueFlags: readonly string[] = []): boolean {
  const ns = typeof names === 'string' ? [names] : names;
  if (!ns.includes(cmd.name)) return false;
  if (subs === undefined) return true;
  const ss = typeof subs === 'string' ? [subs] : subs;
  const sub = subcommand(cmd, valueFlags);
  return sub !== undefined && ss.includes(sub);
}

/** `python -m pip install` and `pip3 install` both count as pip; returns the args after `pip`. */
export function pipInvocation(cmd: ShellCommand): ShellCommand | null {
  if (/^pip[0-9.]*$/.test(cmd.name)) return cmd;
  if (/^python[0-9.]*$/.test(cmd.name)) {
    const m = cmd.args.findIndex((a) => a.value === '-m');
    if (m >= 0 && /^pip[0-9.]*$/.test(cmd.args[m + 1]?.value ?? '')) {
      return { ...cmd, name: 'pip', args: cmd.args.slice(m + 2) };
    }
  }
  return null;
}
