import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useAbsoluteWorkdir } from './use-absolute-workdir.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [useAbsoluteWorkdir] }).diagnostics;

describe('use-absolute-workdir (hadolint DL3000)', () => {
  test.each([
    ['a relative path', 'WORKDIR relative/dir'],
    ['a relative path in single quotes', "WORKDIR 'relative/dir'"],
    ['a relative path in double quotes', 'WORKDIR "relative/dir"'],
    ['a dot path', 'WORKDIR ./app'],
  ])('reports %s', (_name, line) => {
    expect(lint(`FROM debian:bookworm-slim\n${line}`)).toHaveLength(1);
  });

  test.each([
    ['an absolute path', 'WORKDIR /usr/local'],
    ['a variable', 'WORKDIR ${work}'],
    ['an absolute path in single quotes', "WORKDIR '/usr/local'"],
    ['an absolute path in double quotes', 'WORKDIR "/usr/local"'],
    ['a variable in double quotes', 'WORKDIR "${dir}"'],
    ['a Windows path', "WORKDIR 'C:\\'"],
    ['a quoted Windows path', 'WORKDIR "C:\\"'],
    ['a Windows path with a slash', 'WORKDIR C:/'],
    ['a quoted Windows path with a slash', 'WORKDIR "C:/"'],
  ])('accepts %s', (_name, line) => {
    expect(lint(`FROM debian:bookworm-slim\n${line}`)).toEqual([]);
  });

  test('reports the path itself', () => {
    const [d] = lint('FROM node:22-slim\nWORKDIR app/src');
    expect(d?.span).toEqual({ line: 2, column: 9, endLine: 2, endColumn: 16 });
    expect(d?.message).toContain('WORKDIR /app/src');
  });

  test('checks every WORKDIR, not ONBUILD triggers (as hadolint)', () => {
    expect(lint('FROM node:22-slim\nWORKDIR a\nWORKDIR b\nONBUILD WORKDIR c')).toHaveLength(2);
  });
});
