import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { preferAptGet as rule } from './prefer-apt-get.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

test('hadolint DL3027 spec: apt, also as ONBUILD', () => {
  expect(lint('FROM ubuntu\nRUN apt install python').map((d) => d.instructionLine)).toEqual([2]);
  expect(lint('FROM ubuntu\nONBUILD RUN apt install python').map((d) => d.instructionLine)).toEqual([2]);
});

test('only a command named exactly `apt` counts', () => {
  expect(lint('FROM ubuntu\nRUN apt-get install -y python3 && apt-cache policy python3')).toEqual([]);
  expect(lint('FROM ubuntu\nRUN sudo apt install python3')).toEqual([]);
  expect(lint('FROM ubuntu\nRUN /usr/bin/apt install python3')).toEqual([]);
  expect(lint('FROM ubuntu\nRUN echo apt install')).toEqual([]);
});

test('one finding per RUN; full-upgrade becomes dist-upgrade', () => {
  const text = 'FROM ubuntu\nRUN apt update && apt full-upgrade -y';
  const found = lint(text);
  expect(found).toHaveLength(1);
  expect(found[0]?.span).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 15 });
  expect(applyFixes(text, found).text).toBe('FROM ubuntu\nRUN apt-get update && apt-get dist-upgrade -y');
});

test('no fix when a subcommand has no apt-get twin', () => {
  const found = lint('FROM ubuntu\nRUN apt update && apt list --installed');
  expect(found).toHaveLength(1);
  expect(found[0]?.fix).toBeUndefined();
});
