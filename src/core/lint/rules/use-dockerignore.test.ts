import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import type { BuildContextInfo } from '../define-rule.ts';
import { useDockerignore } from './use-dockerignore.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string, context: BuildContextInfo | null) => linter.lint(text, { rules: [useDockerignore], context }).diagnostics;
const ctx = (dockerignore: string[] | null, topLevel: string[]): BuildContextInfo => ({ hasDockerignore: dockerignore !== null, dockerignore: dockerignore ?? [], topLevel });
const APP = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .';

describe('use-dockerignore', () => {
  test('does nothing without a known build context', () => {
    expect(lint(APP, null)).toEqual([]);
  });

  test('without .dockerignore: reports the broad COPY and names the heavy entries', () => {
    const [d] = lint(APP, ctx(null, ['.git', 'node_modules', 'package.json', '__pycache__']));
    expect(d?.span).toEqual({ line: 3, column: 6, endLine: 3, endColumn: 7 });
    expect(d?.severity).toBe('info');
    expect(d?.message).toContain('there is no .dockerignore');
    expect(d?.message).toContain('`.git`, `node_modules`, `**/__pycache__`');
  });

  test('without .dockerignore and nothing heavy: still suggests creating one', () => {
    expect(lint(APP, ctx(null, ['package.json', 'src']))[0]?.message).toContain('Create a .dockerignore');
  });

  test('with .dockerignore: reports only heavy entries it does not exclude', () => {
    const [d] = lint(APP, ctx(['.git', '**/node_modules'], ['.git', 'node_modules', '.env', '.env.example', 'dist', 'src']));
    expect(d?.message).toContain('does not exclude `.env`, `dist`');
    expect(d?.message).not.toContain('.env.example');
    expect(d?.message).toContain('.env files usually hold secrets');
    expect(lint(APP, ctx(['.git', 'node_modules/**', '.env*', 'dist'], ['.git', 'node_modules', '.env', 'dist']))).toEqual([]);
  });

  test('an allowlist-style .dockerignore excludes everything else', () => {
    expect(lint(APP, ctx(['*', '!src', '!package*.json'], ['.git', 'node_modules', 'src', 'package.json']))).toEqual([]);
  });

  test('recognises the forms of a whole-context copy, and reports only the first', () => {
    const context = ctx(null, ['.git']);
    expect(lint('FROM alpine:3.20\nADD . /app', context)).toHaveLength(1);
    expect(lint('FROM alpine:3.20\nCOPY ./ /app/', context)).toHaveLength(1);
    expect(lint('FROM alpine:3.20\nCOPY [".", "/app"]', context)).toHaveLength(1);
    expect(lint('FROM alpine:3.20\nCOPY --chown=1000 * /app/', context)).toHaveLength(1);
    expect(lint('FROM alpine:3.20\nCOPY . /a\nCOPY . /b', context).map((d) => d.span.line)).toEqual([2]);
  });

  test('copies from stages, narrow copies and ONBUILD copies are not about this context', () => {
    const context = ctx(null, ['.git']);
    expect(lint('FROM alpine:3.20 AS build\nRUN mkdir /out\nFROM alpine:3.20\nCOPY --from=build . /app', context)).toEqual([]);
    expect(lint('FROM alpine:3.20\nCOPY src/ /app/src/', context)).toEqual([]);
    expect(lint('FROM alpine:3.20\nONBUILD COPY . /app', context)).toEqual([]);
  });
});

describe('use-dockerignore with heredocs', () => {
  test('a heredoc body line with a dot is not a source', () => {
    expect(lint('FROM alpine:3.20\nCOPY <<EOF /etc/motd\n.\nEOF', ctx(null, ['.git']))).toEqual([]);
  });
});
