import { defineRule } from '../define-rule.ts';

export const useFromFirst = defineRule({
  id: 'use-from-first',
  title: 'Start the Dockerfile with FROM (only ARG may come before it)',
  category: 'correctness',
  severity: 'error',
  equivalents: ['hadolint:DL3061'],
  lesson: null,
  why:
    'Every instruction except ARG needs a build stage to act on, and a stage begins with FROM. An instruction above the first FROM makes the builder stop with "no build stage in current context". Only ARG (to parameterise FROM), comments and parser directives such as `# syntax=` may come first.',
  messages: {
    beforeFrom: (keyword: string, hasFrom: boolean) =>
      hasFrom
        ? `${keyword} comes before the first FROM, where there is no build stage for it to act on, so the build fails. Move it below the FROM line.`
        : `${keyword} has no build stage to act on because this Dockerfile has no FROM, so the build fails. Start with a FROM line, e.g. \`FROM alpine:3.20\`.`,
  },
  examples: {
    invalid: ['LABEL org.opencontainers.image.source="https://github.com/acme/app"\nFROM python:3.12-slim', 'ENV PYTHONUNBUFFERED=1\nARG PYTHON=3.12\nFROM python:${PYTHON}-slim'],
    valid: [
      'FROM python:3.12-slim\nLABEL org.opencontainers.image.source="https://github.com/acme/app"',
      '# syntax=docker/dockerfile:1\nARG PYTHON=3.12\nFROM python:${PYTHON}-slim',
    ],
  },
  check({ dockerfile, report }, messages) {
    const hasFrom = dockerfile.stages.length > 0;
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword === 'FROM') break;
      if (instruction.keyword === 'ARG') continue;
      report({ instruction, span: instruction.keywordSpan, message: messages.beforeFrom(instruction.keyword, hasFrom) });
    }
  },
});
