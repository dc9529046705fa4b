import { defineRule } from '../define-rule.ts';
import { hadolintCommands } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';

/** Why each command is pointless in a build step, and what to do instead. */
const ADVICE: Record<string, string> = {
  ssh: 'an SSH session needs keys and someone to answer prompts; to fetch private code use `RUN --mount=type=ssh git clone …`, or COPY the files in',
  vim: 'an editor waits for keystrokes that never come; edit files with `sed -i`, or COPY a prepared file',
  shutdown: 'there is no running system to shut down; remove it',
  service: 'there is no init system while building, and a daemon started here is gone when the RUN ends; start it from CMD or ENTRYPOINT',
  ps: 'it lists the processes of the build container, which says nothing about the image; remove it',
  top: 'it is interactive and shows the build container, not the image; remove it',
  free: 'it shows the memory of the build machine, not of the containers that will run the image; remove it',
  kill: 'processes started in a RUN end with it anyway; remove it',
  mount: 'a build has no privileges to mount file systems, and mounts do not end up in the image; use `RUN --mount=type=bind|cache|secret,…` instead',
};

export const noInteractiveCommandsInRun = defineRule({
  id: 'no-interactive-commands-in-run',
  title: 'Do not run interactive or system-management commands in RUN',
  category: 'correctness',
  severity: 'info',
  equivalents: ['hadolint:DL3001'],
  lesson: null,
  why:
    'A RUN step has no terminal, no init system and no one to answer prompts, and nothing it starts survives into the image. Commands such as `ssh`, `vim`, `service`, `shutdown`, `ps`, `top`, `free`, `kill` and `mount` either hang the build, fail, or do nothing useful. ONBUILD RUN triggers are checked too.',
  messages: {
    pointless: (name: string, advice: string) => `\`${name}\` makes no sense in an image build: ${advice}.`,
  },
  examples: {
    invalid: [
      'FROM ubuntu:24.04\nRUN service nginx start',
      'FROM debian:bookworm-slim\nRUN ps aux && top -b -n 1',
      'FROM alpine:3.20\nONBUILD RUN ssh deploy@example.com ./fetch.sh',
    ],
    valid: [
      'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-client procps',
      'FROM alpine:3.20\nRUN sed -i "s/^#Port 22/Port 2222/" /etc/ssh/sshd_config',
      'FROM ubuntu:24.04\nCMD ["nginx", "-g", "daemon off;"]',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const hit = hadolintCommands(dockerfile, run).find((c) => Object.hasOwn(ADVICE, c.name));
      if (!hit) continue;
      report({ instruction: run, span: hit.cmd.span, message: messages.pointless(hit.name, ADVICE[hit.name] as string) });
    }
  },
});
