import { defineRule } from '../define-rule.ts';
import { flagArgs, hadolintCommands, hasAnyFlag } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';
import { insertAfter } from '../package-managers/fixes.ts';

export const useUseraddNoLogInit = defineRule({
  id: 'use-useradd-no-log-init',
  title: 'Use useradd -l (--no-log-init) with a large UID',
  category: 'size',
  severity: 'warning',
  equivalents: ['hadolint:DL3046'],
  lesson: null,
  why:
    '`useradd` records the new user in /var/log/lastlog and /var/log/faillog, files indexed by UID. With a large UID (six digits or more) they become sparse files of gigabytes; image layers do not keep files sparse, so the layer really grows by that much. `-l` (`--no-log-init`) skips those records.',
  messages: {
    missing: (uid: string, fromVariable: boolean) =>
      `\`useradd -u ${uid}\` without \`-l\` writes /var/log/lastlog and /var/log/faillog sized by the UID; with a large UID they are sparse files of up to gigabytes, which the layer stores in full${fromVariable ? ' (the UID comes from a variable, so it may be large)' : ''}. Add \`--no-log-init\` (\`-l\`).`,
  },
  examples: {
    invalid: [
      {
        code: 'FROM debian:bookworm\nRUN useradd -u 123456 app',
        fixed: 'FROM debian:bookworm\nRUN useradd --no-log-init -u 123456 app',
      },
      'FROM debian:bookworm\nRUN groupadd -g 100000 app && useradd -m -u 100000 -g app app',
      'FROM debian:bookworm\nARG APP_UID=1000\nRUN useradd -u "$APP_UID" app',
    ],
    valid: [
      'FROM debian:bookworm\nRUN useradd app',
      'FROM debian:bookworm\nRUN useradd -u 12345 app',
      'FROM debian:bookworm\nRUN useradd -l -u 123456 app',
      'FROM debian:bookworm\nRUN useradd --no-log-init --uid 123456 app',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const bad = hadolintCommands(dockerfile, run).filter(
        (c) => c.name === 'useradd' && !hasAnyFlag(c, ['l', 'no-log-init']) && hasAnyFlag(c, ['u', 'uid']) && flagArgs(c, 'u').some((a) => a.text.length > 5),
      );
      const first = bad[0];
      if (!first) continue;
      const uidArg = flagArgs(first, 'u').find((a) => a.text.length > 5);
      const edits = bad.map((c) => insertAfter(run, c.nameWord, ' --no-log-init'));
      const fix = edits.every((e) => e !== null) ? { title: 'Add --no-log-init', edits: edits.filter((e) => e !== null) } : undefined;
      report({ instruction: run, span: first.cmd.span, message: messages.missing(uidArg?.word.raw ?? '', uidArg?.word.dynamic ?? false), fix });
    }
  },
});
