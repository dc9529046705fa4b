import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noReservedStageName as rule } from './no-reserved-stage-name.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('no-reserved-stage-name (hadolint DL3063)', () => {
  test('scratch and context are reported on the name', () => {
    expect(lint('FROM alpine:3 AS scratch')).toMatchObject([{ span: { line: 1, column: 18, endLine: 1, endColumn: 25 }, severity: 'warning' }]);
    expect(lint('FROM alpine:3 as context')).toHaveLength(1);
  });

  test('the scratch image and other names pass', () => {
    expect(lint('FROM scratch')).toEqual([]);
    expect(lint('FROM scratch AS base')).toEqual([]);
    expect(lint('FROM alpine:3 AS scratchpad')).toEqual([]);
  });

  test('only the exact spellings count, as in hadolint', () => {
    expect(lint('FROM alpine:3 AS Scratch')).toEqual([]);
  });
});
