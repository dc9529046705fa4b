import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useConsistentInstructionCasing } from './use-consistent-instruction-casing.ts';
import { useUppercaseInstructions } from './use-uppercase-instructions.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const consistent = (text: string) => linter.lint(text, { rules: [useConsistentInstructionCasing] }).diagnostics;
const uppercase = (text: string) => linter.lint(text, { rules: [useUppercaseInstructions] }).diagnostics;
const both = (text: string) => linter.lint(text, { rules: [useConsistentInstructionCasing, useUppercaseInstructions] }).diagnostics;

describe('use-consistent-instruction-casing (BuildKit ConsistentInstructionCasing)', () => {
  test('follows the majority and reports the others on their keyword', () => {
    const found = consistent('from alpine\nrun a\nrun b\nCOPY x /x\nCMD ["sh"]');
    expect(found.map((d) => d.span)).toEqual([
      { line: 4, column: 1, endLine: 4, endColumn: 5 },
      { line: 5, column: 1, endLine: 5, endColumn: 4 },
    ]);
    expect(found[0]?.fix?.edits[0]?.text).toBe('copy');
  });

  test('uses uppercase on a tie', () => {
    expect(consistent('FROM alpine\nrun a').map((d) => d.span.line)).toEqual([2]);
  });

  test('mixed-case keywords do not vote but are always reported', () => {
    expect(consistent('from alpine\nRun a').map((d) => d.fix?.edits[0]?.text)).toEqual(['run']);
  });

  test('does not count ARGs before the first FROM or ONBUILD triggers', () => {
    expect(consistent('ARG A=1\nARG B=2\nfrom alpine\nrun a\nonbuild RUN b')).toEqual([]);
  });
});

describe('use-uppercase-instructions', () => {
  test('reports a consistently lowercase file once, fixing every keyword', () => {
    const found = uppercase('from alpine\nrun a \\\n  && b\nonbuild run c');
    expect(found).toHaveLength(1);
    expect(found[0]?.span).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 5 });
    expect(found[0]?.fix?.edits.map((e) => e.text)).toEqual(['FROM', 'RUN', 'ONBUILD', 'RUN']);
  });

  test('reports lowercase keywords BuildKit does not count', () => {
    expect(uppercase('arg A=1\nFROM alpine')).toHaveLength(1);
  });

  test('never reports together with use-consistent-instruction-casing', () => {
    for (const text of ['from a\nRUN b', 'FROM a\nrun b\nrun c', 'from a\nrun b', 'FROM a\nRun b']) {
      const ids = new Set(both(text).map((d) => d.ruleId));
      expect(ids.size, text).toBe(1);
    }
  });

  test('accepts an uppercase file and leaves unknown instructions to dockerfile-syntax', () => {
    expect(uppercase('FROM alpine\nRUN a')).toEqual([]);
    expect(uppercase('FROM alpine\nfroom a')).toEqual([]);
  });
});
