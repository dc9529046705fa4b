import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { noEmptyContinuationLines } from './no-empty-continuation-lines.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noEmptyContinuationLines] }).diagnostics;

describe('no-empty-continuation-lines (BuildKit NoEmptyContinuation)', () => {
  test('reports once per instruction and deletes every blank line', () => {
    const text = 'FROM alpine\nRUN a \\\n\n  && b \\\n   \n\n  && c\nRUN d';
    const found = lint(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.span.line).toBe(3);
    expect(found[0]?.instructionLine).toBe(2);
    expect(found[0]?.message).toContain('3 blank lines');
    expect(applyFixes(text, found).text).toBe('FROM alpine\nRUN a \\\n  && b \\\n  && c\nRUN d');
  });

  test('reports each instruction separately', () => {
    expect(lint('FROM alpine\nRUN a \\\n\n  b\nCOPY x \\\n\n  /x')).toHaveLength(2);
  });

  test('accepts comment lines inside a continuation and blank lines between instructions', () => {
    expect(lint('FROM alpine\nRUN a \\\n# note\n  && b\n\nRUN c')).toEqual([]);
  });

  test('does not count the end of the file after a trailing backslash', () => {
    expect(lint('FROM alpine AS base \\\n')).toEqual([]);
    expect(lint('FROM alpine\nRUN a \\\n')).toEqual([]);
  });

  test('keeps the span inside the file when blank lines run to the end', () => {
    const text = 'FROM alpine\nRUN a \\\n\n   ';
    const found = lint(text);
    expect(found.map((d) => d.span)).toEqual([{ line: 3, column: 1, endLine: 4, endColumn: 4 }]);
    expect(applyFixes(text, found).text).toBe('FROM alpine\nRUN a \\\n');
  });

  test('accepts blank lines inside a heredoc', () => {
    expect(lint('FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF')).toEqual([]);
  });
});
