import { ValidationCode } from 'dockerfile-utils';
import type { Span } from '../../diagnostic.ts';
import type { Instruction } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { instructionAtLine } from '../helpers.ts';

export const noEmptyContinuationLines = defineRule({
  id: 'no-empty-continuation-lines',
  title: 'No blank lines inside a continued instruction',
  category: 'syntax',
  severity: 'warning',
  equivalents: ['buildkit:NoEmptyContinuation'],
  lesson: null,
  why:
    'A blank line after a trailing `\\` does not end the instruction: the builder skips it and keeps reading, so the next line still belongs to the same RUN. This is deprecated, BuildKit warns about it and plans to make it an error, and it often hides a missing `&& \\` or an instruction that was meant to end earlier.',
  messages: {
    blank: (keyword: string, lines: number) =>
      `${lines === 1 ? 'A blank line sits' : `${lines} blank lines sit`} inside this ${keyword}, after a line ending in \`\\\`. The builder skips ${lines === 1 ? 'it' : 'them'} and continues the instruction. Delete the blank ${lines === 1 ? 'line' : 'lines'} (or end the instruction before it).`,
  },
  examples: {
    invalid: [
      {
        code: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n\n && apt-get install -y --no-install-recommends curl',
        fixed: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl',
      },
    ],
    valid: ['FROM debian:bookworm-slim\nRUN apt-get update \\\n # install curl\n && apt-get install -y --no-install-recommends curl', 'FROM alpine:3.20\nRUN apk add --no-cache curl\n\nCMD ["sh"]'],
  },
  check({ dockerfile, syntax, report }, messages) {
    // Lines of the file; a final line break does not start another (blank) line for the builder.
    const lines = dockerfile.text.endsWith('\n') ? dockerfile.lineCount - 1 : dockerfile.lineCount;
    const byInstruction = new Map<Instruction, Span[]>();
    for (const p of syntax) {
      if (p.code !== ValidationCode.EMPTY_CONTINUATION_LINE) continue;
      const last = Math.min(p.span.endLine - 1, lines);
      if (last < p.span.line) continue;
      const span = { line: p.span.line, column: 1, endLine: last + 1, endColumn: 1 };
      if (last + 1 > dockerfile.lineCount) Object.assign(span, { endLine: last, endColumn: dockerfile.lineText(last).length + 1 });
      // The instruction that starts last at or before the blank line (it may end before it, at end of file).
      const found = instructionAtLine(dockerfile, p.span.line);
      const i = found?.onbuildParent ?? found;
      if (i) byInstruction.set(i, [...(byInstruction.get(i) ?? []), span]);
    }
    for (const [i, spans] of byInstruction) {
      const count = spans.reduce((n, s) => n + (s.endColumn === 1 ? s.endLine - s.line : s.endLine - s.line + 1), 0);
      report({
        instruction: i,
        span: spans[0] as Span,
        message: messages.blank(i.keyword, count),
        fix: { title: 'Delete the blank lines', edits: spans.map((span) => ({ span, text: '' })) },
      });
    }
  },
});
