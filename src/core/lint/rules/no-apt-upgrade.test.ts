import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noAptUpgrade as rule } from './no-apt-upgrade.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

test.each([
  ['RUN apt-get upgrade -y', 1],
  ['RUN apt-get -y dist-upgrade', 1],
  ['RUN apt-get -o Dpkg::Options::=--force-confnew full-upgrade -y', 1],
  ['RUN aptitude safe-upgrade -y', 1],
  ['RUN sudo apt-get upgrade -y', 1],
  ['RUN apt-get install -y --only-upgrade openssl', 0],
  ['RUN apt-get install -y upgrade', 0],
  ['RUN apk upgrade --no-cache', 0],
])('%s → %i', (run, n) => {
  expect(lint(`FROM debian:bookworm-slim\n${run}`)).toHaveLength(n);
});

test('one finding per upgrade command, on the command', () => {
  const found = lint('FROM debian\nRUN apt-get update && apt-get upgrade -y && apt-get dist-upgrade -y');
  expect(found.map((d) => d.span)).toEqual([
    { line: 2, column: 23, endLine: 2, endColumn: 41 },
    { line: 2, column: 45, endLine: 2, endColumn: 68 },
  ]);
  expect(found[1]?.message).toContain('`apt-get dist-upgrade`');
});

test('only stages that ship, and not ONBUILD triggers', () => {
  expect(lint('FROM debian AS base\nRUN apt-get upgrade -y\nFROM base\nRUN echo')).toHaveLength(1);
  expect(lint('FROM debian AS build\nRUN apt-get upgrade -y\nFROM debian\nRUN echo')).toHaveLength(0);
  expect(lint('FROM debian\nONBUILD RUN apt-get upgrade -y')).toHaveLength(0);
});
