import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { insertAfter } from '../package-managers/fixes.ts';
import { hadolintCommands } from '../hadolint/index.ts';
import { subcommandWord, ZYPPER_CHANGES, zypperNeedsNonInteractive } from '../package-managers/rpm.ts';

export const useZypperNonInteractive = defineRule({
  id: 'use-zypper-non-interactive',
  title: 'Run zypper non-interactively',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL3034'],
  lesson: null,
  why:
    'zypper asks for confirmation before it installs, removes or patches anything, and a build cannot answer. Pass the global `-n` (`--non-interactive`) option, or `-y` (`--no-confirm`) to the subcommand, so the step runs unattended.',
  messages: {
    missing: (sub: string) => `\`zypper ${sub}\` waits for a confirmation that a build cannot give. Run it as \`zypper -n ${sub} <package>\` (or add \`-y\`).`,
  },
  examples: {
    invalid: [
      {
        code: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean',
        fixed: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean',
      },
      'FROM opensuse/leap:15.6\nRUN zypper rm vim-small',
    ],
    valid: [
      'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean',
      'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl=8.6.0 && zypper clean',
      'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean',
      'FROM opensuse/leap:15.6\nRUN zypper remove --no-confirm vim-small',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const bad = hadolintCommands(dockerfile, run).filter(zypperNeedsNonInteractive);
      const first = bad[0];
      if (!first) continue;
      const edits = bad.map((c) => insertAfter(run, c.nameWord, ' -n'));
      const fix = edits.every((e) => e !== null) ? { title: 'Add -n (--non-interactive)', edits: edits.filter((e) => e !== null) } : undefined;
      report({ instruction: run, span: first.cmd.span, message: messages.missing(subcommandWord(first, ZYPPER_CHANGES)?.value ?? 'install'), fix });
    }
  },
});
