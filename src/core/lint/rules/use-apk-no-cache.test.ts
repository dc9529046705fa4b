import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { useApkNoCache as rule } from './use-apk-no-cache.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const both = (run: string) => [lint(`FROM alpine\n${run}`).length, lint(`FROM alpine\nONBUILD ${run}`).length];

test.each([
  ['RUN apk add flex=2.6.4-r1', 1],
  ['RUN apk add --no-cache flex=2.6.4-r1', 0],
  ['RUN apk --no-cache add flex=2.6.4-r1', 0],
  ['RUN apk update && apk add flex && rm -rf /var/cache/apk/*', 1],
  ['RUN --mount=type=cache,target=/var/cache/apk apk add flex', 0],
  ['RUN --mount=type=cache,target=/var/cache/apk/ apk add flex', 0],
  ['RUN --mount=type=tmpfs,target=/var/cache/apk apk add flex', 0],
  ['RUN --mount=type=cache,target=/root/.cache apk add flex', 1],
  ['RUN apk del flex', 0],
  ['RUN sudo apk add flex', 0],
])('%s → %i (also as ONBUILD)', (run, n) => {
  expect(both(run)).toEqual([n, n]);
});

test('the fix adds --no-cache after each `add`', () => {
  const text = 'FROM alpine\nRUN apk update && apk add curl && apk add --virtual .deps gcc';
  const found = lint(text);
  expect(found).toHaveLength(1);
  expect(found[0]?.span).toEqual({ line: 2, column: 19, endLine: 2, endColumn: 31 });
  expect(applyFixes(text, found).text).toBe('FROM alpine\nRUN apk update && apk add --no-cache curl && apk add --no-cache --virtual .deps gcc');
});
