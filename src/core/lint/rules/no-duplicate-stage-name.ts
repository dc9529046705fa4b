import { defineRule } from '../define-rule.ts';

export const noDuplicateStageName = defineRule({
  id: 'no-duplicate-stage-name',
  title: 'Give every stage a unique name',
  category: 'correctness',
  severity: 'error',
  equivalents: ['hadolint:DL3024', 'buildkit:DuplicateStageName'],
  lesson: 'multi-stage-builds',
  why:
    'Stage names are how `COPY --from`, `FROM <stage>` and `docker build --target` find a stage. When two stages share a name, every reference silently picks one of them, and BuildKit reports the Dockerfile as invalid. Rename one of the stages. Names are compared exactly as written, as hadolint does.',
  messages: {
    duplicate: (name: string, line: number) =>
      `Stage name \`${name}\` is already used on line ${line}, so \`COPY --from=${name}\` and \`--target ${name}\` become ambiguous. Give this stage its own name, e.g. \`${name}-2\` or one that says what it builds.`,
  },
  examples: {
    invalid: [
      'FROM node:22 AS build\nRUN npm run build\nFROM golang:1.22 AS build\nRUN go build -o /app .',
      'FROM python:3.12 AS deps\nRUN pip wheel -w /wheels -r requirements.txt\nFROM python:3.12-slim AS deps\nCOPY --from=deps /wheels /wheels',
    ],
    valid: ['FROM node:22 AS web-build\nRUN npm run build\nFROM golang:1.22 AS api-build\nRUN go build -o /app .', 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app'],
  },
  check({ dockerfile, report }, messages) {
    const seen = new Map<string, number>();
    for (const stage of dockerfile.stages) {
      if (stage.nameRaw === null) continue;
      const first = seen.get(stage.nameRaw);
      if (first !== undefined) report({ instruction: stage.from, span: stage.nameSpan ?? undefined, message: messages.duplicate(stage.nameRaw, first) });
      else seen.set(stage.nameRaw, stage.from.span.line);
    }
  },
});
