import { defineRule } from '../define-rule.ts';
import { hadolintCheckedStages, hadolintCommands, hasAnyFlag, hasCacheOrTmpfsMountWith, type HCommand } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';
import { APT_TOOLS } from '../package-managers/os.ts';
import type { Instruction } from '../../parse/model.ts';

const LISTS = '/var/lib/apt/lists';

/** `apt-get update` (any argument `update`, as hadolint checks), or trixie's `apt-get install --update`. */
function isListRefresh(c: HCommand): boolean {
  if (!APT_TOOLS.includes(c.name)) return false;
  if (c.args.some((a) => a.text === 'update')) return true;
  return c.name !== 'aptitude' && hasAnyFlag(c, ['update']) && c.args.some((a) => a.text === 'install');
}

/**
 * Cleanup as hadolint accepts it: an `rm` with the argument `-rf` or `/var/lib/apt/lists/*` (hadolint
 * checks either one, not both), plus `apt-get dist-clean` (apt >= 2.7.8, Debian trixie).
 */
function cleansLists(cmds: readonly HCommand[]): boolean {
  return cmds.some(
    (c) => (c.name === 'rm' && c.args.some((a) => a.text === '-rf' || a.text === `${LISTS}/*`)) || ((c.name === 'apt-get' || c.name === 'apt') && c.args.some((a) => a.text === 'dist-clean')),
  );
}

/** Where ` && rm -rf …` can be appended without landing in a comment or after a dangling operator. */
function appendPoint(run: Instruction, lineText: (line: number) => string): { line: number; column: number } | null {
  if (!run.shell || run.json || run.heredocs.length > 0 || run.shell.hasError) return null;
  const end = run.span;
  const last = lineText(end.endLine).slice(0, end.endColumn - 1);
  if (/#/.test(last.replace(/'[^']*'|"[^"]*"/g, ''))) return null;
  if (/(&&|\|\||[;&|\\])\s*$/.test(last)) return null;
  return { line: end.endLine, column: end.endColumn };
}

export const noAptListsLeftBehind = defineRule({
  id: 'no-apt-lists-left-behind',
  title: 'Remove the apt lists in the RUN that runs apt-get update',
  category: 'size',
  severity: 'info',
  equivalents: ['hadolint:DL3009'],
  lesson: 'cleanup-in-the-same-run',
  why:
    '`apt-get update` downloads package lists (about 20-40 MB on Debian) into /var/lib/apt/lists. Unless the same RUN deletes them, they are stored in that layer forever; deleting them in a later RUN only hides them. Only the final stage, stages a later FROM builds on, and ONBUILD triggers are checked, because other stages do not ship. A cache or tmpfs mount on the lists directory also keeps them out of the layer.',
  messages: {
    missing: (tool: string) =>
      `\`${tool} update\` leaves its package lists (tens of MB) in this layer, even if a later RUN deletes them. End this RUN with \`&& rm -rf ${LISTS}/*\` (on Debian trixie and later, \`&& apt-get dist-clean\`), or mount a cache: \`RUN --mount=type=cache,target=${LISTS} …\`.`,
    installUpdate: (tool: string) =>
      `\`${tool} install --update\` refreshes the package lists first and leaves them (tens of MB) in this layer. End this RUN with \`&& rm -rf ${LISTS}/*\` or \`&& apt-get dist-clean\`, or mount a cache on ${LISTS}.`,
  },
  examples: {
    invalid: [
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
      {
        code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl',
        fixed: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
      },
      'FROM debian:bookworm AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl", "--version"]',
      'FROM debian:trixie\nRUN apt-get install --update -y --no-install-recommends curl',
      'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl',
      'FROM debian:bookworm AS build\nONBUILD RUN apt-get update && apt-get install -y make\nFROM scratch\nCOPY --from=build /etc/os-release /',
    ],
    valid: [
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
      'FROM debian:trixie\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean',
      'FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:bookworm-slim\nCOPY --from=build /usr/bin/gcc /usr/bin/gcc',
      'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl',
      'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update',
      'FROM debian:bookworm\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl',
    ],
  },
  check({ dockerfile, report }, messages) {
    const checked = hadolintCheckedStages(dockerfile);
    for (const run of runs(dockerfile)) {
      // hadolint checks every ONBUILD trigger, whatever its stage.
      if (!run.onbuildParent && !checked.has(run.stage)) continue;
      const cmds = hadolintCommands(dockerfile, run);
      const refresh = cmds.find(isListRefresh);
      if (!refresh || cleansLists(cmds)) continue;
      if (hasCacheOrTmpfsMountWith(run, LISTS) || (hasCacheOrTmpfsMountWith(run, '/var/lib/apt') && hasCacheOrTmpfsMountWith(run, '/var/cache/apt'))) continue;
      const at = appendPoint(run, (l) => dockerfile.lineText(l));
      const isUpdate = refresh.args.some((a) => a.text === 'update');
      report({
        instruction: run,
        span: refresh.cmd.span,
        message: isUpdate ? messages.missing(refresh.name) : messages.installUpdate(refresh.name),
        fix: at ? { title: `Add \`rm -rf ${LISTS}/*\` to this RUN`, edits: [{ span: { line: at.line, column: at.column, endLine: at.line, endColumn: at.column }, text: ` && rm -rf ${LISTS}/*` }] } : undefined,
      });
    }
  },
});
