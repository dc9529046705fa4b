import { defineRule } from '../define-rule.ts';
import { copyOperands, dropQuotes } from '../image-syntax.ts';

export const useDirectoryDestinationForMultipleSources = defineRule({
  id: 'use-directory-destination-for-multiple-sources',
  title: 'End the COPY destination with `/` when copying several sources',
  category: 'correctness',
  severity: 'error',
  equivalents: ['hadolint:DL3021'],
  lesson: null,
  why:
    'With more than one source, COPY can only copy into a directory, and the builder insists that the destination says so with a trailing `/`; otherwise the build stops with "When using COPY with more than one source file, the destination must be a directory and end with a /". Writing `dest/` also makes the intent obvious to readers.',
  messages: {
    noSlash: (count: number, dest: string) =>
      `COPY has ${count} sources, so \`${dest}\` must be a directory written with a trailing \`/\`; without it the build fails. Write \`${dropQuotes(dest).replace(/\/*$/, '')}/\`.`,
  },
  examples: {
    invalid: [
      { code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./app', fixed: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./app/' },
      { code: 'FROM python:3.12-slim\nCOPY requirements.txt constraints.txt "/src"', fixed: 'FROM python:3.12-slim\nCOPY requirements.txt constraints.txt "/src/"' },
      'FROM alpine:3.20\nCOPY ["a.conf", "b.conf", "/etc/app"]',
    ],
    valid: [
      'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./',
      'FROM python:3.12-slim\nCOPY requirements.txt /src/requirements.txt',
      'FROM alpine:3.20\nCOPY ["a.conf", "b.conf", "/etc/app/"]',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword !== 'COPY') continue;
      const ops = copyOperands(instruction, dockerfile);
      if (!ops || ops.sources.length < 2 || dropQuotes(ops.dest.value).endsWith('/')) continue;
      const { dest } = ops;
      const quoted = /["']$/.test(dest.value);
      const at = { line: dest.span.endLine, column: dest.span.endColumn - (quoted ? 1 : 0) };
      report({
        instruction,
        span: dest.span,
        message: messages.noSlash(ops.sources.length, dest.value),
        fix: dest.json || instruction.heredocs.length > 0 ? undefined : { title: 'Add a trailing `/` to the destination', edits: [{ span: { ...at, endLine: at.line, endColumn: at.column }, text: '/' }] },
      });
    }
  },
});
