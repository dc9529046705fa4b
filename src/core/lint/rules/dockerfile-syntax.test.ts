import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { dockerfileSyntax } from './dockerfile-syntax.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [dockerfileSyntax] }).diagnostics;

describe('dockerfile-syntax', () => {
  test('suggests the closest instruction', () => {
    const [d] = lint('FROM alpine\nWROKDIR /app');
    expect(d?.span).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 8 });
    expect(d?.message).toContain('Did you mean `WORKDIR`?');
    expect(d?.message).toContain('Valid instructions: ADD, ARG');
  });

  test('lists the valid flags of the instruction', () => {
    const [d] = lint('FROM alpine\nCOPY --chwon=app . /app');
    expect(d?.message).toContain('Did you mean `--chown`?');
    expect(d?.message).toContain('`--parents`');
    expect(lint('FROM --plaform=linux/amd64 alpine')[0]?.message).toContain('`--platform`');
  });

  test('adds what to do to other problems', () => {
    expect(lint('FROM alpine\nHEALTHCHECK --timeout=5 CMD true')[0]?.message).toMatch(/unit.*30s/);
    expect(lint('FROM alpine\nSTOPSIGNAL KILL-ME')[0]?.message).toContain('SIGTERM');
  });

  test('reports an instruction without arguments on its keyword', () => {
    const found = lint('FROM alpine\nUSER\nWORKDIR');
    expect(found.map((d) => [d.span.line, d.instructionLine])).toEqual([
      [2, 2],
      [3, 3],
    ]);
  });

  test('does not report problems that have their own rule', () => {
    expect(lint('FROM alpine AS a\nFROM alpine AS a')).toEqual([]);
    expect(lint('FROM alpine\nCOPY a b c')).toEqual([]);
    expect(lint('FROM alpine\nONBUILD ONBUILD RUN x\nONBUILD FROM x\nONBUILD MAINTAINER x')).toEqual([]);
    expect(lint('FROM alpine\nEXPOSE 127.0.0.1:80:80')).toEqual([]);
    expect(lint('RUN echo hi\nFROM alpine')).toEqual([]);
    expect(lint('FROM ${UNDECLARED}')).toEqual([]);
  });

  test('still reports ADD with several sources and a file destination', () => {
    expect(lint('FROM alpine\nADD a b c')).toHaveLength(1);
  });

  test('does not report warnings that other rules turn into findings', () => {
    expect(lint("from alpine\nRUN ['a']\nRUN a \\\n\n  b\nMAINTAINER x\nWORKDIR rel")).toEqual([]);
  });

  test('accepts flags of the current frontend', () => {
    expect(lint('FROM alpine\nADD --unpack=true --link --checksum=sha256:abc https://x/y.tgz /opt/\nCOPY --parents --exclude=*.md . /src/')).toEqual([]);
  });
});
