import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../node/engine.ts';
import { applyFixes } from './apply-fixes.ts';
import { rules } from './registry.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  test.each(rule.examples.invalid.map((e) => [typeof e === 'string' ? e : e.code, e] as const))('reports exactly once: %s', (code, example) => {
    const found = linter.lint(code).diagnostics.filter((d) => d.ruleId === rule.id);
    expect(found, `expected one ${rule.id} finding`).toHaveLength(1);
    if (typeof example !== 'string') {
      expect(found[0]?.fix, 'a fixed example needs a fix').toBeDefined();
      expect(applyFixes(code, found).text).toBe(example.fixed);
      const after = linter.lint(example.fixed).diagnostics.filter((d) => d.ruleId === rule.id);
      expect(after, 'the fix must resolve the finding').toHaveLength(0);
    }
  });
  test.each(rule.examples.valid.map((e) => [e] as const))('accepts: %s', (code) => {
    const found = linter.lint(code).diagnostics.filter((d) => d.ruleId === rule.id);
    expect(found).toEqual([]);
  });
});
