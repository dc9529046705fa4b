import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noRootUser } from './no-root-user.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noRootUser] }).diagnostics;

describe('no-root-user (hadolint DL3002)', () => {
  test.each(['root', '0', 'root:root', '0:0', 'root:staff'])('reports a last USER %s', (user) => {
    const found = lint(`FROM scratch\nUSER ${user}`);
    expect(found).toHaveLength(1);
    expect(found[0]?.span).toEqual({ line: 2, column: 6, endLine: 2, endColumn: 6 + user.length });
  });

  test.each(['foo', '1000', 'rootless', '10:0', 'app:root'])('accepts USER %s', (user) => {
    expect(lint(`FROM scratch\nUSER ${user}`)).toEqual([]);
  });

  test('accepts switching back to a non-root user', () => {
    expect(lint('FROM scratch\nUSER root\nRUN something\nUSER foo')).toEqual([]);
  });

  test('reports the stage that sets root, not a later stage built on it', () => {
    const found = lint('FROM debian AS base\nUSER root\nRUN something\nFROM base\nRUN something else');
    expect(found.map((d) => d.span.line)).toEqual([2]);
  });

  test('checks each stage separately, builder stages included', () => {
    expect(lint('FROM debian AS base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else').map((d) => d.span.line)).toEqual([2]);
    expect(lint('FROM debian AS a\nUSER root\nFROM debian AS b\nUSER 0\nFROM scratch')).toHaveLength(2);
  });

  test('accepts a stage that switches away from root before the next FROM', () => {
    expect(lint('FROM debian AS base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else')).toEqual([]);
  });

  test('ignores ONBUILD USER and a USER before the first FROM', () => {
    expect(lint('USER root\nFROM debian\nONBUILD USER root')).toEqual([]);
  });
});
