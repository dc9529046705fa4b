import { defineRule } from '../define-rule.ts';

const KEYWORDS = new Set(['CMD', 'ENTRYPOINT']);

export const useExecFormCmd = defineRule({
  id: 'use-exec-form-cmd',
  title: 'Write CMD and ENTRYPOINT in exec (JSON) form',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'],
  lesson: 'runtime-hygiene',
  why:
    'In shell form the process is started as `/bin/sh -c "…"`, so the shell is PID 1 and your program never receives SIGTERM: `docker stop` waits 10 seconds and then kills it. The exec form `["prog", "arg"]` runs the program directly. (HEALTHCHECK CMD is checked too, as hadolint does.)',
  messages: {
    shell: (keyword: string) => `${keyword} in shell form runs under \`/bin/sh -c\`, which does not pass signals on. Write it as a JSON array, e.g. ${keyword} ["executable", "arg"].`,
  },
  examples: {
    invalid: [
      {
        code: 'FROM python:3.12-slim\nCMD gunicorn app.wsgi',
        fixed: 'FROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]',
      },
      'FROM alpine:3.20\nENTRYPOINT /entrypoint.sh "$@"',
      'FROM alpine:3.20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1',
    ],
    valid: ['FROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]', 'FROM alpine:3.20\nHEALTHCHECK NONE', 'FROM alpine:3.20\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]'],
  },
  check({ dockerfile, report }, messages) {
    for (const i of dockerfile.instructions) {
      const target = i;
      if (KEYWORDS.has(target.keyword)) {
        if (target.json || !target.argsSpan) continue;
        report({ instruction: target, span: target.argsSpan, message: messages.shell(target.keyword), fix: simpleExecFix(target.argsText, target.argsSpan) });
      } else if (target.keyword === 'HEALTHCHECK') {
        const cmd = target.args.find((a) => a.value.toUpperCase() === 'CMD');
        if (!cmd || target.json) continue;
        report({ instruction: target, span: target.argsSpan ?? undefined, message: messages.shell('HEALTHCHECK CMD') });
      }
    }
  },
});

/** A fix only when the command is plain words: no quotes, variables, operators or continuations. */
function simpleExecFix(text: string, span: import('../../diagnostic.ts').Span) {
  if (!/^[A-Za-z0-9_./:=@%+,-]+( [A-Za-z0-9_./:=@%+,-]+)*$/.test(text.trim()) || span.line !== span.endLine) return undefined;
  const words = text.trim().split(' ');
  return { title: 'Rewrite in exec form', edits: [{ span, text: JSON.stringify(words).replace(/","/g, '", "') }] };
}
