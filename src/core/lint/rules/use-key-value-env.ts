import type { Fix } from '../../diagnostic.ts';
import { defineRule } from '../define-rule.ts';
import { type KeyValuePair, keyValuePairs } from '../helpers.ts';

/** `key=value` for a legacy pair whose key and value are plain text on one line (no quotes or escapes to reinterpret). */
function keyValueFix(pair: KeyValuePair, keyword: string, esc: string): Fix | undefined {
  const v = pair.value;
  if (!pair.valueSpan || pair.span.line !== pair.span.endLine || !/^[A-Za-z0-9_.-]+$/.test(pair.key)) return undefined;
  if (/["'`]/.test(v) || v.includes(esc) || v.includes('\\')) return undefined;
  const value = /\s/.test(v) ? `"${v}"` : v;
  return { title: `Rewrite as ${keyword} ${pair.key}=…`, edits: [{ span: pair.span, text: `${pair.key}=${value}` }] };
}

export const useKeyValueEnv = defineRule({
  id: 'use-key-value-env',
  title: 'Write ENV and LABEL as key=value',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['buildkit:LegacyKeyValueFormat'],
  lesson: null,
  why:
    'The old `ENV key value` form (also accepted by LABEL) sets one variable to the whole rest of the line, so `ENV A 1 B 2` sets A to "1 B 2". It is deprecated and BuildKit warns about it. The `key=value` form is unambiguous and lets one instruction set several variables: `ENV A=1 B=2`.',
  messages: {
    legacy: (keyword: string, key: string) =>
      `\`${keyword} ${key} …\` uses the deprecated space-separated form, which takes the whole rest of the line as the value. Write \`${keyword} ${key}=value\` (quote values that contain spaces).`,
  },
  examples: {
    invalid: [
      { code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1', fixed: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1' },
      { code: 'FROM node:22-slim\nENV NODE_OPTIONS --max-old-space-size=512 --enable-source-maps', fixed: 'FROM node:22-slim\nENV NODE_OPTIONS="--max-old-space-size=512 --enable-source-maps"' },
      { code: 'FROM alpine:3.20\nLABEL maintainer jane@example.com', fixed: 'FROM alpine:3.20\nLABEL maintainer=jane@example.com' },
      'FROM python:3.12-slim\nENV GREETING "hello world"',
    ],
    valid: ['FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1', 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="my app"', 'FROM alpine:3.20\nARG VERSION'],
  },
  check({ dockerfile, report }, messages) {
    for (const i of dockerfile.instructions) {
      if (i.keyword !== 'ENV' && i.keyword !== 'LABEL') continue;
      // As BuildKit: the legacy form is decided by the first word (a later word without `=` is a syntax error).
      const pair = keyValuePairs(dockerfile, i)[0];
      if (!pair?.legacy || !pair.valueSpan) continue;
      report({ instruction: i, span: pair.span, message: messages.legacy(i.keyword, pair.key), fix: keyValueFix(pair, i.keywordRaw, dockerfile.escapeChar) });
    }
  },
});
