import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noCleanupInLaterRun as rule } from './no-cleanup-in-later-run.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const lines = (text: string) => lint(text).map((d) => d.instructionLine);

describe('reported: cleanup of what an earlier RUN left', () => {
  test.each([
    ['apt lists', 'FROM debian\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*'],
    ['apt cache', 'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get clean'],
    ['dist-clean', 'FROM debian:trixie\nRUN apt-get update && apt-get install -y curl\nRUN apt-get dist-clean'],
    ['apt purge', 'FROM debian\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y --auto-remove gcc'],
    ['apk cache', 'FROM alpine\nRUN apk add curl\nRUN rm -rf /var/cache/apk/*'],
    ['apk del', 'FROM alpine\nRUN apk add --no-cache gcc\nRUN apk del gcc'],
    ['apk del of a virtual group', 'FROM alpine\nRUN apk add --no-cache -t .deps gcc\nRUN apk del .deps'],
    ['pip cache', 'FROM python:3.12\nRUN pip install flask\nRUN rm -rf /root/.cache'],
    ['python -m pip cache', 'FROM python:3.12\nRUN python -m pip install flask\nRUN python -m pip cache purge'],
    ['npm cache', 'FROM node:22\nRUN npm ci\nRUN npm cache clean --force'],
    ['yarn cache', 'FROM node:22\nRUN yarn install --frozen-lockfile\nRUN yarn cache clean'],
    ['dnf cache', 'FROM fedora\nRUN dnf install -y curl\nRUN dnf clean all'],
    ['yum remove', 'FROM centos:7\nRUN yum install -y gcc && yum clean all\nRUN yum remove -y gcc'],
    ['download to /tmp', 'FROM debian\nRUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz && tar -xzf /tmp/app.tgz -C /opt\nRUN rm /tmp/app.tgz'],
    ['wget -P /tmp', 'FROM debian\nRUN wget -q -P /tmp/dl https://example.com/a.tgz\nRUN rm -rf /tmp/dl'],
    ['git clone to /tmp', 'FROM debian\nRUN git clone --depth 1 https://example.com/x.git /tmp/x && make -C /tmp/x install\nRUN rm -rf /tmp/x'],
    ['from a base stage', 'FROM debian AS base\nRUN apt-get update\nFROM base\nRUN rm -rf /var/lib/apt/lists/*'],
    ['whole /var/cache', 'FROM alpine\nRUN apk add curl\nRUN rm -rf /var/cache/*'],
  ])('%s', (_name, text) => {
    expect(lint(text)).toHaveLength(1);
  });
});

describe('not reported', () => {
  test.each([
    ['cleanup in the same RUN', 'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'],
    ['nothing created earlier', 'FROM debian\nRUN rm -rf /tmp/x /var/lib/apt/lists/*'],
    ['the earlier RUN cleaned up itself', 'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*'],
    ['the cleanup RUN creates the same thing again', 'FROM debian\nRUN apt-get update\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'],
    ['apk --no-cache left no cache', 'FROM alpine\nRUN apk add --no-cache curl\nRUN rm -rf /var/cache/apk/*'],
    ['pip --no-cache-dir', 'FROM python:3.12\nRUN pip install --no-cache-dir flask\nRUN rm -rf /root/.cache'],
    ['PIP_NO_CACHE_DIR', 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\nRUN pip cache purge'],
    ['a cache mount', 'FROM debian\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\nRUN rm -rf /var/lib/apt/lists/*'],
    ['another file in /tmp', 'FROM debian\nRUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz\nRUN rm -rf /tmp/other'],
    ['a different package', 'FROM alpine\nRUN apk add --no-cache gcc\nRUN apk del curl'],
    ['a stage that does not ship', 'FROM debian AS build\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\nFROM debian\nCOPY --from=build /x /x'],
    ['an unrelated earlier stage', 'FROM debian AS a\nRUN apt-get update\nFROM debian\nRUN rm -rf /var/lib/apt/lists/*'],
    ['a later stage cannot affect an earlier one', 'FROM debian AS base\nRUN rm -rf /var/lib/apt/lists/*\nFROM base\nRUN apt-get update'],
  ])('%s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });
});

test('one finding per RUN, on the first offending cleanup command, naming the sources', () => {
  const found = lint('FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN echo hi && apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/*');
  expect(found).toHaveLength(1);
  expect(found[0]?.instructionLine).toBe(4);
  expect(found[0]?.span).toEqual({ line: 4, column: 16, endLine: 4, endColumn: 29 });
  expect(found[0]?.message).toContain('line 2: `apt-get update`, `apt-get install`; line 3: the `curl` download to /tmp/a.tgz');
  expect(found[0]?.message).toContain('whiteouts');
});

test('single cleanup message suggests the exact move', () => {
  const [d] = lint('FROM debian\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*');
  expect(d?.message).toContain('Move it to the end of the RUN on line 2 (`… && rm -rf /var/lib/apt/lists/*`)');
  expect(lines('FROM debian\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*')).toEqual([3, 4]);
});
