import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { insertAfterArg } from '../package-managers/fixes.ts';
import { hadolintCommands } from '../hadolint/index.ts';
import { dnfNeedsYes, subcommandWord, YUM_INSTALLS } from '../package-managers/rpm.ts';

export const useDnfAssumeYes = defineRule({
  id: 'use-dnf-assume-yes',
  title: 'Pass -y to dnf and microdnf install',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL3038'],
  lesson: null,
  why:
    'A build has no terminal to answer "Is this ok [y/N]". Without `-y` (`--assumeyes`), `dnf install` takes the missing answer as "no" and the step fails. `-y` makes it non-interactive.',
  messages: {
    missing: (tool: string, sub: string) => `\`${tool} ${sub}\` without \`-y\` stops at a confirmation prompt that a build cannot answer. Add \`-y\`: \`${tool} ${sub} -y <package>\`.`,
  },
  examples: {
    invalid: [
      {
        code: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all',
        fixed: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
      },
      'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install shadow-utils-4.9 && microdnf clean all',
    ],
    valid: [
      'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
      'FROM fedora:40\nRUN dnf --assumeyes install httpd-2.4.62 && dnf clean all',
      'FROM fedora:40\nRUN dnf -y groupinstall "Development Tools" && dnf clean all',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const bad = hadolintCommands(dockerfile, run).filter(dnfNeedsYes);
      const first = bad[0];
      if (!first) continue;
      const edits = insertAfterArg(run, bad, YUM_INSTALLS, ' -y');
      report({ instruction: run, span: first.cmd.span, message: messages.missing(first.name, subcommandWord(first, YUM_INSTALLS)?.value ?? 'install'), fix: edits ? { title: 'Add -y', edits } : undefined });
    }
  },
});
