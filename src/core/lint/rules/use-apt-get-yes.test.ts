import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { useAptGetYes as rule } from './use-apt-get-yes.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const both = (run: string) => [lint(`FROM debian\n${run}`).length, lint(`FROM debian\nONBUILD ${run}`).length];

test.each([
  ['RUN apt-get install python', 1],
  ['RUN apt-get install -q python', 1],
  ['RUN apt-get install --quiet python', 1],
  ['RUN apt-get install -qqq python', 1],
  ['RUN apt-get install -yq python', 0],
  ['RUN apt-get install -y python', 0],
  ['RUN apt-get -y install python', 0],
  ['RUN apt-get --yes install python', 0],
  ['RUN apt-get --assume-yes install python', 0],
  ['RUN apt-get install -qq python', 0],
  ['RUN apt-get install -q -q python', 0],
  ['RUN apt-get install -q=2 python', 0],
  ['RUN apt-get install --quiet --quiet python', 0],
  ['RUN apt-get update', 0],
  ['RUN sudo apt-get install python', 0],
])('%s → %i (also as ONBUILD)', (run, n) => {
  expect(both(run)).toEqual([n, n]);
});

test('one finding per RUN; the fix adds -y to every install of the RUN', () => {
  const text = 'FROM debian\nRUN apt-get install curl && apt-get -y install git && apt-get install --no-install-recommends make';
  const found = lint(text);
  expect(found).toHaveLength(1);
  expect(found[0]?.span).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 25 });
  expect(applyFixes(text, found).text).toBe('FROM debian\nRUN apt-get install -y curl && apt-get -y install git && apt-get install -y --no-install-recommends make');
});

test('no fix for the exec form', () => {
  expect(lint('FROM debian\nRUN ["apt-get", "install", "curl"]')[0]?.fix).toBeUndefined();
});
