import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { insertAfterArg } from '../package-managers/fixes.ts';
import { hadolintCommands } from '../hadolint/index.ts';
import { subcommandWord, YUM_INSTALLS, yumNeedsYes } from '../package-managers/rpm.ts';

export const useYumAssumeYes = defineRule({
  id: 'use-yum-assume-yes',
  title: 'Pass -y to yum install',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL3030'],
  lesson: null,
  why:
    'A build has no one to answer the "Is this ok [y/N]" prompt. Without `-y` (`--assumeyes`), `yum install` reads end-of-input as "no" and the build fails, or worse, depends on yum configuration you cannot see. `-y` makes the install non-interactive.',
  messages: {
    missing: (sub: string) => `\`yum ${sub}\` without \`-y\` stops at a confirmation prompt that a build cannot answer. Add \`-y\`: \`yum ${sub} -y <package>\`.`,
  },
  examples: {
    invalid: [
      {
        code: 'FROM rockylinux:9\nRUN yum install httpd-2.4.57 && yum clean all',
        fixed: 'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all',
      },
      'FROM centos:7\nRUN yum groupinstall "Development Tools" && yum clean all',
    ],
    valid: [
      'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all',
      'FROM rockylinux:9\nRUN yum --assumeyes install httpd-2.4.57 && yum clean all',
      'FROM rockylinux:9\nRUN yum -qy localinstall /tmp/app-1.0-1.x86_64.rpm && yum clean all',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const bad = hadolintCommands(dockerfile, run).filter(yumNeedsYes);
      const first = bad[0];
      if (!first) continue;
      const edits = insertAfterArg(run, bad, YUM_INSTALLS, ' -y');
      report({ instruction: run, span: first.cmd.span, message: messages.missing(subcommandWord(first, YUM_INSTALLS)?.value ?? 'install'), fix: edits ? { title: 'Add -y', edits } : undefined });
    }
  },
});
