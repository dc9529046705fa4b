import type { Fix, Span } from '../../diagnostic.ts';
import type { Instruction, ParsedDockerfile } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { doubleQuotedJson } from './no-single-quoted-json.ts';

/**
 * hadolint (language-docker) reads `[ "a", "b" ]` as exec form: double-quoted strings separated by commas,
 * line continuations allowed, nothing after the `]`. Anything else is shell form.
 */
function isExecForm(i: Instruction, esc: string): boolean {
  const { continuation, exec } = execFormPatterns(esc);
  return exec.test(i.argsText.replace(continuation, ' ').trim());
}

/** The patterns of isExecForm for an escape character (compiled once per character, not per instruction). */
const patterns = new Map<string, { continuation: RegExp; exec: RegExp }>();
function execFormPatterns(esc: string): { continuation: RegExp; exec: RegExp } {
  let p = patterns.get(esc);
  if (!p) {
    const e = esc.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    const str = `"(?:[^"${e}\\n]|${e}[^\\n])*"`;
    p = { continuation: new RegExp(`${e}[ \\t]*\\r?\\n([ \\t]*(#[^\\n]*)?\\r?\\n)*`, 'g'), exec: new RegExp(`^\\[\\s*(${str}\\s*(,\\s*${str}\\s*)*)?\\]$`) };
    patterns.set(esc, p);
  }
  return p;
}

/** `CMD a b` → `CMD ["a", "b"]` for plain words on one line (no quotes, variables, operators or globs). */
function execFix(text: string, span: Span): Fix | undefined {
  if (!/^[A-Za-z0-9_./:=@%+,-]+( +[A-Za-z0-9_./:=@%+,-]+)*$/.test(text.trim()) || span.line !== span.endLine) return undefined;
  const words = text.trim().split(/ +/);
  return { title: 'Rewrite in exec form', edits: [{ span, text: `[${words.map((w) => JSON.stringify(w)).join(', ')}]` }] };
}

/** Converting ENTRYPOINT changes meaning when the stage also has a CMD (exec-form ENTRYPOINT appends it). */
function hasCmd(df: ParsedDockerfile, i: Instruction): boolean {
  return df.instructions.some((x) => x.stage === i.stage && x.keyword === 'CMD');
}

export const useExecFormCmd = defineRule({
  id: 'use-exec-form-cmd',
  title: 'Write CMD and ENTRYPOINT in exec (JSON) form',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'],
  lesson: 'runtime-hygiene',
  why:
    'In shell form the process is started as `/bin/sh -c "…"`, so the shell is PID 1 and your program never receives SIGTERM: `docker stop` waits 10 seconds and then kills it. The exec form `["prog", "arg"]` runs the program directly. As in hadolint, every shell-form CMD and ENTRYPOINT is reported (ONBUILD triggers and HEALTHCHECK are not); BuildKit skips them when the stage sets its own SHELL.',
  messages: {
    shell: (keyword: string) =>
      `${keyword} in shell form runs under \`/bin/sh -c\`, which does not pass signals on. Write it as a JSON array, e.g. ${keyword} ["executable", "arg"].`,
    singleQuotes: (keyword: string) =>
      `This ${keyword} looks like exec form, but single quotes are not valid JSON, so it runs as a shell command under \`/bin/sh -c\`. Use double quotes: ${keyword} ["executable", "arg"].`,
  },
  examples: {
    invalid: [
      { code: 'FROM python:3.12-slim\nCMD gunicorn app.wsgi', fixed: 'FROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]' },
      { code: "FROM node:22-slim\nCMD ['node', 'server.js']", fixed: 'FROM node:22-slim\nCMD ["node", "server.js"]' },
      'FROM alpine:3.20\nENTRYPOINT /entrypoint.sh "$@"',
      'FROM alpine:3.20\nENTRYPOINT ["/entrypoint.sh"] --verbose',
    ],
    valid: [
      'FROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]',
      'FROM alpine:3.20\nENTRYPOINT [ "/bin/sh", "-c", \\\n  "echo start && exec /app" ]',
      'FROM alpine:3.20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1',
      'FROM node:22-slim\nONBUILD CMD npm start',
      'FROM scratch\nCMD []',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const i of dockerfile.instructions) {
      if ((i.keyword !== 'CMD' && i.keyword !== 'ENTRYPOINT') || !i.argsSpan || isExecForm(i, dockerfile.escapeChar)) continue;
      const quoted = i.heredocs.length === 0 ? doubleQuotedJson(i.argsText) : null;
      if (quoted) {
        report({ instruction: i, span: i.argsSpan, message: messages.singleQuotes(i.keyword), fix: { title: 'Use double quotes', edits: [{ span: i.argsSpan, text: quoted }] } });
        continue;
      }
      const fixable = i.heredocs.length === 0 && (i.keyword === 'CMD' || !hasCmd(dockerfile, i));
      report({ instruction: i, span: i.argsSpan, message: messages.shell(i.keyword), fix: fixable ? execFix(i.argsText, i.argsSpan) : undefined });
    }
  },
});
