import { defineRule } from '../define-rule.ts';

export const useAbsoluteWorkdir = defineRule({
  id: 'use-absolute-workdir',
  title: 'Give WORKDIR an absolute path',
  category: 'correctness',
  severity: 'error',
  equivalents: ['hadolint:DL3000'],
  lesson: null,
  why:
    'A relative WORKDIR is resolved against whatever directory was current before it, and that depends on the base image, which can change under you. An absolute path (or a variable such as `$HOME` that holds one) says exactly where the following RUN, COPY and CMD happen.',
  messages: {
    relative: (path: string) =>
      `WORKDIR \`${path}\` is relative, so where it lands depends on the directory set before it (possibly by the base image). Write the full path, e.g. \`WORKDIR /${path.replace(/^\.?\/*/, '')}\`.`,
  },
  examples: {
    invalid: ['FROM node:22-slim\nWORKDIR app', 'FROM python:3.12-slim\nWORKDIR "src/service"'],
    valid: [
      'FROM node:22-slim\nWORKDIR /app',
      'FROM python:3.12-slim\nWORKDIR "/srv/app"',
      'FROM python:3.12-slim\nARG APP_HOME=/srv/app\nWORKDIR ${APP_HOME}',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:/app',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const i of dockerfile.instructions) {
      if (i.keyword !== 'WORKDIR' || !i.argsSpan) continue;
      const path = i.argsText.replace(/\\\r?\n/g, '').trim();
      const bare = path.replace(/^["']+|["']+$/g, '');
      if (bare.startsWith('$') || bare.startsWith('/') || /^[A-Za-z]:/.test(bare)) continue;
      report({ instruction: i, span: i.argsSpan, message: messages.relative(bare) });
    }
  },
});
