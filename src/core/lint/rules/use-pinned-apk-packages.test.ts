import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { usePinnedApkPackages as rule } from './use-pinned-apk-packages.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const both = (run: string) => [lint(`FROM alpine\n${run}`).length, lint(`FROM alpine\nONBUILD ${run}`).length];

test.each([
  ['RUN apk add flex', 1],
  ['RUN apk add flex=2.6.4-r1', 0],
  ['RUN apk add --no-cache flex=2.6.4-r1 \\\n && pip install -r requirements.txt', 0],
  ['RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi=3.2.1-r3 \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5', 0],
  ['RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5', 1],
  ['RUN apk add \\\n--virtual build-dependencies \\\npython-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \\\n&& pip install -r requirements.txt \\\n&& python setup.py install \\\n&& apk del build-dependencies', 0],
  ['RUN apk add --no-cache \\\n--repository https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0', 0],
  ['RUN apk add --no-cache \\\n--repository=https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0', 0],
  ['RUN apk add --no-cache \\\n-X https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0', 0],
  ['RUN apk add mypackage-1.1.1.apk', 0],
  ['RUN apk add --no-cache git~2.52.0', 0],
  ['RUN apk add --no-cache "musl-dev>=1.1"', 0],
  ['RUN apk add -t .deps gcc', 1],
  ['RUN apk update', 0],
  ['RUN sudo apk add curl', 0],
])('%s → %i (also as ONBUILD)', (run, n) => {
  expect(both(run)).toEqual([n, n]);
});

test('hadolint quirk: the word after --repository=URL is skipped', () => {
  expect(lint('FROM alpine\nRUN apk add --repository=https://x/edge/testing flow')).toEqual([]);
});

test('reported once, on the first unpinned package', () => {
  const found = lint('FROM alpine\nRUN apk add --no-cache curl=8 git && apk add make');
  expect(found).toHaveLength(1);
  expect(found[0]?.span).toEqual({ line: 2, column: 31, endLine: 2, endColumn: 34 });
  expect(found[0]?.message).toContain('`git`, `make`');
});
