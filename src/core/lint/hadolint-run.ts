/**
 * What hadolint sees in a RUN, beyond hadolint-compat.ts: pipes, and the commands of RUNs the engine
 * does not parse (under a non-POSIX SHELL the engine leaves `Instruction.shell` null, while hadolint
 * still parses the text as shell). Also a rough shell tokenizer for such text and for SHELL arguments.
 */
import type { Instruction, ParsedDockerfile } from '../parse/model.ts';
import type { ShellCommand } from '../shell/types.ts';
import { type HCommand, hadolintCommands } from './hadolint-compat.ts';

/** Unquoted shell operators `tokenizeShell` returns as tokens of their own. */
export const SHELL_OPERATORS: ReadonlySet<string> = new Set(['&&', '||', '|', '|&', ';', '&', '\n', '(', ')']);

/**
 * hadolint's `hasPipes`: a `|` or `|&` in the RUN's own shell text. A pipe inside a `sh -c '…'` string
 * does not count (ShellCheck does not parse the string), but one in the exec form does, because hadolint
 * joins `["sh", "-c", "a | b"]` into the text `sh -c a | b`.
 */
export function hadolintHasPipe(df: ParsedDockerfile, instruction: Instruction): boolean {
  const isPipe = (t: string) => t === '|' || t === '|&';
  if (instruction.json) return tokenizeShell(instruction.json.join(' ')).some(isPipe);
  const script = instruction.shell;
  if (!script || instruction.heredocs.length > 0) return tokenizeShell(hadolintText(df, instruction)).some(isPipe);
  return script.commands.some((c) => c.inPipeline && c.via === null && !fromShellString(c, script.commands));
}

/**
 * hadolintCommands, also where hadolint reads other text than the engine: a RUN the engine did not parse
 * (non-POSIX SHELL), and heredocs (see hadolintText). Such text is split at shell operators and newlines.
 */
export function hadolintRunCommands(df: ParsedDockerfile, instruction: Instruction): HCommand[] {
  if (instruction.json || (instruction.shell && instruction.heredocs.length === 0)) return hadolintCommands(instruction);
  const lines = hadolintText(df, instruction)
    .split(/\r?\n/)
    .filter((l) => !/^\s*#/.test(l));
  return hadolintCommands({ ...instruction, json: [lines.join(' ; ')] });
}

/**
 * The shell text hadolint checks for a shell-form RUN. With a heredoc, language-docker keeps either the
 * heredoc (the rest of the marker's line plus the body) when the arguments start with the marker, or
 * else only the text before the marker: `RUN python3 <<EOF …` is just `python3`.
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

/** The instruction's text with line continuations (in the file's escape character) joined. */
function joinedText(df: ParsedDockerfile, instruction: Instruction): string {
  const esc = df.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return instruction.argsText.replace(new RegExp(`${esc}[ \\t]*\\r?\\n`, 'g'), ' ');
}

/** Commands parsed out of a `sh -c '…'` string carry the span of that string argument. */
function fromShellString(c: ShellCommand, all: readonly ShellCommand[]): boolean {
  const same = (a: ShellCommand['span'], b: ShellCommand['span']) => a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
  return all.some((p) => p !== c && p.args.some((w) => same(w.span, c.span)));
}

/**
 * Words (quotes removed) and unquoted operators (see SHELL_OPERATORS) of a shell text; comments and
 * redirection operators are dropped. Good enough to find commands and pipes, not a shell parser.
 */
export function tokenizeShell(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  const end = () => {
    if (inWord) out.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      if (text[i + 1] !== '\n') {
        word += text[i + 1];
        inWord = true;
      }
      i++;
    } else if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      const stop = close < 0 ? text.length : close;
      word += text.slice(i + 1, stop);
      inWord = true;
      i = stop;
    } else if (ch === '#' && !inWord) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl - 1;
    } else if (/\s/.test(ch)) {
      end();
      if (ch === '\n') out.push('\n');
    } else if (ch === '<' || ch === '>' || text.startsWith('&>', i)) {
      // A redirection: drop the operator (`>`, `2>&1`, `&>>`); its target stays a word.
      end();
      while (i + 1 < text.length && '<>&|'.includes(text[i + 1] as string)) i++;
    } else if ('|&;()'.includes(ch)) {
      end();
      const two = text.slice(i, i + 2);
      if (two === '&&' || two === '||' || two === '|&' || two === ';;') {
        out.push(two === ';;' ? ';' : two);
        i++;
      } else out.push(ch);
    } else {
      word += ch;
      inWord = true;
    }
  }
  end();
  return out;
}
