import { defineRule } from '../define-rule.ts';
import type { Instruction } from '../../parse/model.ts';

export const noMultipleCmd = defineRule({
  id: 'no-multiple-cmd',
  title: 'Use one CMD per stage',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL4003', 'buildkit:MultipleInstructionsDisallowed'],
  lesson: 'runtime-hygiene',
  why:
    'Only the last CMD of a stage takes effect; earlier ones are silently overridden. A second CMD is usually a leftover or a misunderstanding (CMD does not run anything at build time; RUN does). Every CMD after the first in a stage is reported, as hadolint does (BuildKit marks the overridden ones instead).',
  messages: {
    again: (firstLine: number) =>
      `This CMD replaces the CMD on line ${firstLine}: only the last CMD of a stage is used. Keep one CMD; to run something while building, use RUN.`,
  },
  examples: {
    invalid: [
      'FROM python:3.12-slim\nCMD ["python", "manage.py", "migrate"]\nCMD ["gunicorn", "app.wsgi"]',
      'FROM node:22-slim AS dev\nCMD ["npm", "run", "dev"]\nFROM node:22-slim\nCMD ["node", "server.js"]\nCMD ["node", "worker.js"]',
    ],
    valid: [
      'FROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]',
      'FROM node:22-slim AS dev\nCMD ["npm", "run", "dev"]\nFROM node:22-slim\nCMD ["node", "server.js"]',
      'FROM node:22-slim\nONBUILD CMD ["npm", "start"]\nCMD ["node", "server.js"]',
    ],
  },
  check({ dockerfile, report }, messages) {
    const first = new Map<number, Instruction>();
    for (const i of dockerfile.instructions) {
      if (i.keyword !== 'CMD') continue;
      const seen = first.get(i.stage);
      if (seen) report({ instruction: i, message: messages.again(seen.span.line) });
      else first.set(i.stage, i);
    }
  },
});
