import { defineRule } from '../define-rule.ts';
import { cmdHasArgs, hadolintCommands, hasAnyFlag, type HCommand } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';

/** As hadolint DL3047: --progress, or a flag that already quiets or redirects wget's output. */
function quietEnough(c: HCommand): boolean {
  return hasAnyFlag(c, ['progress', 'q', 'quiet', 'o', 'output-file', 'a', 'append-output', 'no-verbose']) || cmdHasArgs(c, 'wget', ['-nv']);
}

export const useWgetProgressOption = defineRule({
  id: 'use-wget-progress-option',
  title: 'Tame wget\'s progress bar in builds',
  category: 'maintainability',
  severity: 'info',
  equivalents: ['hadolint:DL3047'],
  lesson: null,
  why:
    'Without a terminal, GNU wget prints its progress as a line of dots per few KB, so downloading a large file adds thousands of lines to the build log and buries real errors. `--progress=dot:giga` prints one line per 32 MB; `-nv` prints one line per file; `-q` prints nothing.',
  messages: {
    missing: () =>
      '`wget` without `--progress` floods the build log with progress dots for large downloads. Use `wget --progress=dot:giga …` (GNU wget), `-nv` (one line per file) or `-q`; Alpine\'s busybox wget only understands `-q`.',
  },
  examples: {
    invalid: [
      'FROM debian:bookworm\nRUN wget https://example.com/app.tar.gz',
      'FROM debian:bookworm\nRUN wget -O /tmp/app.tar.gz https://example.com/app.tar.gz && tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz',
      'FROM debian:bookworm AS base\nONBUILD RUN wget https://example.com/app.tar.gz',
    ],
    valid: [
      'FROM debian:bookworm\nRUN wget --progress=dot:giga https://example.com/app.tar.gz',
      'FROM debian:bookworm\nRUN wget -q https://example.com/app.tar.gz',
      'FROM debian:bookworm\nRUN wget -nv https://example.com/app.tar.gz',
      'FROM debian:bookworm\nRUN wget --no-verbose https://example.com/app.tar.gz',
      'FROM debian:bookworm\nRUN wget -o /tmp/wget.log https://example.com/app.tar.gz',
      'FROM debian:bookworm\nRUN wget --append-output=/tmp/wget.log https://example.com/app.tar.gz',
      'FROM alpine:3.20\nRUN wget -qO- https://example.com/install.sh | sh',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const bad = hadolintCommands(dockerfile, run).find((c) => c.name === 'wget' && !quietEnough(c));
      if (bad) report({ instruction: run, span: bad.cmd.span, message: messages.missing() });
    }
  },
});
