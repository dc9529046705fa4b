import { defineRule } from '../define-rule.ts';

const DISALLOWED = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export const noInvalidOnbuildTrigger = defineRule({
  id: 'no-invalid-onbuild-trigger',
  title: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER',
  category: 'correctness',
  severity: 'error',
  equivalents: ['hadolint:DL3043'],
  lesson: null,
  why:
    'ONBUILD stores an instruction that runs later, when another Dockerfile builds FROM this image. The builder refuses `ONBUILD ONBUILD` (no chaining), `ONBUILD FROM` (a trigger cannot start a new stage) and `ONBUILD MAINTAINER` (deprecated), so the image fails to build or the downstream build breaks.',
  messages: {
    onbuild: () => 'ONBUILD triggers cannot be chained: `ONBUILD ONBUILD …` is rejected by the builder. Put the instruction directly after a single ONBUILD.',
    from: () => '`ONBUILD FROM` is not allowed: a trigger runs inside the child build and cannot start a new stage. Pick the base image in the child Dockerfile instead.',
    maintainer: () =>
      '`ONBUILD MAINTAINER` is not allowed (and MAINTAINER is deprecated). Set the author label here directly: `LABEL org.opencontainers.image.authors="…"`.',
  },
  examples: {
    invalid: [
      'FROM node:22-slim\nONBUILD ONBUILD RUN npm ci',
      'FROM node:22-slim\nONBUILD FROM node:22-slim',
      'FROM node:22-slim\nONBUILD MAINTAINER "Jane Doe <jane@example.com>"',
    ],
    valid: ['FROM node:22-slim\nONBUILD COPY package*.json ./\nONBUILD RUN npm ci', 'FROM node:22-slim\nONBUILD LABEL org.opencontainers.image.authors="jane@example.com"'],
  },
  check({ dockerfile, report }, messages) {
    for (const i of dockerfile.instructions) {
      const t = i.trigger;
      if (i.keyword !== 'ONBUILD' || !t || !DISALLOWED.has(t.keyword)) continue;
      const message = t.keyword === 'ONBUILD' ? messages.onbuild() : t.keyword === 'FROM' ? messages.from() : messages.maintainer();
      report({ instruction: i, span: t.keywordSpan, message });
    }
  },
});
