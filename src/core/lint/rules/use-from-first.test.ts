import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useFromFirst as rule } from './use-from-first.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('use-from-first (hadolint DL3061)', () => {
  test('an instruction before FROM is an error on its keyword', () => {
    expect(lint('LABEL foo=bar\nFROM foo')).toMatchObject([{ span: { line: 1, column: 1, endLine: 1, endColumn: 6 }, severity: 'error' }]);
  });

  test('FROM first, ARG first, directives and comments pass', () => {
    expect(lint('FROM foo\nLABEL foo=bar')).toEqual([]);
    expect(lint('ARG A=B\nFROM foo\nLABEL foo=bar')).toEqual([]);
    expect(lint('# syntax = docker/dockerfile:1.0-experimental\nFROM node:16-alpine3.13')).toEqual([]);
    expect(lint('# a comment\n\nARG A\nFROM foo\nARG A=B\nRUN echo bla')).toEqual([]);
  });

  test('every instruction before the first FROM is reported', () => {
    expect(lint('ENV A=1\nARG B\nLABEL x=y\nFROM foo').map((d) => d.span.line)).toEqual([1, 3]);
  });

  test('without any FROM every instruction is reported, with a message saying so', () => {
    const found = lint('COPY a /a\nRUN true');
    expect(found).toHaveLength(2);
    expect(found[0]?.message).toContain('has no FROM');
  });

  test('ONBUILD before FROM is reported once', () => {
    expect(lint('ONBUILD RUN true\nFROM foo')).toHaveLength(1);
  });
});
