/** Minimal ANSI styling; every function is the identity when colour is off. */
export interface Colors {
  enabled: boolean;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  magenta(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function createColors(enabled: boolean): Colors {
  if (!enabled) {
    const id = (s: string) => s;
    return { enabled, red: id, yellow: id, cyan: id, magenta: id, green: id, dim: id, bold: id, underline: id };
  }
  return {
    enabled,
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    magenta: wrap(35, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24),
  };
}

/**
 * Colour is on when the output is a terminal, unless `--no-color` or NO_COLOR (any non-empty value,
 * see no-color.org) say otherwise; FORCE_COLOR (other than 0/false) turns it on for pipes.
 */
export function useColor(options: { noColorFlag: boolean; isTTY: boolean; env: Readonly<Record<string, string | undefined>> }): boolean {
  if (options.noColorFlag) return false;
  if (options.env['NO_COLOR']) return false;
  const force = options.env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return options.isTTY;
}
