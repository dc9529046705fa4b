import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noInvalidOnbuildTrigger } from './no-invalid-onbuild-trigger.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noInvalidOnbuildTrigger] }).diagnostics;

describe('no-invalid-onbuild-trigger (hadolint DL3043)', () => {
  test.each([
    ['ONBUILD ONBUILD RUN anything', 'ONBUILD'],
    ['ONBUILD FROM debian:buster', 'FROM'],
    ['ONBUILD MAINTAINER "BoJack Horseman"', 'MAINTAINER'],
    ['onbuild from debian:buster', 'from'],
  ])('reports %s on the trigger keyword', (line, keyword) => {
    const found = lint(`FROM debian\n${line}`);
    expect(found).toHaveLength(1);
    expect(found[0]?.span).toEqual({ line: 2, column: 9, endLine: 2, endColumn: 9 + keyword.length });
  });

  test.each([
    'ONBUILD ADD anything anywhere',
    'ONBUILD USER anything',
    'ONBUILD LABEL bla="blubb"',
    'ONBUILD STOPSIGNAL anything',
    'ONBUILD COPY anything anywhere',
    'ONBUILD RUN anything',
    'ONBUILD CMD anything',
    'ONBUILD SHELL ["bash", "-c"]',
    'ONBUILD WORKDIR anything',
    'ONBUILD EXPOSE 69',
    'ONBUILD VOLUME anything',
    'ONBUILD ENTRYPOINT anything',
    'ONBUILD ENV MYVAR="bla"',
    'ONBUILD ARG anything',
    'ONBUILD HEALTHCHECK NONE',
    'FROM debian:buster',
    'MAINTAINER "Some Guy"',
  ])('accepts %s', (line) => {
    expect(lint(`FROM debian\n${line}`)).toEqual([]);
  });
});
