import { defineRule } from '../define-rule.ts';
import { copyOperands, dropQuotes, rawImageParts } from '../image-syntax.ts';

/** Absolute (`/x`, `C:\x`, `C:/x`) or a variable (`$DIR`): not relative to the working directory as written. */
function absoluteOrVariable(dest: string): boolean {
  const d = dropQuotes(dest);
  const afterDrive = d.slice(1);
  return d.startsWith('/') || afterDrive.startsWith(':\\') || afterDrive.startsWith(':/') || d.startsWith('$');
}

export const useWorkdirBeforeRelativeCopy = defineRule({
  id: 'use-workdir-before-relative-copy',
  title: 'Set WORKDIR before COPY to a relative path',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL3045'],
  lesson: 'runtime-hygiene',
  why:
    'A relative COPY destination lands in the current working directory, which without a WORKDIR is whatever the base image chose (often `/`), so files end up in a place nobody expects and a change of base image silently moves them. Set `WORKDIR /app` first, or write an absolute destination. As in hadolint, a WORKDIR counts when it is in this stage or in the stage this one is built `FROM`; the base image\'s own WORKDIR is not known and does not count.',
  messages: {
    splitQuoted: (dest: string) =>
      `\`${dest}\` is the end of a quoted path with a space: outside the JSON form, COPY splits its arguments at spaces even inside quotes, so the destination is this relative fragment. Use the JSON form for paths with spaces: \`COPY ["src", "C:\\\\Program Files\\\\app\\\\"]\`.`,
    relative: (dest: string) =>
      `\`${dest}\` is relative, and no WORKDIR is set in this stage, so the files go to the base image's working directory (often \`/\`). Add \`WORKDIR /app\` (or the directory you mean) before this COPY, or use an absolute destination.`,
  },
  examples: {
    invalid: ['FROM node:22-slim\nCOPY package.json package-lock.json ./', 'FROM python:3.12-slim AS base\nWORKDIR /app\nFROM python:3.12-slim\nCOPY app.py app.py'],
    valid: [
      'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./',
      'FROM python:3.12-slim\nCOPY app.py /app/app.py',
      'FROM python:3.12-slim AS base\nWORKDIR /app\nFROM base AS test\nCOPY tests tests',
      'FROM alpine:3.20\nCOPY entrypoint.sh $APP_HOME/',
    ],
  },
  check({ dockerfile, report }, messages) {
    // hadolint's bookkeeping: stages are keyed by alias, or by image name when unnamed; a stage inherits the
    // WORKDIR flag of the stage (or unnamed stage) whose key equals its image name. `undefined` = no FROM yet,
    // `null` = a WORKDIR seen before the first FROM.
    let current: string | null | undefined;
    let workdirSet = new Map<string | null, boolean>();
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword === 'FROM') {
        const stage = dockerfile.stages[instruction.stage];
        if (!stage) continue;
        const image = rawImageParts(stage.image.raw).name;
        const key = stage.nameRaw ?? image;
        if (current !== undefined) workdirSet.set(key, workdirSet.get(image) ?? false);
        current = key;
      } else if (instruction.keyword === 'WORKDIR') {
        if (current === undefined) {
          current = null;
          workdirSet = new Map([[null, true]]);
        } else {
          workdirSet.set(current, true);
        }
      } else if (instruction.keyword === 'COPY') {
        if (current !== undefined && workdirSet.get(current) === true) continue;
        const ops = copyOperands(instruction, dockerfile);
        if (!ops || absoluteOrVariable(ops.dest.value)) continue;
        const split = !ops.dest.json && /["']$/.test(ops.dest.value) && !/^["']/.test(ops.dest.value);
        report({ instruction, span: ops.dest.span, message: split ? messages.splitQuoted(ops.dest.value) : messages.relative(ops.dest.value) });
      }
    }
  },
});
