import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { hadolintCommands } from '../hadolint/index.ts';
import { isZypperDistUpgrade } from '../package-managers/rpm.ts';

export const noZypperDistUpgrade = defineRule({
  id: 'no-zypper-dist-upgrade',
  title: 'Do not run zypper dist-upgrade in a Dockerfile',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3035'],
  lesson: null,
  why:
    '`zypper dist-upgrade` (`dup`) moves the whole distribution to whatever the repositories offer today, possibly across releases, so the image depends on the day it was built and can break in ways the base image was never tested for. Start from a newer base image tag instead, and use `zypper patch` or `zypper update` for fixes within the release.',
  messages: {
    dup: (sub: string) => `\`zypper ${sub}\` upgrades the whole distribution to whatever the repositories hold today, so builds are not repeatable. Use a newer base image tag, or \`zypper -n patch\` for security fixes.`,
  },
  examples: {
    invalid: ['FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade', 'FROM opensuse/tumbleweed\nRUN zypper --non-interactive dup && zypper clean'],
    valid: ['FROM opensuse/leap:15.6\nRUN zypper -n patch && zypper clean', 'FROM opensuse/leap:15.6\nRUN zypper -n update && zypper clean'],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const c = hadolintCommands(dockerfile, run).find(isZypperDistUpgrade);
      if (c) report({ instruction: run, span: c.cmd.span, message: messages.dup(c.args.find((a) => a.text === 'dup' || a.text === 'dist-upgrade')?.text ?? 'dist-upgrade') });
    }
  },
});
