import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noCopyFromOwnStage as rule } from './no-copy-from-own-stage.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('no-copy-from-own-stage (hadolint DL3023)', () => {
  test('copying from the stage you are in is an error on the flag', () => {
    expect(lint('FROM node as foo\nCOPY --from=foo bar .')).toMatchObject([{ span: { line: 2, column: 6, endLine: 2, endColumn: 16 }, severity: 'error' }]);
  });

  test('copying from another stage passes', () => {
    expect(lint('FROM scratch as build\nRUN foo\nFROM node as run\nCOPY --from=build foo .\nRUN baz')).toEqual([]);
  });

  test('only the current stage counts', () => {
    expect(lint('FROM node AS foo\nFROM alpine:3 AS bar\nCOPY --from=foo a b\nCOPY --from=bar a b').map((d) => d.span.line)).toEqual([4]);
  });

  test('unnamed stages, COPY before FROM and other spellings pass (names compared as written)', () => {
    expect(lint('FROM node\nCOPY --from=node a b')).toEqual([]);
    expect(lint('COPY --from=foo a b\nFROM node AS foo')).toEqual([]);
    expect(lint('FROM node AS foo\nCOPY --from=Foo a b')).toEqual([]);
  });
});
