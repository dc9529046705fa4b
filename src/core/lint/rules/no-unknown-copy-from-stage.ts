import type { Stage } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { closestName } from '../helpers.ts';
import { copyFromFlag, dropQuotes } from '../image-syntax.ts';

export const noUnknownCopyFromStage = defineRule({
  id: 'no-unknown-copy-from-stage',
  title: '`COPY --from` must name an earlier stage (or an image with a tag)',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL3022'],
  lesson: 'multi-stage-builds',
  why:
    '`COPY --from=name` copies from the stage called `name`; when no earlier stage has that name, the builder treats it as an image and tries to pull it from a registry, so a typo or a stage defined further down turns into a confusing pull error, or silently copies from a public image. Name a stage defined above, use a stage number that exists, or write an image with its tag (`--from=nginx:1.27`). As in hadolint, names are compared exactly as written.',
  messages: {
    unknown: (value: string, hint: string) => `No earlier stage is named \`${value}\`, so the builder will try to pull an image called \`${value}\` instead.${hint}`,
    later: (value: string, line: number) =>
      `Stage \`${value}\` is only defined further down (line ${line}). Move that stage above this COPY: builders that resolve \`--from\` against earlier stages only will try to pull an image called \`${value}\` instead.`,
    caseOnly: (value: string, stage: string) =>
      `\`--from=${value}\` matches stage \`${stage}\` only when case is ignored. BuildKit accepts that, but other tools (hadolint, the classic builder) read it as an image to pull; write \`--from=${stage}\`.`,
    index: (value: string, count: number) =>
      `\`--from=${value}\` refers to stage number ${value}, but only ${count} stage${count === 1 ? '' : 's'} (0${count > 1 ? `–${count - 1}` : ''}) exist${count === 1 ? 's' : ''} at this point. Use the stage's name (\`FROM … AS name\`) to avoid counting mistakes.`,
  },
  examples: {
    invalid: [
      'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=builder /out/app /usr/local/bin/app',
      'FROM alpine:3.20\nCOPY --from=assets /dist /srv\nFROM node:22 AS assets\nRUN npm run build',
      'FROM alpine:3.20\nCOPY --from=nginx /etc/nginx/nginx.conf /etc/nginx/',
    ],
    valid: [
      'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app',
      'FROM golang:1.22\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=0 /out/app /usr/local/bin/app',
      'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/',
    ],
  },
  check({ dockerfile, report }, messages) {
    const names = new Set<string>();
    let count = 0;
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword === 'FROM') {
        count++;
        const alias = dockerfile.stages[instruction.stage]?.nameRaw;
        if (alias) names.add(alias);
        continue;
      }
      const from = copyFromFlag(instruction);
      if (!from) continue;
      const value = from.value;
      if (dropQuotes(value).includes(':') || names.has(value)) continue;
      const index = /^[0-9]+/.exec(value);
      if (index && Number(index[0]) < count) continue;
      report({ instruction, span: from.span, message: explain(value, names, count, dockerfile.stages, instruction.index, messages) });
    }
  },
});

type Messages = {
  unknown: (value: string, hint: string) => string;
  later: (value: string, line: number) => string;
  caseOnly: (value: string, stage: string) => string;
  index: (value: string, count: number) => string;
};

function explain(value: string, names: ReadonlySet<string>, count: number, stages: readonly Stage[], position: number, messages: Messages): string {
  if (/^[0-9]+$/.test(value)) return messages.index(value, count);
  const later = stages.find((s) => s.nameRaw !== null && s.nameRaw.toLowerCase() === value.toLowerCase() && s.from.index > position);
  if (later) return messages.later(value, later.from.span.line);
  const sameIgnoringCase = [...names].find((n) => n.toLowerCase() === value.toLowerCase());
  if (sameIgnoringCase) return messages.caseOnly(value, sameIgnoringCase);
  const near = closestName(value, names);
  if (near) return messages.unknown(value, ` Did you mean \`--from=${near}\`?`);
  return messages.unknown(value, ` If you mean an image, add its tag (\`--from=${value}:<version>\`); if you mean a stage, name it with \`FROM … AS ${value}\` above this line.`);
}
