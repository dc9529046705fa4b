import { ValidationCode } from 'dockerfile-utils';
import { defineRule } from '../define-rule.ts';
import { instructionAtLine } from '../helpers.ts';

/** `['a', 'b c']` → `["a", "b c"]` when every element is a plain single-quoted string. */
export function doubleQuotedJson(text: string): string | null {
  const t = text.trim();
  if (!/^\[\s*('[^'"\\\n]*'\s*(,\s*'[^'"\\\n]*'\s*)*)?\]$/.test(t)) return null;
  return t.replace(/'/g, '"');
}

export const noSingleQuotedJson = defineRule({
  id: 'no-single-quoted-json',
  title: 'Use double quotes in JSON (exec) form',
  category: 'correctness',
  severity: 'warning',
  equivalents: [],
  lesson: 'runtime-hygiene',
  why:
    "The exec form is a JSON array, and JSON strings need double quotes. `RUN ['make', 'install']` is not JSON, so the builder treats the whole text as a shell command and runs `/bin/sh -c \"['make', 'install']\"`, which fails or does something unexpected. This rule covers RUN, COPY, ADD, VOLUME and ONBUILD triggers; a top-level CMD or ENTRYPOINT is reported by use-exec-form-cmd instead.",
  messages: {
    single: (keyword: string) =>
      `This ${keyword} looks like exec form, but single quotes are not valid JSON, so the builder runs it as a shell command instead. Use double quotes: ${keyword} ["…", "…"].`,
  },
  examples: {
    invalid: [
      { code: "FROM debian:bookworm-slim\nRUN ['apt-get', 'update']", fixed: 'FROM debian:bookworm-slim\nRUN ["apt-get", "update"]' },
      { code: "FROM postgres:16\nVOLUME ['/var/lib/postgresql/data']", fixed: 'FROM postgres:16\nVOLUME ["/var/lib/postgresql/data"]' },
      { code: "FROM alpine:3.20\nCOPY ['my file.txt', '/data/']", fixed: 'FROM alpine:3.20\nCOPY ["my file.txt", "/data/"]' },
      "FROM alpine:3.20\nRUN ['sh', '-c', 'echo \"hello\"']",
    ],
    valid: ['FROM debian:bookworm-slim\nRUN ["apt-get", "update"]', "FROM alpine:3.20\nRUN echo '[not json]'"],
  },
  check({ dockerfile, syntax, report }, messages) {
    for (const p of syntax) {
      if (p.code !== ValidationCode.JSON_IN_SINGLE_QUOTES) continue;
      const i = instructionAtLine(dockerfile, p.span.line);
      // Top-level CMD and ENTRYPOINT are reported by use-exec-form-cmd (which, like hadolint, skips ONBUILD triggers).
      if (!i || ((i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && !i.onbuildParent)) continue;
      const fixed = i.argsSpan ? doubleQuotedJson(i.argsText) : null;
      report({
        instruction: i,
        span: p.span,
        message: messages.single(i.keyword),
        fix: fixed && i.argsSpan ? { title: 'Use double quotes', edits: [{ span: i.argsSpan, text: fixed }] } : undefined,
      });
    }
  },
});
