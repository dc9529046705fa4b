import { defineRule } from '../define-rule.ts';
import type { Instruction } from '../../parse/model.ts';

export const noMultipleHealthchecks = defineRule({
  id: 'no-multiple-healthchecks',
  title: 'Use one HEALTHCHECK per stage',
  category: 'correctness',
  severity: 'error',
  equivalents: ['hadolint:DL3012', 'buildkit:MultipleInstructionsDisallowed'],
  lesson: 'runtime-hygiene',
  why:
    'A container has a single health check: only the last HEALTHCHECK of a stage takes effect (even `HEALTHCHECK NONE`), and earlier ones are silently dropped. Every HEALTHCHECK after the first in a stage is reported, as hadolint does (BuildKit marks the overridden ones instead).',
  messages: {
    again: (firstLine: number) =>
      `This HEALTHCHECK replaces the one on line ${firstLine}: a container has only one health check. Keep one, and combine checks in a single command, e.g. \`HEALTHCHECK CMD curl -fs http://localhost/health && test -f /tmp/ready\`.`,
  },
  examples: {
    invalid: [
      'FROM nginx:1.27-alpine\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\nHEALTHCHECK --interval=10s CMD wget -qO- http://localhost/health || exit 1',
      'FROM python:3.12-slim\nHEALTHCHECK NONE\nHEALTHCHECK CMD ["python", "-c", "import app"]',
    ],
    valid: [
      'FROM nginx:1.27-alpine\nHEALTHCHECK --interval=30s CMD wget -qO- http://localhost/ || exit 1',
      'FROM nginx:1.27-alpine AS base\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\nFROM base\nHEALTHCHECK CMD wget -qO- http://localhost/health || exit 1',
    ],
  },
  check({ dockerfile, report }, messages) {
    const first = new Map<number, Instruction>();
    for (const i of dockerfile.instructions) {
      if (i.keyword !== 'HEALTHCHECK') continue;
      const seen = first.get(i.stage);
      if (seen) report({ instruction: i, message: messages.again(seen.span.line) });
      else first.set(i.stage, i);
    }
  },
});
