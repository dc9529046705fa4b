import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { appendToRun } from '../package-managers/fixes.ts';
import { cleanedAfterInstall, hadolintCommands, hasCacheOrTmpfsMountWith } from '../hadolint/index.ts';
import { isZypperClean, isZypperInstall } from '../package-managers/rpm.ts';

export const useZypperClean = defineRule({
  id: 'use-zypper-clean',
  title: 'Run zypper clean in the RUN that installs with zypper',
  category: 'size',
  severity: 'warning',
  equivalents: ['hadolint:DL3036'],
  lesson: 'cleanup-in-the-same-run',
  why:
    '`zypper install` keeps repository metadata and downloaded packages in /var/cache/zypp. Unless the same RUN removes them with `zypper clean` (`zypper cc`), they are stored in the layer for good; a later RUN cannot take them out again. A BuildKit cache mount on /var/cache/zypp keeps them out of the image altogether.',
  messages: {
    missing: () => '`zypper install` leaves its cache in this layer. Add `&& zypper clean --all` at the end of this RUN, or use `RUN --mount=type=cache,target=/var/cache/zypp ...`.',
  },
  examples: {
    invalid: [
      {
        code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0',
        fixed: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean --all',
      },
      'FROM opensuse/leap:15.6\nRUN zypper clean && zypper -n in curl=8.6.0',
    ],
    valid: [
      'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean --all',
      'FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6.0 && zypper cc',
      'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n install curl=8.6.0',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      if (hasCacheOrTmpfsMountWith(run, '/var/cache/zypp')) continue;
      const cmds = hadolintCommands(dockerfile, run);
      if (cleanedAfterInstall(cmds, isZypperInstall, isZypperClean)) continue;
      report({ instruction: run, span: cmds.find(isZypperInstall)?.cmd.span, message: messages.missing(), fix: appendToRun(run, ' && zypper clean --all', 'Add `zypper clean --all` to this RUN') });
    }
  },
});
