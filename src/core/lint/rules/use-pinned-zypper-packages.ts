import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { hadolintCommands, ownArgsView, wrappedNameMessage, wrapperOf } from '../hadolint/index.ts';
import { zypperPackageIsPinned, zypperPackages } from '../package-managers/rpm.ts';

export const usePinnedZypperPackages = defineRule({
  id: 'use-pinned-zypper-packages',
  title: 'Pin the versions of packages installed with zypper',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3037'],
  lesson: null,
  why:
    '`zypper install curl` installs whatever the repositories offer on the day of the build, so rebuilds of the same Dockerfile drift apart. Give a version or a range: `curl=8.6.0`, `curl>=8.6`. `.rpm` files are not flagged.',
  messages: {
    unpinned: (name: string) => `\`${name}\` has no version, so each build installs whatever is newest. Pin it, e.g. \`zypper -n install ${name}=<version>\`.`,
    wrapped: (wrapper: string, word: string) => wrappedNameMessage('DL3037', wrapper, 'zypper', [word], 'package'),
  },
  examples: {
    invalid: ['FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean', 'FROM opensuse/leap:15.6\nRUN zypper -n in git-core=2.43.0 tar && zypper clean'],
    valid: [
      'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 "git-core>=2.43" && zypper clean',
      'FROM opensuse/leap:15.6\nRUN zypper -n install /tmp/app-1.0-1.x86_64.rpm && zypper clean',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      for (const c of hadolintCommands(dockerfile, run)) {
        const bad = zypperPackages(c).find((p) => !zypperPackageIsPinned(p));
        if (bad === undefined) continue;
        // `exec zypper install x`: hadolint also counts `zypper` itself; the message names the package after it.
        const shown = zypperPackages(ownArgsView(c)).find((p) => !zypperPackageIsPinned(p));
        const wrapper = shown === undefined ? wrapperOf(c) : null;
        report({ instruction: run, span: c.cmd.span, message: wrapper ? messages.wrapped(wrapper, bad) : messages.unpinned(shown ?? bad) });
        break;
      }
    }
  },
});
