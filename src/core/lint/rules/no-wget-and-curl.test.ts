import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noWgetAndCurl as rule } from './no-wget-and-curl.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const lines = (text: string) => lint(text).map((d) => d.instructionLine);

test('hadolint DL4001 spec cases', () => {
  expect(lines('FROM node as foo\nRUN wget my.xyz\nRUN curl localhost')).toEqual([3]);
  expect(lines('FROM node as foo\nRUN wget my.xyz && curl localhost')).toEqual([2]);
  expect(lines('FROM node as foo\nRUN wget my.xyz')).toEqual([]);
  expect(lines('FROM node as foo\nRUN wget my.xyz\nFROM scratch\nRUN curl localhost')).toEqual([]);
  expect(lines('FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\nFROM scratch\nRUN curl localhost')).toEqual([3]);
  expect(lines('FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello')).toEqual([3]);
  expect(lines('FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com')).toEqual([3, 5]);
});

test('ONBUILD triggers keep their own state across the whole file', () => {
  expect(lines('FROM debian AS a\nONBUILD RUN wget x\nFROM debian\nONBUILD RUN curl y')).toEqual([4]);
  expect(lines('FROM debian\nRUN wget x\nONBUILD RUN curl y')).toEqual([]);
});

test('commands hadolint does not see do not count', () => {
  expect(lines('FROM debian\nRUN wget x && if command -v curl; then echo; fi')).toEqual([]);
  expect(lines('FROM debian\nRUN wget x && sh -c "curl y"')).toEqual([]);
  expect(lines('FROM debian\nRUN apt-get install -y curl wget')).toEqual([]);
});

test('span and message', () => {
  const [d] = lint('FROM debian\nRUN wget -q x\nRUN echo && curl -fsSLO y');
  expect(d?.span).toEqual({ line: 3, column: 13, endLine: 3, endColumn: 26 });
  expect(d?.message).toContain('already uses `wget` (line 2)');
});
