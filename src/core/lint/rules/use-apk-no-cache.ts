import { defineRule } from '../define-rule.ts';
import { cmdHasArgs, hadolintCommands, hasAnyFlag, hasCacheOrTmpfsMountWith } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';
import { insertAfterArg } from '../package-managers/fixes.ts';

export const useApkNoCache = defineRule({
  id: 'use-apk-no-cache',
  title: 'Use apk add --no-cache',
  category: 'size',
  severity: 'info',
  equivalents: ['hadolint:DL3019'],
  lesson: 'cleanup-in-the-same-run',
  why:
    'Without `--no-cache`, `apk add` keeps the downloaded package indexes in /var/cache/apk (a few MB per repository), and they end up in the layer. `--no-cache` fetches fresh indexes to a temporary place and deletes them, so there is no `apk update` to run and no `rm -rf /var/cache/apk/*` to remember. A BuildKit cache or tmpfs mount on /var/cache/apk also keeps the cache out of the layer.',
  messages: {
    missing: () =>
      '`apk add` without `--no-cache` leaves the package indexes in /var/cache/apk inside this layer. Use `apk add --no-cache …` (then no `apk update` or `rm -rf /var/cache/apk/*` is needed), or mount a cache: `RUN --mount=type=cache,target=/var/cache/apk apk add …`.',
  },
  examples: {
    invalid: [
      {
        code: 'FROM alpine:3.20\nRUN apk add curl=8.9.1-r1',
        fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1',
      },
      'FROM alpine:3.20\nRUN apk update && apk add curl=8.9.1-r1 && rm -rf /var/cache/apk/*',
      'FROM alpine:3.20 AS base\nONBUILD RUN apk add make=4.4.1-r2',
    ],
    valid: [
      'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1',
      'FROM alpine:3.20\nRUN apk --no-cache add curl=8.9.1-r1',
      'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r1',
      'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl=8.9.1-r1',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      if (hasCacheOrTmpfsMountWith(run, '/var/cache/apk')) continue;
      const bad = hadolintCommands(dockerfile, run).filter((c) => cmdHasArgs(c, 'apk', ['add']) && !hasAnyFlag(c, ['no-cache']));
      const first = bad[0];
      if (!first) continue;
      const edits = insertAfterArg(run, bad, ['add'], ' --no-cache');
      report({ instruction: run, span: first.cmd.span, message: messages.missing(), fix: edits ? { title: 'Add --no-cache', edits } : undefined });
    }
  },
});
