import { defineRule } from '../define-rule.ts';
import { commandsOf, hasCacheMount, lastOrReusedStageIndexes, runs } from '../helpers.ts';
import { isCommand } from '../../shell/query.ts';

const LISTS = '/var/lib/apt/lists';

export const noAptListsLeftBehind = defineRule({
  id: 'no-apt-lists-left-behind',
  title: 'Remove the apt lists in the RUN that runs apt-get update',
  category: 'size',
  severity: 'info',
  equivalents: ['hadolint:DL3009'],
  lesson: 'cleanup-in-the-same-run',
  why:
    '`apt-get update` downloads package lists (about 20-40 MB on Debian) into /var/lib/apt/lists. Unless the same RUN deletes them, they are stored in that layer forever; deleting them in a later RUN only hides them. Only the final stage (and stages a later FROM builds on) is checked, because other stages do not ship.',
  messages: {
    missing: (tool: string) =>
      `\`${tool} update\` leaves its package lists (tens of MB) in this layer. Add \`&& rm -rf ${LISTS}/*\` at the end of this RUN, or use a cache mount on ${LISTS}.`,
  },
  examples: {
    invalid: [
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
      {
        code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl',
        fixed: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
      },
    ],
    valid: [
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
      'FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:bookworm\nCOPY --from=build /x /x',
      'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl',
      'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update',
    ],
  },
  check({ dockerfile, report }, messages) {
    const checked = lastOrReusedStageIndexes(dockerfile);
    for (const run of runs(dockerfile)) {
      if (!checked.has(run.stage) && !run.onbuildParent) continue;
      const cmds = commandsOf(run);
      const update = cmds.find((c) => isCommand(c, ['apt-get', 'apt', 'aptitude'], 'update'));
      if (!update) continue;
      const cleaned = cmds.some(
        (c) => c.name === 'rm' && c.args.some((a) => a.value.startsWith('-') && /r|R/.test(a.value)) && c.args.some((a) => /^\/var\/lib\/apt\/lists\/?(\*)?$/.test(a.value)),
      );
      const mounted =
        hasCacheMount(run, (t) => t === LISTS) || (hasCacheMount(run, (t) => t === '/var/lib/apt') && hasCacheMount(run, (t) => t === '/var/cache/apt'));
      if (cleaned || mounted) continue;
      const end = run.shell && !run.json && run.heredocs.length === 0 ? run.span : null;
      report({
        instruction: run,
        span: update.span,
        message: messages.missing(update.name),
        fix: end ? { title: `Add \`rm -rf ${LISTS}/*\` to this RUN`, edits: [{ span: { line: end.endLine, column: end.endColumn, endLine: end.endLine, endColumn: end.endColumn }, text: ` && rm -rf ${LISTS}/*` }] } : undefined,
      });
    }
  },
});
