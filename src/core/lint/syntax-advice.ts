/**
 * What to do about each problem dockerfile-utils' validator reports, appended to its message by the
 * dockerfile-syntax rule. Keyed by ValidationCode (not a stable API of dockerfile-utils, so only used here).
 */
import { ValidationCode as C } from 'dockerfile-utils';
import type { SyntaxProblem } from './syntax.ts';

export const INSTRUCTIONS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];

/** Flags the current Dockerfile frontend accepts, per instruction whose flags the validator checks. */
export const VALID_FLAGS: Readonly<Record<string, readonly string[]>> = {
  ADD: ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'exclude', 'unpack'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  FROM: ['platform'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

const FLAG_CODES: Readonly<Record<number, string>> = { [C.UNKNOWN_ADD_FLAG]: 'ADD', [C.UNKNOWN_COPY_FLAG]: 'COPY', [C.UNKNOWN_FROM_FLAG]: 'FROM', [C.UNKNOWN_HEALTHCHECK_FLAG]: 'HEALTHCHECK' };

const DURATION = 'Durations need a unit, e.g. `30s`, `1m30s` or `500ms`.';

const ADVICE: Readonly<Record<number, string>> = {
  [C.ARGUMENT_MISSING]: 'Give the instruction its arguments, or delete it.',
  [C.ARGUMENT_EXTRA]: 'Remove the extra argument.',
  [C.ARGUMENT_REQUIRES_ONE]: 'Pass exactly one argument.',
  [C.ARGUMENT_REQUIRES_AT_LEAST_ONE]: 'Add the missing argument, e.g. `HEALTHCHECK CMD curl -f http://localhost/ || exit 1`.',
  [C.ARGUMENT_REQUIRES_TWO]: 'Write `ENV NAME=value`.',
  [C.ARGUMENT_REQUIRES_AT_LEAST_TWO]: 'Name at least one source and a destination, e.g. `COPY requirements.txt /app/`.',
  [C.ARGUMENT_REQUIRES_ONE_OR_THREE]: 'Write `FROM image` or `FROM image AS name`.',
  [C.ARGUMENT_UNNECESSARY]: 'Write just `HEALTHCHECK NONE` to turn off the base image’s health check.',
  [C.INVALID_BUILD_STAGE_NAME]: 'Stage names start with a letter and use only letters, digits, `-`, `_` and `.`, e.g. `AS build-env`.',
  [C.FLAG_AT_LEAST_ONE]: 'Use a value of at least 1, e.g. `--retries=3`.',
  [C.FLAG_DUPLICATE]: 'Give the flag once.',
  [C.FLAG_INVALID_DURATION]: DURATION,
  [C.FLAG_LESS_THAN_1MS]: 'Use at least 1ms; health checks usually run every few seconds, e.g. `--interval=30s`.',
  [C.FLAG_MISSING_DURATION]: DURATION,
  [C.FLAG_MISSING_VALUE]: 'Give the flag a value, e.g. `--from=build`.',
  [C.FLAG_UNKNOWN_UNIT]: 'Valid units are ns, us, ms, s, m and h, e.g. `--timeout=10s`.',
  [C.NO_SOURCE_IMAGE]: 'A Dockerfile must start with FROM (only ARG and parser directives may come before it), e.g. `FROM debian:bookworm-slim`.',
  [C.INVALID_ESCAPE_DIRECTIVE]: 'Use `# escape=\\` (the default) or `# escape=`` ` `` (common on Windows).',
  [C.INVALID_AS]: 'Write `FROM image AS name`.',
  [C.INVALID_PORT]: 'EXPOSE takes a container port or range, optionally with a protocol: `8080`, `8000-8010`, `53/udp`.',
  [C.INVALID_PROTO]: 'The protocol must be `tcp`, `udp` or `sctp`.',
  [C.INVALID_REFERENCE_FORMAT]: 'Image references look like `name:tag` or `name@sha256:<digest>`, lowercase, e.g. `python:3.12-slim`.',
  [C.INVALID_SIGNAL]: 'Use a signal name or number, e.g. `STOPSIGNAL SIGTERM` or `STOPSIGNAL 15`.',
  [C.INVALID_SYNTAX]: 'Use a whole number, e.g. `--retries=3`.',
  [C.SHELL_JSON_FORM]: 'SHELL only accepts the JSON form with double quotes, e.g. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`.',
  [C.SHELL_REQUIRES_ONE]: 'Name the shell, e.g. `SHELL ["/bin/bash", "-c"]`.',
  [C.SYNTAX_MISSING_EQUALS]: 'Once the first pair uses `name=value`, every pair of the instruction must; quote values with spaces: `ENV A=1 B="two words"`.',
  [C.SYNTAX_MISSING_NAMES]: 'Every value needs a name before the `=`, e.g. `ENV NAME=value`.',
  [C.SYNTAX_MISSING_SINGLE_QUOTE]: 'Close the single quote.',
  [C.SYNTAX_MISSING_DOUBLE_QUOTE]: 'Close the double quote.',
  [C.UNKNOWN_TYPE]: 'Write `HEALTHCHECK CMD <command>` or `HEALTHCHECK NONE`.',
  [C.UNSUPPORTED_MODIFIER]: 'Supported forms are `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}` and `${VAR+alt}` (`#`, `%` and `/` need BuildKit 1.7+ syntax).',
  [C.HEALTHCHECK_CMD_ARGUMENT_MISSING]: 'Add the command to run, e.g. `HEALTHCHECK CMD curl -f http://localhost/ || exit 1`.',
  [C.FLAG_INVALID_FROM_VALUE]: 'Use a stage name, a stage index or an image, e.g. `--from=build`.',
  [C.FLAG_EXPECTED_BOOLEAN_VALUE]: 'Write the flag alone (`--link`) or with `=true`/`=false`.',
  [C.BASE_NAME_EMPTY]: 'Give the ARG a default value before FROM (`ARG BASE=debian:bookworm-slim`), or always pass `--build-arg`.',
  [C.DUPLICATED_ESCAPE_DIRECTIVE]: 'Keep a single `# escape=` line at the top.',
};

/** Edit distance counting a swap of two neighbours as one edit (typos such as `WROKDIR`, `--chwon`). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return at(a.length, b.length);
}

/** The candidate closest to a misspelled word, if it is within a third of its length (at least one edit). */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(w.length / 3)) + 1;
  for (const c of candidates) {
    const dist = distance(w, c.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  return best;
}

/** The validator's message with what to do, e.g. a suggestion for a misspelled instruction or flag. */
export function syntaxMessage(p: SyntaxProblem): string {
  const base = p.message.replace(/\.?$/, '.');
  if (p.code === C.UNKNOWN_INSTRUCTION) {
    const word = p.message.replace(/^Unknown instruction: /, '');
    const guess = closest(word, INSTRUCTIONS);
    return `\`${word}\` is not a Dockerfile instruction.${guess ? ` Did you mean \`${guess}\`?` : ''} Valid instructions: ${INSTRUCTIONS.join(', ')}.`;
  }
  const keyword = FLAG_CODES[p.code];
  if (keyword) {
    const flag = p.message.replace(/^Unknown flag: /, '');
    const valid = VALID_FLAGS[keyword] ?? [];
    const guess = closest(flag, valid);
    return `${keyword} has no \`--${flag}\` flag.${guess ? ` Did you mean \`--${guess}\`?` : ''} Its flags are ${valid.map((f) => `\`--${f}\``).join(', ')}.`;
  }
  const advice = ADVICE[p.code];
  return advice ? `${base} ${advice}` : base;
}
