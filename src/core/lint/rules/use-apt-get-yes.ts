import { defineRule } from '../define-rule.ts';
import { cmdHasArgs, countFlag, hadolintCommands, hasAnyFlag, type HCommand } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';
import { insertAfterArg } from '../package-managers/fixes.ts';

/** As hadolint DL3014: -y/--yes/--assume-yes, or quiet level 2 (`-qq`, `-q -q`, `-q=2`, `--quiet --quiet`). */
function assumesYes(c: HCommand): boolean {
  return hasAnyFlag(c, ['y', 'yes', 'qq', 'assume-yes']) || countFlag(c, 'q') === 2 || countFlag(c, 'quiet') === 2 || c.args.some((a) => a.text === '-q=2');
}

export const useAptGetYes = defineRule({
  id: 'use-apt-get-yes',
  title: 'Run apt-get install with -y',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL3014'],
  lesson: null,
  why:
    'A build has no terminal to answer "Do you want to continue? [Y/n]". Without `-y`, `apt-get install` aborts as soon as it needs to install anything beyond the named packages, so the build fails or depends on what the base image already contains. `-y` (or quiet level 2, `-qq`, which implies it) answers yes.',
  messages: {
    missing: () => '`apt-get install` without `-y` stops at the "Do you want to continue?" prompt, which a build cannot answer, and fails. Add `-y`: `apt-get install -y …`.',
  },
  examples: {
    invalid: [
      {
        code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install --no-install-recommends curl',
        fixed: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
      },
      'FROM debian:bookworm\nRUN apt-get install -q --no-install-recommends curl',
      'FROM debian:bookworm\nONBUILD RUN apt-get install --no-install-recommends make',
    ],
    valid: [
      'FROM debian:bookworm\nRUN apt-get install -y --no-install-recommends curl',
      'FROM debian:bookworm\nRUN apt-get -yq install --no-install-recommends curl',
      'FROM debian:bookworm\nRUN apt-get install --assume-yes --no-install-recommends curl',
      'FROM debian:bookworm\nRUN apt-get install -qq --no-install-recommends curl',
      'FROM debian:bookworm\nRUN apt-get install -q=2 --no-install-recommends curl',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const bad = hadolintCommands(dockerfile, run).filter((c) => cmdHasArgs(c, 'apt-get', ['install']) && !assumesYes(c));
      const first = bad[0];
      if (!first) continue;
      const edits = insertAfterArg(run, bad, ['install'], ' -y');
      report({ instruction: run, span: first.cmd.span, message: messages.missing(), fix: edits ? { title: 'Add -y', edits } : undefined });
    }
  },
});
