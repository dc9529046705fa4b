import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noBuildToolsInFinalImage as rule } from './no-build-tools-in-final-image.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

test.each([
  ['debian', 'RUN apt-get install -y --no-install-recommends gcc make curl', 1],
  ['debian', 'RUN apt-get install -y --no-install-recommends gcc && make && apt-get purge -y gcc', 0],
  ['debian', 'RUN apt-get install -y --no-install-recommends gcc make && make && apt-get purge -y gcc', 1],
  ['debian', 'RUN buildDeps="gcc make" && apt-get install -y $buildDeps && make && apt-get purge -y $buildDeps', 0],
  ['debian', 'RUN apt-get install -y --no-install-recommends libpq-dev && apt-get purge -y --auto-remove $(echo libpq-dev)', 0],
  ['debian', "RUN savedAptMark=\"$(apt-mark showmanual)\" && apt-get install -y gcc && make && apt-mark auto '.*' > /dev/null && apt-mark manual $savedAptMark && apt-get purge -y --auto-remove", 0],
  ['debian', 'RUN apt-get install -y --no-install-recommends python3-dev=3.11.2-1+b1', 1],
  ['debian', 'RUN apt-get install -y --no-install-recommends libpq5 ca-certificates', 0],
  ['alpine', 'RUN apk add --no-cache build-base', 1],
  ['alpine', 'RUN apk add --no-cache --virtual .deps build-base', 0],
  ['alpine', 'RUN apk add --no-cache musl-dev gcc && make && apk del musl-dev gcc', 0],
  ['fedora', 'RUN dnf install -y gcc-c++ openssl-devel && dnf clean all', 1],
  ['fedora', 'RUN yum install -y gcc && make && yum remove -y gcc', 0],
  ['opensuse/leap', 'RUN zypper -n in gcc make', 1],
])('%s: %s → %i', (image, run, n) => {
  expect(lint(`FROM ${image}\n${run}`)).toHaveLength(n);
});

test('one finding per install command, listing the tools, on the command', () => {
  const found = lint('FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends gcc g++ make curl && apk add cmake');
  expect(found).toHaveLength(2);
  expect(found[0]?.span).toEqual({ line: 2, column: 23, endLine: 2, endColumn: 83 });
  expect(found[0]?.message).toContain('`gcc`, `g++`, `make` are build tools');
  expect(found[0]?.message).toContain('apt-get purge -y --auto-remove gcc g++ make');
});

test('only stages that ship', () => {
  expect(lint('FROM golang AS build\nRUN apt-get install -y gcc\nFROM debian\nCOPY --from=build /x /x')).toHaveLength(0);
  expect(lint('FROM debian AS base\nRUN apt-get install -y gcc\nFROM base\nRUN echo')).toHaveLength(1);
});
