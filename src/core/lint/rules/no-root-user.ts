import { defineRule } from '../define-rule.ts';
import type { Instruction } from '../../parse/model.ts';

/** `root`, `0`, `root:<group>` or `0:<group>`, as hadolint DL3002 counts them. */
function isRootUser(user: string): boolean {
  return user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');
}

export const noRootUser = defineRule({
  id: 'no-root-user',
  title: 'Do not leave a stage running as root',
  category: 'security',
  severity: 'warning',
  equivalents: ['hadolint:DL3002'],
  lesson: 'runtime-hygiene',
  why:
    'A container whose last `USER` is root runs its process with full privileges inside the container, so any bug in the app is a bug with root rights, and a container escape starts from root. Switch to root only for the steps that need it, then switch back to an unprivileged user. As in hadolint, every stage is checked: each stage whose last USER is root is reported, builder stages included.',
  messages: {
    root: (user: string) =>
      `The last USER of this stage is \`${user}\`, so whatever runs from this stage runs as root. After the steps that need root, switch back with e.g. \`USER app\` (create it first: \`RUN useradd --system --create-home app\`, or \`adduser -S app\` on Alpine).`,
  },
  examples: {
    invalid: [
      'FROM debian:bookworm-slim\nRUN useradd --system app\nUSER root',
      'FROM node:22-slim\nUSER node\nRUN npm ci\nUSER 0:0',
      'FROM python:3.12-slim AS base\nUSER root\nRUN pip install --no-cache-dir poetry\nFROM base\nCOPY . /app',
    ],
    valid: [
      'FROM node:22-slim\nUSER root\nRUN apt-get update\nUSER node',
      'FROM debian:bookworm-slim AS build\nUSER root\nUSER builder\nFROM scratch\nCOPY --from=build /out /out',
      'FROM alpine:3.20\nUSER 1000:1000',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const stage of dockerfile.stages) {
      let last: Instruction | undefined;
      for (const i of stage.instructions) if (i.keyword === 'USER') last = i;
      if (!last || !last.argsSpan) continue;
      const user = last.argsText.trim();
      if (isRootUser(user)) report({ instruction: last, span: last.argsSpan, message: messages.root(user) });
    }
  },
});
