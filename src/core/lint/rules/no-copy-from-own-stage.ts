import { defineRule } from '../define-rule.ts';
import { copyFromFlag } from '../image-syntax.ts';

export const noCopyFromOwnStage = defineRule({
  id: 'no-copy-from-own-stage',
  title: '`COPY --from` cannot name the stage it is in',
  category: 'correctness',
  severity: 'error',
  equivalents: ['hadolint:DL3023'],
  lesson: 'multi-stage-builds',
  why:
    'A stage cannot copy from itself: while it is being built there is no finished filesystem to copy from, so the build fails with a circular-dependency error. Files already in this stage are copied with `RUN cp`; files from another stage need that stage\'s name. Names are compared exactly as written, as hadolint does.',
  messages: {
    own: (name: string) =>
      `\`--from=${name}\` names the stage this COPY is in, which the builder rejects as a circular dependency. Copy from the stage that produces the files (e.g. a \`FROM … AS build\` above), or use \`RUN cp\` for files already in this stage.`,
  },
  examples: {
    invalid: [
      'FROM node:22 AS build\nRUN npm ci && npm run build\nCOPY --from=build /app/dist /srv',
      'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20 AS runtime\nCOPY --from=runtime /app /usr/local/bin/app',
    ],
    valid: [
      'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine AS web\nCOPY --from=build /app/dist /usr/share/nginx/html',
      'FROM alpine:3.20\nCOPY --from=busybox:1.36 /bin/busybox /bin/busybox',
    ],
  },
  check({ dockerfile, report }, messages) {
    let current: string | null | undefined;
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword === 'FROM') {
        current = dockerfile.stages[instruction.stage]?.nameRaw ?? null;
        continue;
      }
      const from = copyFromFlag(instruction);
      if (!from || current === undefined || current === null || from.value !== current) continue;
      report({ instruction, span: from.span, message: messages.own(from.value) });
    }
  },
});
