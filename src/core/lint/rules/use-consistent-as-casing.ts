import { defineRule } from '../define-rule.ts';

export const useConsistentAsCasing = defineRule({
  id: 'use-consistent-as-casing',
  title: 'Write `AS` in the same case as `FROM`',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['buildkit:FromAsCasing'],
  lesson: null,
  why:
    'Keywords may be upper or lower case, but mixing them in one line (`FROM node:22 as build`) reads as a typo and makes stage names harder to spot when scanning a file. BuildKit warns about it. Use `AS` with `FROM` and `as` with `from`; a mixed-case keyword such as `From` is left to the instruction-casing check.',
  messages: {
    mismatch: (as: string, from: string, want: string) => `\`${as}\` does not match the casing of \`${from}\`. Write \`${want}\` so the stage name stands out consistently.`,
  },
  examples: {
    invalid: [
      { code: 'FROM node:22 as build\nRUN npm ci', fixed: 'FROM node:22 AS build\nRUN npm ci' },
      { code: 'from node:22 AS build\nrun npm ci', fixed: 'from node:22 as build\nrun npm ci' },
    ],
    valid: ['FROM node:22 AS build', 'from node:22 as build', 'FROM node:22'],
  },
  check({ dockerfile, report }, messages) {
    for (const stage of dockerfile.stages) {
      const { from } = stage;
      const as = from.args[1];
      if (from.args.length < 3 || !as) continue;
      const keyword = from.keywordRaw;
      const lower = keyword === keyword.toLowerCase();
      const upper = keyword === keyword.toUpperCase();
      if (!lower && !upper) continue;
      const want = lower ? as.value.toLowerCase() : as.value.toUpperCase();
      if (as.value === want) continue;
      report({ instruction: from, span: as.span, message: messages.mismatch(as.value, keyword, want), fix: { title: `Write \`${want}\``, edits: [{ span: as.span, text: want }] } });
    }
  },
});
