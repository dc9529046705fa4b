import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { camel, registrySource, ruleFileIds } from '../../../scripts/gen-registry.ts';
import { LESSONS } from '../lessons.ts';
import { rules } from './registry.ts';

test('registry.ts is generated from the rule files (run `node scripts/gen-registry.ts`)', () => {
  const current = readFileSync(fileURLToPath(new URL('./registry.ts', import.meta.url)), 'utf8');
  expect(current).toBe(registrySource(ruleFileIds()));
});

test('every rule id equals its file name and export name', async () => {
  for (const id of ruleFileIds()) {
    const mod = (await import(`./rules/${id}.ts`)) as Record<string, { id: string }>;
    expect(mod[camel(id)]?.id).toBe(id);
  }
});

test('rule ids are unique and every rule has metadata', () => {
  const ids = rules.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of rules) {
    expect(r.title.length, r.id).toBeGreaterThan(10);
    expect(r.why.length, r.id).toBeGreaterThan(40);
    if (r.lesson !== null) expect(LESSONS).toContain(r.lesson);
  }
});
