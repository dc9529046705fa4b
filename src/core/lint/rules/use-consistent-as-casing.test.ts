import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useConsistentAsCasing as rule } from './use-consistent-as-casing.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('use-consistent-as-casing (BuildKit FromAsCasing)', () => {
  test('AS must follow the case of FROM', () => {
    expect(lint('FROM alpine:3 as build')).toMatchObject([{ span: { line: 1, column: 15, endLine: 1, endColumn: 17 }, fix: { edits: [{ text: 'AS' }] } }]);
    expect(lint('FROM alpine:3 As build')).toHaveLength(1);
    expect(lint('from alpine:3 AS build')).toMatchObject([{ fix: { edits: [{ text: 'as' }] } }]);
  });

  test('matching case, no stage name, or a mixed-case FROM pass', () => {
    expect(lint('FROM alpine:3 AS build')).toEqual([]);
    expect(lint('from alpine:3 as build')).toEqual([]);
    expect(lint('FROM alpine:3')).toEqual([]);
    expect(lint('From alpine:3 as build')).toEqual([]);
    expect(lint('FROM --platform=$BUILDPLATFORM alpine:3 as build')).toHaveLength(1);
  });
});
