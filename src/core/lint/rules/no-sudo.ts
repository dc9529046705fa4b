import { defineRule } from '../define-rule.ts';
import { hadolintCommands } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';

export const noSudo = defineRule({
  id: 'no-sudo',
  title: 'Do not use sudo in RUN',
  category: 'security',
  severity: 'error',
  equivalents: ['hadolint:DL3004'],
  lesson: 'runtime-hygiene',
  why:
    'RUN already runs as root unless a USER instruction changed that, so `sudo` adds nothing but a package with a large attack surface, a sudoers file to maintain, and surprises with tty, environment and password prompts. Switch users with USER around the steps that need root, and use `gosu` or `su-exec` in an entrypoint when a process must drop privileges at run time. ONBUILD RUN triggers are checked too.',
  messages: {
    sudo: () =>
      '`sudo` in a build step is unpredictable (tty, environment, password prompts) and keeps sudo in the image. Run the step as root instead: put `USER root` before it and `USER <app user>` after it, or drop `sudo` if no USER was set. To drop privileges at run time, use `gosu`/`su-exec` in the entrypoint.',
  },
  examples: {
    invalid: [
      'FROM ubuntu:24.04\nRUN sudo apt-get update',
      'FROM ubuntu:24.04\nUSER app\nRUN mkdir -p /home/app/data && sudo chown app /home/app/data',
      'FROM ubuntu:24.04\nONBUILD RUN sudo make install',
    ],
    valid: [
      'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends sudo',
      'FROM ubuntu:24.04\nUSER root\nRUN chown app /srv/data\nUSER app',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const sudo = hadolintCommands(dockerfile, run).find((c) => c.name === 'sudo');
      if (sudo) report({ instruction: run, span: sudo.cmd.nameWord?.span ?? sudo.cmd.span, message: messages.sudo() });
    }
  },
});
