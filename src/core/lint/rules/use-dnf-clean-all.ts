import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { appendToRun } from '../package-managers/fixes.ts';
import { cleanedAfterInstall, hadolintCommands, hasCacheOrTmpfsMountWith } from '../hadolint/index.ts';
import { DNF, isDnfClean, isDnfInstall } from '../package-managers/rpm.ts';

export const useDnfCleanAll = defineRule({
  id: 'use-dnf-clean-all',
  title: 'Run dnf clean all in the RUN that installs with dnf or microdnf',
  category: 'size',
  severity: 'warning',
  equivalents: ['hadolint:DL3040'],
  lesson: 'cleanup-in-the-same-run',
  why:
    '`dnf install`, `upgrade` and `reinstall` leave repository metadata and downloaded packages in /var/cache (libdnf5 or dnf), easily 100 MB or more. Deleting them in a later RUN does not shrink the image, so run `dnf clean all` (or `microdnf clean all`) at the end of the same RUN, or keep the cache out with a BuildKit cache mount.',
  messages: {
    missing: (tool: string, sub: string) =>
      `\`${tool} ${sub}\` leaves its cache in this layer. Add \`&& ${tool} clean all\` at the end of this RUN, or use \`RUN --mount=type=cache,target=/var/cache/libdnf5 ...\`.`,
  },
  examples: {
    invalid: [
      {
        code: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62',
        fixed: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
      },
      'FROM fedora:40\nRUN dnf -y upgrade',
      'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar-1.34 && dnf clean all',
    ],
    valid: [
      'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
      'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar-1.34 && microdnf clean all',
      'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && rm -rf /var/cache/yum/*',
      'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd-2.4.62',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      if (hasCacheOrTmpfsMountWith(run, '/var/cache/libdnf5') || hasCacheOrTmpfsMountWith(run, '.cache/libdnf5')) continue;
      const cmds = hadolintCommands(dockerfile, run);
      const tool = DNF.find((t) => !cleanedAfterInstall(cmds, (c) => isDnfInstall(c, t), (c) => isDnfClean(c, t)));
      if (!tool) continue;
      const install = cmds.find((c) => isDnfInstall(c, tool));
      const sub = install?.args.find((a) => !a.value.startsWith('-') && a.word !== install.nameWord)?.value ?? 'install';
      report({ instruction: run, span: install?.cmd.span, message: messages.missing(tool, sub), fix: appendToRun(run, ` && ${tool} clean all`, `Add \`${tool} clean all\` to this RUN`) });
    }
  },
});
