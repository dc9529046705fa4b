import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noUndefinedArgInFrom as rule, referencedVars } from './no-undefined-arg-in-from.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('no-undefined-arg-in-from (BuildKit UndefinedArgInFrom)', () => {
  test('an undeclared ARG in the image is reported on the image', () => {
    expect(lint('FROM python:${PY}-slim')).toMatchObject([{ span: { line: 1, column: 6, endLine: 1, endColumn: 23 }, severity: 'warning' }]);
  });

  test('global ARGs, with or without a default, and built-in platform ARGs pass', () => {
    expect(lint('ARG PY=3.12\nFROM python:${PY}-slim')).toEqual([]);
    expect(lint('ARG BASE\nFROM $BASE')).toEqual([]);
    expect(lint('FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=${TARGETPLATFORM} alpine:3.20')).toEqual([]);
    expect(lint('FROM alpine:${TARGETARCH}')).toEqual([]);
  });

  test('an ARG declared inside a stage is not visible to a later FROM', () => {
    expect(lint('FROM alpine:3.20\nARG VARIANT=slim\nFROM python:3.12-${VARIANT}')).toHaveLength(1);
  });

  test('platform values are checked too, and typos of built-ins get a suggestion', () => {
    const [d] = lint('FROM --platform=$BUILDPLATFROM golang:1.22');
    expect(d?.span).toEqual({ line: 1, column: 6, endLine: 1, endColumn: 31 });
    expect(d?.message).toContain('`BUILDPLATFORM`');
    expect(lint('ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSON}')[0]?.message).toContain('`PYTHON_VERSION`');
  });

  test('each name once per FROM; defaults and nested references count', () => {
    expect(lint('FROM ${A}/${A}:${B}')).toHaveLength(2);
    expect(lint('FROM ${BASE:-alpine:3.20}')).toHaveLength(1);
    expect(lint('ARG BASE\nFROM ${BASE:-$FALLBACK}')).toHaveLength(1);
  });

  test('escaped dollars are not references', () => {
    expect(referencedVars('a\\$B$C')).toEqual(['C']);
    expect(lint('FROM alpine:3.20')).toEqual([]);
  });
});
