import { defineRule } from '../define-rule.ts';
import { rawImageParts } from '../image-syntax.ts';

export const noLatestTag = defineRule({
  id: 'no-latest-tag',
  title: 'Pin the base image to a version, not `latest`',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3007'],
  lesson: 'choosing-a-base-image',
  why:
    '`latest` moves whenever the publisher pushes, so the same Dockerfile builds a different image next week, the build cache breaks for everyone, and a major-version jump can land without warning. A version tag (or a digest) keeps builds repeatable. Like hadolint, the rule reads the tag as written: a tag that comes from an ARG is not expanded.',
  messages: {
    latest: (image: string, name: string) => `\`${image}\` follows whatever is newest, so rebuilds can silently pick up a new major version. Pin a version tag, e.g. \`${name}:<version>\`, or add a digest (\`@sha256:…\`).`,
  },
  examples: {
    invalid: ['FROM node:latest', 'FROM docker.io/library/python:latest AS app', 'FROM golang:1.22 AS build\nFROM gcr.io/distroless/static:latest\nCOPY --from=build /app /app'],
    valid: [
      'FROM node:22-slim',
      'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'FROM scratch',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const stage of dockerfile.stages) {
      const parts = rawImageParts(stage.image.raw);
      if (parts.tag !== 'latest' || parts.digest !== null) continue;
      const name = parts.registry ? `${parts.registry}/${parts.name}` : parts.name;
      report({ instruction: stage.from, span: stage.imageSpan ?? undefined, message: messages.latest(stage.image.raw, name) });
    }
  },
});
