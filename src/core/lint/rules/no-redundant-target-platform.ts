import { defineRule } from '../define-rule.ts';
import { rawPlatform } from '../image-syntax.ts';

export const noRedundantTargetPlatform = defineRule({
  id: 'no-redundant-target-platform',
  title: 'Drop `--platform=$TARGETPLATFORM` from FROM',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3065', 'buildkit:RedundantTargetPlatform'],
  lesson: 'multi-stage-builds',
  why:
    'A stage is built for the target platform anyway, so `FROM --platform=$TARGETPLATFORM` changes nothing; it only suggests to readers that something special happens here. The useful value is `$BUILDPLATFORM`, for builder stages that run natively and cross-compile. Only the exact forms `$TARGETPLATFORM` and `${TARGETPLATFORM}` are reported.',
  messages: {
    redundant: (value: string) => `\`--platform=${value}\` is what the builder does by default, so the flag is noise. Remove it (or use \`--platform=$BUILDPLATFORM\` if this stage should run natively and cross-compile).`,
  },
  examples: {
    invalid: [
      { code: 'FROM --platform=$TARGETPLATFORM alpine:3.20', fixed: 'FROM alpine:3.20' },
      { code: 'FROM --platform=${TARGETPLATFORM} node:22-slim AS app', fixed: 'FROM node:22-slim AS app' },
    ],
    valid: ['FROM alpine:3.20', 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build'],
  },
  check({ dockerfile, report }, messages) {
    for (const stage of dockerfile.stages) {
      const platform = rawPlatform(stage);
      if (!platform || (platform.value !== '$TARGETPLATFORM' && platform.value !== '${TARGETPLATFORM}')) continue;
      const next = stage.imageSpan;
      const removable = next && next.line === platform.span.endLine;
      report({
        instruction: stage.from,
        span: platform.span,
        message: messages.redundant(platform.value),
        fix: removable
          ? { title: 'Remove `--platform=$TARGETPLATFORM`', edits: [{ span: { line: platform.span.line, column: platform.span.column, endLine: next.line, endColumn: next.column }, text: '' }] }
          : undefined,
      });
    }
  },
});
