import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useWgetProgressOption as rule } from './use-wget-progress-option.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const both = (run: string) => [lint(`FROM node as foo\n${run}`).length, lint(`FROM node as foo\nONBUILD ${run}`).length];

test.each([
  ['RUN wget my.xyz', 1],
  ['RUN wget --progress=dot:giga my.xyz', 0],
  ['RUN wget -q my.xyz', 0],
  ['RUN wget --quiet my.xyz', 0],
  ['RUN wget -nv my.xyz', 0],
  ['RUN wget --no-verbose my.xyz', 0],
  ['RUN wget --output-file=/tmp/wget.log my.xyz', 0],
  ['RUN wget -o /tmp/wget.log my.xyz', 0],
  ['RUN wget --append-output=/tmp/wget.log my.xyz', 0],
  ['RUN wget -a /tmp/wget.log my.xyz', 0],
  ['RUN wget -O /tmp/x my.xyz', 1],
  ['RUN wget -qO- my.xyz | sh', 0],
  ['RUN sudo wget my.xyz', 0],
  ['RUN curl -fsSLO my.xyz', 0],
])('%s → %i (also as ONBUILD)', (run, n) => {
  expect(both(run)).toEqual([n, n]);
});

test('one finding per RUN, on the first wget without the option', () => {
  const found = lint('FROM debian\nRUN wget -q a && wget b && wget c');
  expect(found).toHaveLength(1);
  expect(found[0]?.span).toEqual({ line: 2, column: 18, endLine: 2, endColumn: 24 });
});
