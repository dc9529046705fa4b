import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noDuplicateStageName as rule } from './no-duplicate-stage-name.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('no-duplicate-stage-name (hadolint DL3024)', () => {
  test('the repeated name is reported, pointing at the first use', () => {
    const found = lint('FROM node as foo\nRUN something\nFROM scratch as foo\nRUN something');
    expect(found).toMatchObject([{ span: { line: 3, column: 17, endLine: 3, endColumn: 20 }, severity: 'error' }]);
    expect(found[0]?.message).toContain('line 1');
  });

  test('unique names pass', () => {
    expect(lint('FROM scratch as build\nRUN foo\nFROM node as run\nRUN baz')).toEqual([]);
  });

  test('every repeat is reported', () => {
    expect(lint('FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x').map((d) => d.span.line)).toEqual([2, 3]);
  });

  test('names are compared as written, like hadolint', () => {
    expect(lint('FROM a:1 AS build\nFROM b:1 AS Build')).toEqual([]);
  });
});
