import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useExecFormCmd } from './use-exec-form-cmd.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [useExecFormCmd] }).diagnostics;

describe('use-exec-form-cmd (hadolint DL3025)', () => {
  test('reports shell-form ENTRYPOINT and CMD', () => {
    expect(lint('FROM node AS foo\nENTRYPOINT something')).toHaveLength(1);
    expect(lint('FROM node AS foo\nCMD something')).toHaveLength(1);
  });

  test('accepts JSON notation, with or without inner spaces', () => {
    expect(lint('FROM scratch AS build\nENTRYPOINT ["foo", "bar"]')).toEqual([]);
    expect(lint('FROM scratch AS build\nCMD ["foo", "bar"]\nCMD [ "foo", "bar" ]')).toEqual([]);
  });

  test('accepts JSON notation with strings broken over continuation lines', () => {
    expect(lint('FROM alpine\nCMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]')).toEqual([]);
  });

  test('accepts continuation lines with the backtick escape', () => {
    expect(lint('# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD [ "cmd", `\n  "/c", "echo hi" ]')).toEqual([]);
  });

  test('accepts escapes JSON would reject, as hadolint does', () => {
    expect(lint('FROM alpine\nCMD ["printf", "a\\qb"]')).toEqual([]);
  });

  test.each([
    ['a number in the array', 'CMD ["sleep", 10]'],
    ['text after the array', 'CMD ["node"] server.js'],
    ['a trailing comma', 'CMD ["node",]'],
    ['a heredoc', 'CMD <<EOF\nnode server.js\nEOF'],
  ])('reports %s', (_name, line) => {
    expect(lint(`FROM node:22-slim\n${line}`)).toHaveLength(1);
  });

  test('does not check ONBUILD triggers or HEALTHCHECK (neither does hadolint)', () => {
    expect(lint('FROM node:22-slim\nONBUILD CMD npm start\nHEALTHCHECK CMD curl -f http://localhost/')).toEqual([]);
  });

  test('reports the arguments, with an exec-form fix for plain words', () => {
    const [d] = lint('FROM node:22-slim\nCMD node  server.js --port=8080');
    expect(d?.span).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 32 });
    expect(d?.fix?.edits[0]?.text).toBe('["node", "server.js", "--port=8080"]');
  });

  test('offers no fix when the shell matters', () => {
    for (const line of ['CMD node server.js > /tmp/log', 'CMD echo $HOME', 'CMD npm start && npm test', "CMD echo 'hi'"]) {
      expect(lint(`FROM node:22-slim\n${line}`)[0]?.fix, line).toBeUndefined();
    }
  });

  test('offers no fix for ENTRYPOINT when the stage has a CMD (exec form would append it)', () => {
    expect(lint('FROM alpine\nENTRYPOINT /app/run\nCMD ["--help"]')[0]?.fix).toBeUndefined();
    expect(lint('FROM alpine\nENTRYPOINT /app/run')[0]?.fix?.edits[0]?.text).toBe('["/app/run"]');
  });

  test('explains single-quoted JSON and fixes the quotes', () => {
    const [d] = lint("FROM alpine\nENTRYPOINT ['/app/run', '--verbose']");
    expect(d?.message).toContain('single quotes');
    expect(d?.fix?.edits[0]?.text).toBe('["/app/run", "--verbose"]');
  });
});
