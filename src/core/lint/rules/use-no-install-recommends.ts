import { defineRule } from '../define-rule.ts';
import { cmdHasArgs, hadolintCommands, hasAnyFlag, type HCommand } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';
import { insertAfterArg } from '../package-managers/fixes.ts';

/** As hadolint DL3015: `--no-install-recommends`, or the argument `APT::Install-Recommends=false`. */
function skipsRecommends(c: HCommand): boolean {
  return hasAnyFlag(c, ['no-install-recommends']) || c.args.some((a) => a.text === 'APT::Install-Recommends=false');
}

export const useNoInstallRecommends = defineRule({
  id: 'use-no-install-recommends',
  title: 'Install apt packages with --no-install-recommends',
  category: 'size',
  severity: 'info',
  equivalents: ['hadolint:DL3015'],
  lesson: 'choosing-a-base-image',
  why:
    'By default apt also installs every package that the requested ones merely "recommend": documentation, optional helpers, sometimes whole toolchains. On Debian bookworm `gcc` is 180 MB without recommends and 269 MB with them. `--no-install-recommends` installs only what is required; add back the few recommended packages you really need by name.',
  messages: {
    missing: () =>
      '`apt-get install` without `--no-install-recommends` also pulls in every recommended package, often tens of MB the image never uses. Add `--no-install-recommends` and name any extra package you need explicitly.',
  },
  examples: {
    invalid: [
      {
        code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
        fixed: 'FROM debian:bookworm\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*',
      },
      'FROM debian:bookworm\nRUN apt-get -y install python3',
      'FROM debian:bookworm\nONBUILD RUN apt-get install -y make',
    ],
    valid: [
      'FROM debian:bookworm\nRUN apt-get install -y --no-install-recommends curl',
      'FROM debian:bookworm\nRUN apt-get -o APT::Install-Recommends=false install -y python3',
      'FROM debian:bookworm\nRUN apt-get update && apt-get upgrade -y',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const bad = hadolintCommands(dockerfile, run).filter((c) => cmdHasArgs(c, 'apt-get', ['install']) && !skipsRecommends(c));
      const first = bad[0];
      if (!first) continue;
      const edits = insertAfterArg(run, bad, ['install'], ' --no-install-recommends');
      report({ instruction: run, span: first.cmd.span, message: messages.missing(), fix: edits ? { title: 'Add --no-install-recommends', edits } : undefined });
    }
  },
});
