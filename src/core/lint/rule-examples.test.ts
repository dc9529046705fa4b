import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../node/engine.ts';
import { applyFixes } from './apply-fixes.ts';
import { resolveConfig, type ResolvedConfig } from './config.ts';
import { exampleCode, type InvalidExample, type ValidExample } from './define-rule.ts';
import { rules } from './registry.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});

/** The configuration an example asks for, merged over the defaults; undefined for the defaults. */
function configOf(example: InvalidExample | ValidExample): ResolvedConfig | undefined {
  if (typeof example === 'string' || example.config === undefined) return undefined;
  const result = resolveConfig(example.config, rules);
  if (!result.ok) throw new Error(`example config is invalid: ${result.errors.join('; ')}`);
  return result.config;
}

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  test.each(rule.examples.invalid.map((e) => [exampleCode(e), e] as const))('reports exactly once: %s', (code, example) => {
    const config = configOf(example);
    const context = typeof example === 'string' ? undefined : example.context;
    const found = linter.lint(code, { config, context }).diagnostics.filter((d) => d.ruleId === rule.id);
    expect(found, `expected one ${rule.id} finding`).toHaveLength(1);
    if (typeof example !== 'string' && example.fixed !== undefined) {
      expect(found[0]?.fix, 'a fixed example needs a fix').toBeDefined();
      expect(applyFixes(code, found).text).toBe(example.fixed);
      const after = linter.lint(example.fixed, { config, context }).diagnostics.filter((d) => d.ruleId === rule.id);
      expect(after, 'the fix must resolve the finding').toHaveLength(0);
    }
  });
  test.each(rule.examples.valid.map((e) => [exampleCode(e), e] as const))('accepts: %s', (code, example) => {
    const context = typeof example === 'string' ? undefined : example.context;
    const found = linter.lint(code, { config: configOf(example), context }).diagnostics.filter((d) => d.ruleId === rule.id);
    expect(found).toEqual([]);
  });
});
