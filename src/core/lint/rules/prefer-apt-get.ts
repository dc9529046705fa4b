import type { TextEdit } from '../../diagnostic.ts';
import { defineRule } from '../define-rule.ts';
import { argsNoFlags, hadolintCommands, hasExactSpan, ownArgsView } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';

/** `apt` subcommands that `apt-get` runs the same way (apt's `full-upgrade` is apt-get's `dist-upgrade`). */
const SAME_IN_APT_GET: Record<string, string> = {
  install: 'install', reinstall: 'reinstall', remove: 'remove', purge: 'purge', autoremove: 'autoremove',
  update: 'update', upgrade: 'upgrade', 'full-upgrade': 'dist-upgrade', 'dist-upgrade': 'dist-upgrade', clean: 'clean', autoclean: 'autoclean',
};

export const preferAptGet = defineRule({
  id: 'prefer-apt-get',
  title: 'Use apt-get (or apt-cache) in scripts, not apt',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL3027'],
  lesson: null,
  why:
    '`apt` is the interactive front end: its output and behaviour may change between releases and it warns "apt does not have a stable CLI interface. Use with caution in scripts." `apt-get` and `apt-cache` are the stable, script-friendly tools with the same package database.',
  messages: {
    apt: (sub: string | undefined) =>
      sub && SAME_IN_APT_GET[sub]
        ? `\`apt ${sub}\` uses the interactive front end, whose command-line interface is not stable. Use \`apt-get ${SAME_IN_APT_GET[sub]}\` in a Dockerfile.`
        : '`apt` is the interactive front end, whose command-line interface is not stable. Use `apt-get` (install, remove, update) or `apt-cache` (search, show, policy) in a Dockerfile.',
  },
  examples: {
    invalid: [
      {
        code: 'FROM debian:bookworm\nRUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
        fixed: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
      },
      'FROM ubuntu:24.04\nRUN apt search python3 > /tmp/python-packages.txt',
      'FROM ubuntu:24.04 AS base\nONBUILD RUN apt install -y make',
    ],
    valid: [
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
      'FROM debian:bookworm\nRUN apt-cache policy curl',
      'FROM debian:bookworm\nRUN echo apt is not run here',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const apts = hadolintCommands(dockerfile, run).filter((c) => c.name === 'apt');
      const first = apts[0];
      if (!first) continue;
      const subs = apts.map((c) => argsNoFlags(c, ['o', 'c', 't', 'a'])[0]?.text);
      const edits: TextEdit[] = [];
      let fixable = !run.json;
      apts.forEach((c, i) => {
        const sub = subs[i];
        const target = sub === undefined ? undefined : SAME_IN_APT_GET[sub];
        const subWord = argsNoFlags(c, ['o', 'c', 't', 'a'])[0];
        const nameWord = c.nameWord;
        if (target === undefined || !subWord || nameWord.raw !== 'apt' || !hasExactSpan(nameWord) || !hasExactSpan(subWord.word)) {
          fixable = false;
          return;
        }
        edits.push({ span: nameWord.span, text: 'apt-get' });
        if (target !== sub) edits.push({ span: subWord.word.span, text: target });
      });
      report({
        instruction: run,
        span: first.cmd.span,
        // `exec apt install …`: name the subcommand after `apt`, not `apt` itself.
        message: messages.apt(argsNoFlags(ownArgsView(first), ['o', 'c', 't', 'a'])[0]?.text),
        fix: fixable && edits.length ? { title: 'Use apt-get', edits } : undefined,
      });
    }
  },
});
