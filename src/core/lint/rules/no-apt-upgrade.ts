import { defineRule } from '../define-rule.ts';
import { commandsOf, runs, shippedStageIndexes } from '../helpers.ts';
import { osPackageCommands } from '../package-managers/os.ts';

export const noAptUpgrade = defineRule({
  id: 'no-apt-upgrade',
  title: 'Prefer a fresher base image to apt-get upgrade',
  category: 'size',
  severity: 'info',
  equivalents: [],
  lesson: 'choosing-a-base-image',
  why:
    '`apt-get upgrade` (or `dist-upgrade`, `full-upgrade`) writes a new copy of every upgraded package into the layer, while the old copies stay in the base image layers below: the image grows by the size of all updates, and what you get depends on the day you build. A newer tag of the base image (official images are rebuilt regularly with the updates applied) gives the same fixes without the duplicate bytes. hadolint used to warn about this as DL3005 and dropped the rule because upgrading is a valid security choice, so this is only a size hint.',
  messages: {
    upgrade: (command: string) =>
      `\`${command}\` stores a second copy of every upgraded package in this layer (the old files stay in the base image's layers) and makes the result depend on the build date. To get the updates, rebuild on a fresher tag of the base image (e.g. a newer \`debian:bookworm-slim\`, or a dated tag such as \`debian:bookworm-20240722-slim\`); upgrade only the packages you must with \`apt-get install --only-upgrade <pkg>\`.`,
  },
  examples: {
    invalid: [
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*',
      'FROM ubuntu:24.04\nRUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*',
      'FROM debian:bookworm-slim\nRUN apt update && apt full-upgrade -y && rm -rf /var/lib/apt/lists/*',
    ],
    valid: [
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends --only-upgrade openssl && rm -rf /var/lib/apt/lists/*',
      'FROM debian:bookworm AS build\nRUN apt-get update && apt-get upgrade -y\nFROM debian:bookworm-slim\nCOPY --from=build /etc/os-release /tmp/',
      'FROM debian:bookworm-slim\nRUN echo "no apt-get upgrade here"',
    ],
  },
  check({ dockerfile, report }, messages) {
    const shipped = shippedStageIndexes(dockerfile);
    for (const run of runs(dockerfile, { onbuild: false })) {
      if (!shipped.has(run.stage)) continue;
      for (const p of osPackageCommands(commandsOf(run))) {
        if (p.family !== 'apt' || p.action !== 'upgrade') continue;
        report({ instruction: run, span: p.cmd.span, message: messages.upgrade(`${p.tool} ${p.subcommand ?? 'upgrade'}`) });
      }
    }
  },
});
