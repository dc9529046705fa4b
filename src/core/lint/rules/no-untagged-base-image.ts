import { defineRule } from '../define-rule.ts';
import { rawImageParts } from '../image-syntax.ts';

export const noUntaggedBaseImage = defineRule({
  id: 'no-untagged-base-image',
  title: 'Give every base image a tag',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3006'],
  lesson: 'choosing-a-base-image',
  why:
    'A FROM without a tag means `:latest`, which changes whenever the publisher pushes: rebuilds stop being repeatable, the layer cache is invalidated for everyone, and a new major version can arrive unnoticed. `scratch`, images pinned by digest, earlier stage names and images given entirely by a variable (`FROM $BASE`) are exempt. Stage names are compared exactly as written, as hadolint does.',
  messages: {
    untagged: (image: string) =>
      `\`${image}\` has no tag, so it silently means \`${image}:latest\` and changes whenever a new version is pushed. Pin the version you tested with, e.g. \`${image}:<version>\` (see \`docker image ls ${image}\` or the registry's tag list).`,
  },
  examples: {
    invalid: ['FROM debian', 'FROM python AS build\nRUN pip wheel -w /wheels .', 'FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=build /app /app'],
    valid: [
      'FROM debian:bookworm-slim',
      'FROM ruby@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'FROM scratch\nCOPY app /app',
      'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM build AS test\nRUN go test ./...',
      'ARG BASE=python:3.12-slim\nFROM ${BASE}',
    ],
  },
  check({ dockerfile, report }, messages) {
    const aliases = new Set<string>();
    for (const stage of dockerfile.stages) {
      const raw = stage.image.raw;
      const parts = rawImageParts(raw);
      const exempt = raw === '' || parts.name === 'scratch' || parts.digest !== null || parts.tag !== null || parts.name.startsWith('$') || aliases.has(parts.name);
      if (!exempt) report({ instruction: stage.from, span: stage.imageSpan ?? undefined, message: messages.untagged(raw) });
      if (stage.nameRaw !== null) aliases.add(stage.nameRaw);
    }
  },
});
