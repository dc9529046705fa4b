/** Argument parsing on node:util parseArgs, with messages that say what went wrong and what to do. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses `args` for `command`; unknown or malformed options become a CliError (exit 2). */
export function parseCommandArgs(command: string, args: readonly string[], options: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (error) {
    throw new CliError(explainParseError(command, error, options));
  }
}

function explainParseError(command: string, error: unknown, options: OptionSpec): string {
  const code = (error as { code?: string } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const help = `Run \`layerlab ${command} --help\` to see its options.`;
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = quoted.replace(/=.*$/, '');
    const known = Object.entries(options).flatMap(([long, spec]) => [`--${long}`, ...(spec.short ? [`-${spec.short}`] : [])]);
    const guess = closest(name, known);
    const hint = guess ? ` Did you mean ${guess}?` : '';
    const dash = name.startsWith('-') && !name.startsWith('--') && name.length > 2 ? ' (long options take two dashes)' : '';
    return `layerlab ${command}: unknown option ${name}${dash}.${hint} ${help} To pass a file name that starts with "-", put it after \`--\`.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = quoted.split(', ').pop()?.replace(/ <value>$/, '') ?? quoted;
    if (/does not take an argument/.test(message)) return `layerlab ${command}: option ${option} is a switch and takes no value. Write just ${option}. ${help}`;
    return `layerlab ${command}: option ${option} needs a value, e.g. ${option} VALUE. ${help}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `layerlab ${command}: unexpected argument ${quoted}. ${help}`;
  return `layerlab ${command}: ${message} ${help}`;
}

/** The candidate within edit distance 2 (or a prefix match), if any. */
export function closest(input: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.startsWith(input) && input.length >= 3 ? 0.5 : editDistance(input, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= 2 ? best : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] ?? 0;
      const substitution = previous + (a[i - 1] === b[j - 1] ? 0 : 1);
      row[j] = Math.min(substitution, saved + 1, (row[j - 1] ?? 0) + 1);
      previous = saved;
    }
  }
  return row[b.length] ?? 0;
}

/** Checks an enum-valued option. */
export function oneOf<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[], fallback: T): T;
export function oneOf<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[]): T | undefined;
export function oneOf<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[], fallback?: T): T | undefined {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const guess = closest(value, allowed);
  throw new CliError(
    `layerlab ${command}: ${option} "${value}" is not one of ${allowed.join(', ')}.${guess ? ` Did you mean ${option} ${guess}?` : ''} Run \`layerlab ${command} --help\` for what each one does.`,
  );
}

/** Repeatable options also accept comma-separated lists: `--ignore DL3008,DL3009`. */
export function list(value: string | boolean | string[] | undefined): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export function str(value: string | boolean | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
