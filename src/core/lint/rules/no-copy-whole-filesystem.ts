import { defineRule } from '../define-rule.ts';
import { copyFromFlag, copyOperands, dropQuotes } from '../image-syntax.ts';

export const noCopyWholeFilesystem = defineRule({
  id: 'no-copy-whole-filesystem',
  title: 'Do not copy a whole filesystem from another stage',
  category: 'size',
  severity: 'warning',
  equivalents: ['hadolint:DL3067'],
  lesson: 'multi-stage-builds',
  why:
    '`COPY --from=build / /` brings the builder\'s entire filesystem, compilers, caches and package lists included, into this stage, which undoes the point of a multi-stage build: the image ends up as large as the builder. Copy only the artefacts you need (`COPY --from=build /out/app /usr/local/bin/app`).',
  messages: {
    whole: (from: string) =>
      `This copies everything in \`${from}\` (toolchains, caches, package lists) into this image, so it is as large as that stage. Copy only what the app needs, e.g. \`COPY --from=${from} /out/app /usr/local/bin/app\`.`,
  },
  examples: {
    invalid: [
      'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static\nCOPY --from=build / /',
      'FROM node:22 AS deps\nRUN npm ci\nFROM node:22-slim\nCOPY --from=deps "/" "/"',
    ],
    valid: [
      'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app',
      'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build / /rootfs',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const instruction of dockerfile.instructions) {
      const from = copyFromFlag(instruction);
      const ops = from ? copyOperands(instruction, dockerfile) : null;
      if (!from || !ops) continue;
      if (ops.sources.some((s) => dropQuotes(s.value) === '/') && dropQuotes(ops.dest.value) === '/') {
        report({ instruction, span: instruction.argsSpan ?? undefined, message: messages.whole(from.value) });
      }
    }
  },
});
