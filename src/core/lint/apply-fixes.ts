/**
 * Applies the text edits of fixes to a document. Overlapping edits are skipped (a later pass can
 * apply them after re-linting); returns the new text and how many fixes were applied.
 */
import type { Diagnostic, TextEdit } from '../diagnostic.ts';
import { TextIndex } from '../text.ts';

export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): { text: string; applied: number } {
  const index = new TextIndex(text);
  const chosen: { start: number; end: number; text: string }[] = [];
  let applied = 0;
  for (const d of diagnostics) {
    if (!d.fix) continue;
    const edits = d.fix.edits.map((e: TextEdit) => ({
      start: index.offset(e.span.line, e.span.column),
      end: index.offset(e.span.endLine, e.span.endColumn),
      text: e.text,
    }));
    const overlaps = edits.some((e) => chosen.some((c) => e.start < c.end && c.start < e.end || (e.start === e.end && c.start === c.end && e.start === c.start)));
    if (overlaps) continue;
    chosen.push(...edits);
    applied++;
  }
  chosen.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of chosen) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied };
}
