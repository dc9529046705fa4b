import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { appendToRun } from '../package-managers/fixes.ts';
import { cleanedAfterInstall, hadolintCommands } from '../hadolint/index.ts';
import { isYumClean, isYumInstall } from '../package-managers/rpm.ts';

export const useYumCleanAll = defineRule({
  id: 'use-yum-clean-all',
  title: 'Run yum clean all in the RUN that installs with yum',
  category: 'size',
  severity: 'warning',
  equivalents: ['hadolint:DL3032'],
  lesson: 'cleanup-in-the-same-run',
  why:
    '`yum install` leaves repository metadata and downloaded packages in /var/cache/yum, often 100 MB or more. Files deleted in a later RUN still sit in this layer, so the cleanup has to happen in the same RUN, after the install: `yum clean all` (or `rm -rf /var/cache/yum/*`).',
  messages: {
    missing: () => '`yum install` leaves its cache (repository metadata and packages) in this layer. Add `&& yum clean all` at the end of this RUN.',
  },
  examples: {
    invalid: [
      {
        code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6',
        fixed: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
      },
      'FROM centos:7\nRUN yum clean all && yum install -y httpd-2.4.6',
      'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean metadata',
    ],
    valid: [
      'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
      'FROM centos:7\nRUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum/*',
      'FROM centos:7\nRUN yum makecache',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const cmds = hadolintCommands(dockerfile, run);
      if (cleanedAfterInstall(cmds, isYumInstall, isYumClean)) continue;
      report({ instruction: run, span: cmds.find(isYumInstall)?.cmd.span, message: messages.missing(), fix: appendToRun(run, ' && yum clean all', 'Add `yum clean all` to this RUN') });
    }
  },
});
