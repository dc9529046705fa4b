import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { useNoInstallRecommends as rule } from './use-no-install-recommends.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const both = (run: string) => [lint(`FROM debian\n${run}`).length, lint(`FROM debian\nONBUILD ${run}`).length];

test.each([
  ['RUN apt-get install --no-install-recommends python', 0],
  ['RUN apt-get install python', 1],
  ['RUN apt-get -y install python', 1],
  ['RUN apt-get -o APT::Install-Recommends=false install python', 0],
  ['RUN apt-get -oAPT::Install-Recommends=false install python', 1],
  ['RUN apt-get -o "APT::Install-Recommends=false" install python', 0],
  ['RUN apt install python', 0],
])('%s → %i (also as ONBUILD)', (run, n) => {
  expect(both(run)).toEqual([n, n]);
});

test('the fix inserts the flag after each `install`', () => {
  const text = 'FROM debian\nRUN apt-get update \\\n && apt-get install -y curl \\\n && apt-get -y install git';
  const found = lint(text);
  expect(found).toHaveLength(1);
  expect(applyFixes(text, found).text).toBe('FROM debian\nRUN apt-get update \\\n && apt-get install --no-install-recommends -y curl \\\n && apt-get -y install --no-install-recommends git');
});
