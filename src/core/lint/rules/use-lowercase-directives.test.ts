import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useLowercaseDirectives } from './use-lowercase-directives.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [useLowercaseDirectives] }).diagnostics;

describe('use-lowercase-directives', () => {
  test('reports each directive name that is not lowercase, on the name', () => {
    const found = lint('#  Syntax = docker/dockerfile:1\n# CHECK=skip=all\nFROM alpine');
    expect(found.map((d) => d.span)).toEqual([
      { line: 1, column: 4, endLine: 1, endColumn: 10 },
      { line: 2, column: 3, endLine: 2, endColumn: 8 },
    ]);
    expect(found.map((d) => d.fix?.edits[0]?.text)).toEqual(['syntax', 'check']);
  });

  test('ignores comments that only look like directives', () => {
    expect(lint('FROM alpine\n# Syntax=not-a-directive')).toEqual([]);
  });
});
