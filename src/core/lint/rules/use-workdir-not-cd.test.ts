import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useWorkdirNotCd } from './use-workdir-not-cd.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [useWorkdirNotCd] }).diagnostics;
const lines = (text: string) => lint(text).map((d) => d.instructionLine);

describe('use-workdir-not-cd (hadolint DL3003)', () => {
  test('reports `cd` with its span and suggests the absolute WORKDIR', () => {
    const [d] = lint('FROM node:22-slim\nWORKDIR /srv\nRUN cd app && npm ci');
    expect(d?.span).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 11 });
    expect(d?.severity).toBe('warning');
    expect(d?.message).toContain('`WORKDIR /srv/app`');
  });

  test('resolves relative WORKDIRs through the stages a stage builds on', () => {
    const [d] = lint('FROM node:22-slim AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\nRUN cd ../lib/ && npm ci');
    expect(d?.message).toContain('`WORKDIR /srv/lib`');
  });

  test('without a known directory the message asks for an absolute WORKDIR', () => {
    expect(lint('FROM node:22-slim\nRUN cd app && npm ci')[0]?.message).toContain('a `WORKDIR` with the absolute path');
    expect(lint('FROM node:22-slim\nRUN cd "$HOME" && ls')[0]?.message).toContain('a `WORKDIR` with the absolute path');
  });

  test('counts cd in subshells, once per RUN', () => {
    expect(lines('FROM golang:1.23\nRUN (cd /src && go build) && (cd /docs && make)')).toEqual([2]);
  });

  test('like hadolint, skips ONBUILD triggers and cd inside sh -c strings or the exec form', () => {
    expect(lines('FROM alpine:3.20\nONBUILD RUN cd /src && make')).toEqual([]);
    expect(lines('FROM alpine:3.20\nRUN sh -c "cd /src && make"')).toEqual([]);
    expect(lines('FROM alpine:3.20\nRUN ["sh", "-c", "cd /src && make"]')).toEqual([]);
  });

  test('under a non-POSIX SHELL the text is still checked, as hadolint parses it as shell', () => {
    expect(lines('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN cd C:\\app; `\n    dir')).toEqual([4]);
  });

  test('WORKDIR alone is fine', () => {
    expect(lines('FROM alpine:3.20\nWORKDIR /opt')).toEqual([]);
  });
});
