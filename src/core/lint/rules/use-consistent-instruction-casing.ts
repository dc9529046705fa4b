import { defineRule } from '../define-rule.ts';
import type { Instruction, ParsedDockerfile } from '../../parse/model.ts';

export const KEYWORDS: ReadonlySet<string> = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/**
 * BuildKit's ConsistentInstructionCasing: instructions of the stages (FROM included, ARGs before the first
 * FROM and ONBUILD triggers not) vote lowercase or uppercase; mixed-case keywords do not vote. A tie means
 * uppercase. Returns the instructions whose keyword differs from the majority, and that majority.
 */
export function inconsistentCasing(df: ParsedDockerfile): { majority: 'lowercase' | 'uppercase'; offenders: Instruction[] } {
  const counted = df.instructions.filter((i) => i.stage >= 0 && KEYWORDS.has(i.keyword));
  let lower = 0;
  let upper = 0;
  for (const i of counted) {
    if (i.keywordRaw === i.keywordRaw.toLowerCase()) lower++;
    else if (i.keywordRaw === i.keywordRaw.toUpperCase()) upper++;
  }
  const majority = lower > upper ? 'lowercase' : 'uppercase';
  const offenders = counted.filter((i) => i.keywordRaw !== (majority === 'lowercase' ? i.keywordRaw.toLowerCase() : i.keywordRaw.toUpperCase()));
  return { majority, offenders };
}

export const useConsistentInstructionCasing = defineRule({
  id: 'use-consistent-instruction-casing',
  title: 'Write all instructions in the same case',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['buildkit:ConsistentInstructionCasing'],
  lesson: null,
  why:
    'Instruction keywords are case-insensitive, but a file that mixes `RUN` and `run` (or writes `Run`) is harder to scan and usually a sign of pasted snippets. As BuildKit does, the casing most instructions use wins (uppercase on a tie) and every instruction that differs is reported. Uppercase is the usual convention; see use-uppercase-instructions.',
  messages: {
    mismatch: (raw: string, majority: string, fixed: string) =>
      `\`${raw}\` is not ${majority} like most instructions in this file. Write \`${fixed}\`.`,
  },
  examples: {
    invalid: [
      { code: 'FROM alpine:3.20\nrun apk add --no-cache curl\nCMD ["sh"]', fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["sh"]' },
      { code: 'FROM alpine:3.20\nCopy app /app\nCMD ["/app"]', fixed: 'FROM alpine:3.20\nCOPY app /app\nCMD ["/app"]' },
      { code: 'from alpine:3.20\nrun apk add --no-cache curl\nCMD ["sh"]', fixed: 'from alpine:3.20\nrun apk add --no-cache curl\ncmd ["sh"]' },
    ],
    valid: ['FROM alpine:3.20\nRUN apk add --no-cache curl', 'from alpine:3.20\nrun apk add --no-cache curl', 'arg BASE=alpine:3.20\nFROM ${BASE}\nRUN true'],
  },
  check({ dockerfile, report }, messages) {
    const { majority, offenders } = inconsistentCasing(dockerfile);
    for (const i of offenders) {
      const fixed = majority === 'lowercase' ? i.keywordRaw.toLowerCase() : i.keywordRaw.toUpperCase();
      report({
        instruction: i,
        span: i.keywordSpan,
        message: messages.mismatch(i.keywordRaw, majority, fixed),
        fix: { title: `Write ${fixed}`, edits: [{ span: i.keywordSpan, text: fixed }] },
      });
    }
  },
});
