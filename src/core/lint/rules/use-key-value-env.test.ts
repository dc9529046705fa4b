import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { useKeyValueEnv } from './use-key-value-env.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(`FROM debian\n${text}`, { rules: [useKeyValueEnv] }).diagnostics;

describe('use-key-value-env (BuildKit LegacyKeyValueFormat)', () => {
  test('reports the legacy pair with its span', () => {
    const [d] = lint('ENV PATH /opt/bin:$PATH');
    expect(d?.span).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 24 });
    expect(applyFixes('FROM debian\nENV PATH /opt/bin:$PATH', [d as NonNullable<typeof d>]).text).toBe('FROM debian\nENV PATH=/opt/bin:$PATH');
  });

  test('does not report when the first pair uses = (a later bare word is a syntax error instead)', () => {
    expect(lint('ENV A=1 B 2')).toEqual([]);
  });

  test.each([
    ['a quoted value', 'ENV A "x y"'],
    ['an escaped value', 'ENV A x\\ y'],
    ['a value on continuation lines', 'ENV A x \\\n  y'],
  ])('reports %s without a fix', (_name, text) => {
    const found = lint(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.fix).toBeUndefined();
  });

  test('keeps the spacing inside the value when quoting it', () => {
    const text = 'FROM debian\nLABEL description  a  b';
    expect(applyFixes(text, linter.lint(text, { rules: [useKeyValueEnv] }).diagnostics).text).toBe('FROM debian\nLABEL description="a  b"');
  });

  test('ignores ARG, ENV without value and ONBUILD ENV', () => {
    expect(lint('ARG A B\nENV\nONBUILD ENV A b')).toEqual([]);
  });
});
