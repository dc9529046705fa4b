import { defineRule } from '../define-rule.ts';

const RESERVED = new Set(['scratch', 'context']);

export const noReservedStageName = defineRule({
  id: 'no-reserved-stage-name',
  title: 'Do not name a stage `scratch` or `context`',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL3063', 'buildkit:ReservedStageName'],
  lesson: 'multi-stage-builds',
  why:
    '`scratch` already means the empty image and `context` is reserved for named build contexts (`--build-context`), so a stage with one of these names cannot be referenced reliably: `FROM scratch` keeps meaning the empty image. Pick a descriptive name instead. Like hadolint, only the exact lower-case spellings are reported.',
  messages: {
    reserved: (name: string) => `\`${name}\` is a reserved name (${name === 'scratch' ? 'the empty base image' : 'named build contexts'}), so references to this stage will not reach it. Rename the stage, e.g. \`AS ${name === 'scratch' ? 'base' : 'sources'}\`.`,
  },
  examples: {
    invalid: ['FROM alpine:3.20 AS scratch\nRUN apk add --no-cache ca-certificates', 'FROM busybox:1.36 AS context\nCOPY . /src'],
    valid: ['FROM alpine:3.20 AS certs\nRUN apk add --no-cache ca-certificates\nFROM scratch\nCOPY --from=certs /etc/ssl/certs /etc/ssl/certs'],
  },
  check({ dockerfile, report }, messages) {
    for (const stage of dockerfile.stages) {
      if (stage.nameRaw !== null && RESERVED.has(stage.nameRaw)) report({ instruction: stage.from, span: stage.nameSpan ?? undefined, message: messages.reserved(stage.nameRaw) });
    }
  },
});
