import { defineRule } from '../define-rule.ts';
import type { Instruction } from '../../parse/model.ts';
import { KEYWORDS, inconsistentCasing } from './use-consistent-instruction-casing.ts';

export const useUppercaseInstructions = defineRule({
  id: 'use-uppercase-instructions',
  title: 'Write instruction keywords in uppercase',
  category: 'maintainability',
  severity: 'style',
  equivalents: [],
  lesson: null,
  why:
    'Keywords are case-insensitive, but the documentation and nearly every Dockerfile write them in uppercase, which sets them apart from their arguments. This rule reports a file once, when its casing is consistent but not uppercase (or only the keywords BuildKit does not count, such as ONBUILD triggers and ARGs before FROM, are lowercase). Files with mixed casing are reported by use-consistent-instruction-casing instead, so a keyword is never reported twice.',
  messages: {
    lowercase: (count: number) =>
      `${count === 1 ? 'This instruction keyword is' : `${count} instruction keywords are`} not written in uppercase. Uppercase is the convention that sets keywords apart from their arguments: write \`RUN\`, \`COPY\`, \`FROM\`…`,
  },
  examples: {
    invalid: [
      { code: 'from alpine:3.20\nrun apk add --no-cache curl', fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl' },
      { code: 'FROM node:22-slim\nONBUILD run npm ci', fixed: 'FROM node:22-slim\nONBUILD RUN npm ci' },
    ],
    valid: ['FROM alpine:3.20\nRUN apk add --no-cache curl', 'FROM alpine:3.20\nrun apk add --no-cache curl\nCMD ["sh"]'],
  },
  check({ dockerfile, report }, messages) {
    if (inconsistentCasing(dockerfile).offenders.length > 0) return;
    const keywords: Instruction[] = [];
    for (const i of dockerfile.instructions) {
      for (let k: Instruction | null = i; k; k = k.trigger) if (KEYWORDS.has(k.keyword) && k.keywordRaw !== k.keywordRaw.toUpperCase()) keywords.push(k);
    }
    const first = keywords[0];
    if (!first) return;
    report({
      instruction: first.onbuildParent ?? first,
      span: first.keywordSpan,
      message: messages.lowercase(keywords.length),
      fix: { title: 'Write every keyword in uppercase', edits: keywords.map((k) => ({ span: k.keywordSpan, text: k.keywordRaw.toUpperCase() })) },
    });
  },
});
