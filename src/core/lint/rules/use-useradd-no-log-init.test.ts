import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { useUseraddNoLogInit as rule } from './use-useradd-no-log-init.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const both = (run: string) => [lint(`FROM debian\n${run}`).length, lint(`FROM debian\nONBUILD ${run}`).length];

test.each([
  ['RUN useradd luser', 0],
  ['RUN useradd -u 12345 luser', 0],
  ['RUN useradd -l -u 123456 luser', 0],
  ['RUN useradd -l luser', 0],
  ['RUN useradd -u 123456 luser', 1],
  ['RUN useradd -mu 123456 luser', 1],
  ['RUN useradd --no-log-init -u 123456 luser', 0],
  // hadolint only reads the value of -u; --uid alone is not checked.
  ['RUN useradd --uid 123456 luser', 0],
  // Expansions read as `${VAR}` (6 characters), so a UID from a variable counts as long.
  ['RUN useradd -u "$APP_UID" luser', 1],
  ['RUN useradd -u $U luser', 1],
  ['RUN sudo useradd -u 123456 luser', 0],
])('%s → %i (also as ONBUILD)', (run, n) => {
  expect(both(run)).toEqual([n, n]);
});

test('span and fix', () => {
  const text = 'FROM debian\nRUN groupadd -g 200000 app && useradd -u 200000 -g app app';
  const found = lint(text);
  expect(found[0]?.span).toEqual({ line: 2, column: 31, endLine: 2, endColumn: 59 });
  expect(found[0]?.message).toContain('`useradd -u 200000`');
  expect(applyFixes(text, found).text).toBe('FROM debian\nRUN groupadd -g 200000 app && useradd --no-log-init -u 200000 -g app app');
});
