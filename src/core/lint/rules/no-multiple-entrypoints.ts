import { defineRule } from '../define-rule.ts';
import type { Instruction } from '../../parse/model.ts';

export const noMultipleEntrypoints = defineRule({
  id: 'no-multiple-entrypoints',
  title: 'Use one ENTRYPOINT per stage',
  category: 'correctness',
  severity: 'error',
  equivalents: ['hadolint:DL4004', 'buildkit:MultipleInstructionsDisallowed'],
  lesson: 'runtime-hygiene',
  why:
    'Only the last ENTRYPOINT of a stage takes effect; earlier ones are silently overridden, so the container may start a different program than the one you read first. Every ENTRYPOINT after the first in a stage is reported, as hadolint does (BuildKit marks the overridden ones instead).',
  messages: {
    again: (firstLine: number) =>
      `This ENTRYPOINT replaces the ENTRYPOINT on line ${firstLine}: only the last one of a stage is used. Keep one ENTRYPOINT and pass arguments with CMD, e.g. \`ENTRYPOINT ["docker-entrypoint.sh"]\` plus \`CMD ["serve"]\`.`,
  },
  examples: {
    invalid: [
      'FROM alpine:3.20\nENTRYPOINT ["/usr/bin/tini", "--"]\nENTRYPOINT ["/app/server"]',
      'FROM node:22-slim AS build\nENTRYPOINT ["npm"]\nFROM node:22-slim\nENTRYPOINT ["node"]\nENTRYPOINT ["node", "server.js"]',
    ],
    valid: [
      'FROM alpine:3.20\nENTRYPOINT ["/usr/bin/tini", "--", "/app/server"]',
      'FROM node:22-slim AS build\nENTRYPOINT ["npm"]\nFROM node:22-slim\nENTRYPOINT ["node"]\nCMD ["server.js"]',
    ],
  },
  check({ dockerfile, report }, messages) {
    const first = new Map<number, Instruction>();
    for (const i of dockerfile.instructions) {
      if (i.keyword !== 'ENTRYPOINT') continue;
      const seen = first.get(i.stage);
      if (seen) report({ instruction: i, message: messages.again(seen.span.line) });
      else first.set(i.stage, i);
    }
  },
});
