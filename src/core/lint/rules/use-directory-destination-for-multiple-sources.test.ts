import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { useDirectoryDestinationForMultipleSources as rule } from './use-directory-destination-for-multiple-sources.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('use-directory-destination-for-multiple-sources (hadolint DL3021)', () => {
  test('two operands pass; three need a trailing slash', () => {
    expect(lint('COPY foo bar')).toEqual([]);
    expect(lint('COPY foo bar baz')).toMatchObject([{ span: { line: 1, column: 14, endLine: 1, endColumn: 17 }, severity: 'error' }]);
    expect(lint('COPY foo bar baz/')).toEqual([]);
  });

  test('quotes around the destination are ignored', () => {
    expect(lint('COPY foo bar "baz"')).toHaveLength(1);
    expect(lint('COPY foo bar "baz/"')).toEqual([]);
  });

  test('JSON form, flags and heredocs', () => {
    expect(lint('FROM a\nCOPY ["a", "b", "c"]')).toMatchObject([{ span: { line: 2, column: 6, endLine: 2, endColumn: 21 } }]);
    expect(lint('FROM a\nCOPY --chown=1000 --from=build a b c/')).toEqual([]);
    expect(lint('FROM a\nCOPY --chown=1000 --from=build a b c')).toHaveLength(1);
    expect(lint('FROM a\nCOPY <<one <<two /etc/\n1\none\n2\ntwo')).toEqual([]);
    expect(lint('FROM a\nCOPY <<EOF /etc/motd\nhello\nEOF')).toEqual([]);
  });

  test('ADD is not checked (hadolint checks COPY only)', () => {
    expect(lint('FROM a\nADD a b c')).toEqual([]);
  });

  test('the fix adds the slash inside the quotes, and is not offered for JSON', () => {
    const text = 'FROM a\nCOPY a b "/srv"\nCOPY c d \\\n  /opt';
    expect(applyFixes(text, lint(text)).text).toBe('FROM a\nCOPY a b "/srv/"\nCOPY c d \\\n  /opt/');
    expect(lint('FROM a\nCOPY ["a", "b", "c"]')[0]?.fix).toBeUndefined();
  });
});
