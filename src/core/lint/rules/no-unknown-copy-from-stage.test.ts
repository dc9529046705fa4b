import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noUnknownCopyFromStage as rule } from './no-unknown-copy-from-stage.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('no-unknown-copy-from-stage (hadolint DL3022)', () => {
  test('an unknown name is reported on the flag', () => {
    expect(lint('COPY --from=foo bar .')).toMatchObject([{ span: { line: 1, column: 6, endLine: 1, endColumn: 16 }, severity: 'warning' }]);
  });

  test('a stage defined after the COPY is reported', () => {
    const [d] = lint('FROM scratch\nCOPY --from=build foo .\nFROM node as build\nRUN baz');
    expect(d?.span.line).toBe(2);
    expect(d?.message).toContain('line 3');
  });

  test('an earlier stage name passes', () => {
    expect(lint('FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=build foo .\nRUN baz')).toEqual([]);
  });

  test('anything with a colon counts as an image', () => {
    expect(lint('COPY --from=haskell:latest bar .')).toEqual([]);
    expect(lint('COPY --from="nginx:1.27" bar .')).toEqual([]);
  });

  test('stage numbers must be below the number of FROMs so far', () => {
    expect(lint('COPY --from=0 bar .')).toHaveLength(1);
    expect(lint('FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=0 foo .')).toEqual([]);
    expect(lint('FROM scratch\nRUN foo\nFROM node\nCOPY --from=0 foo .')).toEqual([]);
    expect(lint('FROM scratch\nCOPY --from=0 foo .')).toEqual([]);
    expect(lint('FROM a:1\nCOPY --from=1 foo .\nFROM b:1')).toHaveLength(1);
    expect(lint('FROM a:1\nCOPY --from=1 foo .\nFROM b:1')[0]?.message).toContain('stage number 1');
  });

  test('names are compared as written, like hadolint; the message explains the case mismatch', () => {
    const [d] = lint('FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=Build /app /app');
    expect(d?.message).toContain('`build`');
    expect(d?.message).toContain('case');
  });

  test('a near miss gets a suggestion', () => {
    expect(lint('FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=buidler /app /app')[0]?.message).toContain('--from=builder');
  });

  test('images without a tag or registry images without a colon are reported, as in hadolint', () => {
    expect(lint('FROM alpine:3.20\nCOPY --from=gcr.io/distroless/static /etc/passwd /etc/passwd')).toHaveLength(1);
  });

  test('ONBUILD COPY is not checked, and RUN/ADD have no --from', () => {
    expect(lint('FROM alpine:3.20\nONBUILD COPY --from=later /a /a')).toEqual([]);
  });
});
