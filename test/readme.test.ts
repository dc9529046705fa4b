import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { rulesSummary, withSummary } from '../scripts/readme-rules.ts';
import { rules } from '../src/core/lint/registry.ts';

const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

test('the README rules summary matches the registry (run `node scripts/readme-rules.ts`)', () => {
  expect(readme).toBe(withSummary(readme, rulesSummary(rules)));
});

test('the README gives exactly the two set-up commands and .ci/run runs the test command', () => {
  const setup = readme.slice(readme.indexOf('## Set up'), readme.indexOf('\n## ', readme.indexOf('## Set up') + 1));
  const commands = [...setup.matchAll(/^(npm [^#\n]+?)\s*(#.*)?$/gm)].map((m) => m[1]);
  expect(commands).toEqual(['npm ci && npm run dev', 'npm ci && npm test']);
  const ci = readFileSync(fileURLToPath(new URL('../.ci/run', import.meta.url)), 'utf8');
  expect(ci).toMatch(/^npm test$/m);
});
