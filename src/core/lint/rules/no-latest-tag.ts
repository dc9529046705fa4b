import { defineRule } from '../define-rule.ts';

export const noLatestTag = defineRule({
  id: 'no-latest-tag',
  title: 'Pin the base image to a version, not `latest`',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3007'],
  lesson: 'choosing-a-base-image',
  why:
    '`latest` moves whenever the publisher pushes, so the same Dockerfile builds a different image next week, the build cache breaks for everyone, and a major-version jump can land without warning. A version tag (or a digest) keeps builds repeatable.',
  messages: {
    latest: (image: string) => `\`${image}\` follows whatever is newest. Pin a version tag, e.g. \`${image.replace(/:latest$/, '')}:<version>\`, or add a digest.`,
  },
  examples: {
    invalid: ['FROM node:latest', 'FROM docker.io/library/python:latest AS app'],
    valid: ['FROM node:22-slim', 'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'FROM scratch'],
  },
  check({ dockerfile, report }, messages) {
    for (const stage of dockerfile.stages) {
      if (stage.baseStage !== null) continue;
      if (stage.image.tag === 'latest' && stage.image.digest === null) {
        report({ instruction: stage.from, span: stage.imageSpan ?? undefined, message: messages.latest(stage.image.resolved ?? stage.image.raw) });
      }
    }
  },
});
