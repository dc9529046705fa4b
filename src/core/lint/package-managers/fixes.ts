/**
 * Text edits the package-manager rules offer as fixes. Each returns null/undefined when the edit would
 * not be exact or safe (exec form, heredocs, commands joined by something other than `&&`).
 */
import type { Fix, TextEdit } from '../../diagnostic.ts';
import type { Instruction } from '../../parse/model.ts';
import type { ShellWord } from '../../shell/types.ts';
import { hasExactSpan, type HCommand } from '../hadolint/index.ts';

/** Insert `text` right after a word of a shell-form RUN (null when the word's exact place is not known). */
export function insertAfter(instruction: Instruction, word: ShellWord, text: string): TextEdit | null {
  if (instruction.json || !hasExactSpan(word)) return null;
  const s = word.span;
  return { span: { line: s.endLine, column: s.endColumn, endLine: s.endLine, endColumn: s.endColumn }, text };
}

/**
 * Edits inserting `text` after the first argument of each command that is one of `words` (e.g. after
 * `install` for ` -y`); null when a command lacks it or the RUN is in exec form.
 */
export function insertAfterArg(instruction: Instruction, cmds: readonly HCommand[], words: readonly string[], text: string): TextEdit[] | null {
  const edits: TextEdit[] = [];
  for (const c of cmds) {
    const at = c.args.find((a) => words.includes(a.text));
    const edit = at ? insertAfter(instruction, at.word, text) : null;
    if (!edit) return null;
    edits.push(edit);
  }
  return edits;
}

/** Append `text` (e.g. ` && yarn cache clean`) to a RUN whose top-level commands are all chained with `&&`. */
export function appendToRun(run: Instruction, text: string, title: string): Fix | undefined {
  const script = run.shell;
  if (!script || run.json || run.heredocs.length > 0 || script.hasError || script.commands.length === 0) return undefined;
  if (script.commands.some((c) => !c.nested && c.next !== null && c.next !== '&&')) return undefined;
  const end = run.span;
  return { title, edits: [{ span: { line: end.endLine, column: end.endColumn, endLine: end.endLine, endColumn: end.endColumn }, text }] };
}
