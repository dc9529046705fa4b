import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noApkVirtualLeftBehind as rule } from './no-apk-virtual-left-behind.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

test.each([
  ['RUN apk add --no-cache --virtual .build-deps gcc && make && apk del .build-deps', 0],
  ['RUN apk add --no-cache --virtual .build-deps gcc && make && apk del --purge .build-deps', 0],
  ['RUN apk add --no-cache --virtual .build-deps gcc && make && apk --no-network del .build-deps', 0],
  ['RUN apk add --no-cache --virtual .build-deps gcc && make', 1],
  ['RUN apk add --no-cache -t .build-deps gcc && make && apk del .other', 1],
  ['RUN apk add --no-cache --virtual=.build-deps gcc && make', 1],
  ['RUN apk add --no-cache gcc && make', 0],
  ['RUN apk add --no-cache --virtual .a gcc && apk add --no-cache --virtual .b curl && apk del .a', 1],
])('%s → %i', (run, n) => {
  expect(lint(`FROM alpine:3.20\n${run}`)).toHaveLength(n);
});

test('span covers the flag and the name', () => {
  const [d] = lint('FROM alpine\nRUN apk add --no-cache --virtual .build-deps gcc');
  expect(d?.span).toEqual({ line: 2, column: 24, endLine: 2, endColumn: 45 });
  expect(d?.message).toContain('apk del .build-deps');
});

test('a later RUN does not count, and the message says so', () => {
  const [d] = lint('FROM alpine AS base\nRUN apk add --no-cache --virtual .deps gcc\nFROM base\nRUN apk del .deps');
  expect(d?.message).toContain('line 4');
  expect(d?.message).toContain('later layer');
});

test('stages that do not ship are not checked', () => {
  expect(lint('FROM alpine AS build\nRUN apk add --no-cache --virtual .deps gcc\nFROM alpine\nCOPY --from=build /x /x')).toHaveLength(0);
});
