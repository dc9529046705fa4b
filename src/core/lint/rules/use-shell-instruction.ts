import { defineRule } from '../define-rule.ts';
import { cmdHasArgs, hadolintCommands } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';

export const useShellInstruction = defineRule({
  id: 'use-shell-instruction',
  title: 'Change the default shell with SHELL, not by relinking /bin/sh',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL4005'],
  lesson: null,
  why:
    'Pointing /bin/sh at bash with `ln` changes the shell of every program in the image, including package maintainer scripts and other tools that expect the distribution’s POSIX sh, and nothing in the Dockerfile says so later on. The SHELL instruction changes only the shell that RUN, CMD and ENTRYPOINT use in shell form. As hadolint, the rule flags any `ln` that mentions /bin/sh, in RUN and in ONBUILD RUN.',
  messages: {
    relink: () =>
      '`ln … /bin/sh` swaps the system shell for every program in the image. To run RUN instructions with bash, add `SHELL ["/bin/bash", "-c"]` (or `["/bin/bash", "-o", "pipefail", "-c"]`) instead and leave /bin/sh alone.',
  },
  examples: {
    invalid: ['FROM debian:bookworm-slim\nRUN ln -sf /bin/bash /bin/sh', 'FROM ubuntu:24.04\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh'],
    valid: [
      'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo "bash from here on"',
      'FROM debian:bookworm-slim\nRUN ln -sf /usr/share/zoneinfo/Etc/UTC /etc/localtime',
      'FROM debian:bookworm-slim\nRUN ln -s /opt/tool/bin/tool /usr/local/bin/tool && test -x /bin/sh',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const ln = hadolintCommands(dockerfile, run).find((c) => cmdHasArgs(c, 'ln', ['/bin/sh']));
      if (ln) report({ instruction: run, span: ln.cmd.span, message: messages.relink() });
    }
  },
});
