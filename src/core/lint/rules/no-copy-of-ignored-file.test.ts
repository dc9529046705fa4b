import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import type { BuildContextInfo } from '../define-rule.ts';
import { noCopyOfIgnoredFile } from './no-copy-of-ignored-file.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string, context: BuildContextInfo | null) => linter.lint(text, { rules: [noCopyOfIgnoredFile], context }).diagnostics;
const ctx = (dockerignore: string[]): BuildContextInfo => ({ hasDockerignore: true, dockerignore, topLevel: [] });

describe('no-copy-of-ignored-file (BuildKit CopyIgnoredFile)', () => {
  test('does nothing without a context, without a .dockerignore, or with an empty one', () => {
    const text = 'FROM alpine:3.20\nCOPY secret.key /app/';
    expect(lint(text, null)).toEqual([]);
    expect(lint(text, { hasDockerignore: false, dockerignore: [], topLevel: ['secret.key'] })).toEqual([]);
    expect(lint(text, ctx([]))).toEqual([]);
  });

  test('reports each ignored source on its own word, naming the pattern', () => {
    const found = lint('FROM alpine:3.20\nCOPY app.py secret.key tls.key /app/', ctx(['*.key']));
    expect(found.map((d) => d.span)).toEqual([
      { line: 2, column: 13, endLine: 2, endColumn: 23 },
      { line: 2, column: 24, endLine: 2, endColumn: 31 },
    ]);
    expect(found[0]?.message).toContain('`COPY secret.key`');
    expect(found[0]?.message).toContain('pattern `*.key`');
    expect(found[0]?.message).toContain('`!secret.key`');
    expect(found[0]?.severity).toBe('warning');
  });

  test('matches sources as written, with ! exceptions and parent directories', () => {
    expect(lint('FROM alpine:3.20\nCOPY config/app/prod.yml /etc/app/', ctx(['config', '!config/app/dev.yml']))).toHaveLength(1);
    expect(lint('FROM alpine:3.20\nCOPY config/app/dev.yml /etc/app/', ctx(['config', '!config/app/dev.yml']))).toEqual([]);
    expect(lint('FROM alpine:3.20\nCOPY ./tmp/a.txt /a.txt', ctx(['*/tmp/*']))).toHaveLength(1);
    expect(lint('FROM alpine:3.20\nCOPY tmp/a.txt /a.txt', ctx(['*/tmp/*']))).toEqual([]);
  });

  test('normalizes patterns given as written in the file', () => {
    expect(lint('FROM alpine:3.20\nCOPY secrets/db.txt /run/', ctx(['/secrets/', '  # not a comment']))).toHaveLength(1);
  });

  test('expands ARG and ENV values defined before the COPY; unknown values are skipped', () => {
    expect(lint('FROM alpine:3.20\nARG CFG=prod.yml\nCOPY config/$CFG /etc/app.yml', ctx(['config/prod.yml']))).toHaveLength(1);
    expect(lint('FROM alpine:3.20\nARG CFG\nCOPY config/$CFG /etc/app.yml', ctx(['config/*']))).toEqual([]);
  });

  test('ADD and JSON-form sources are checked; URLs, git sources, heredocs and other stages are not', () => {
    expect(lint('FROM alpine:3.20\nADD vendor.tar.gz /opt/', ctx(['*.tar.gz']))).toHaveLength(1);
    expect(lint('FROM alpine:3.20\nCOPY ["notes.md", "/doc/"]', ctx(['*.md']))).toHaveLength(1);
    expect(lint('FROM alpine:3.20\nADD https://example.com/a.tar.gz /opt/', ctx(['*']))).toEqual([]);
    expect(lint('FROM alpine:3.20\nADD git@github.com:example/repo.git /src', ctx(['*']))).toEqual([]);
    expect(lint('FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF', ctx(['*']))).toEqual([]);
    expect(lint('FROM alpine:3.20 AS build\nRUN touch /a.key\nFROM alpine:3.20\nCOPY --from=build /a.key /a.key', ctx(['*.key']))).toEqual([]);
  });

  test('copying the whole context is not reported, even when a pattern matches "."', () => {
    expect(lint('FROM alpine:3.20\nCOPY . /app', ctx(['.*', '*']))).toEqual([]);
  });

  test('ONBUILD triggers copy from a later build context and are not checked', () => {
    expect(lint('FROM alpine:3.20\nONBUILD COPY secret.key /app/', ctx(['*.key']))).toEqual([]);
  });
});
