/**
 * apk: `apk add --no-cache` stores no index; `apk update`, `apk add` without `--no-cache`
 * (and `--update`/`-U`) leave APKINDEX files in /var/cache/apk (size-data.md §4c).
 * Package sizes are not loaded yet, so added packages are unknown.
 */
import { hasFlag } from '../../shell/query.ts';
import type { ShellCommand } from '../../shell/types.ts';
import { apkVirtualName, osPackageCommand } from '../../lint/package-managers/os.ts';
import { formatBytes } from '../bytes.ts';
import { APK_INDEX, SMALL_WRITE, SMALL_WRITE_WHY, UNKNOWN_COMMAND, UNKNOWN_COMMAND_WHY } from '../facts.ts';
import { removePath } from './run-rm.ts';
import { commandText, type StepContext } from './step.ts';

export const APK_CACHE_DIR = '/var/cache/apk';

export function estimateApk(cmd: ShellCommand, ctx: StepContext, run: readonly ShellCommand[]): void {
  const p = osPackageCommand(cmd);
  if (!p) return;
  const text = commandText(cmd.name, cmd.args);
  const noCache = hasFlag(cmd, '--no-cache');
  const refresh = hasFlag(cmd, '--update', '--update-cache', '-U');
  switch (p.subcommand) {
    case 'add': {
      if (!noCache) addIndex(ctx, text);
      const names = p.packages.map((w) => w.value);
      const virtual = apkVirtualName(p);
      const removedLater = virtual !== undefined && run.some((c) => c !== cmd && c.name === 'apk' && osPackageCommand(c)?.subcommand === 'del' && c.args.some((a) => a.value === virtual.name));
      ctx.unknown({
        command: text,
        reason: `apk package sizes are not loaded yet: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''} not counted${removedLater ? ` (the --virtual group ${virtual.name} is deleted in this same RUN, so little of it should remain)` : ''}`,
        assumed: removedLater ? SMALL_WRITE : UNKNOWN_COMMAND,
        assumedWhy: removedLater ? 'assumed: packages added and deleted in the same RUN leave only small apk database changes, up to 1 MB' : UNKNOWN_COMMAND_WHY,
      });
      return;
    }
    case 'update':
      if (!noCache) addIndex(ctx, text);
      return;
    case 'upgrade':
      if (!noCache && refresh) addIndex(ctx, text);
      ctx.unknown({ command: text, reason: 'package upgrades are not modelled yet (which packages have newer versions depends on the build date)', assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
      return;
    case 'del':
      if (!run.some((c) => c !== cmd && c.name === 'apk' && osPackageCommand(c)?.subcommand === 'add')) {
        ctx.note(`\`${text}\`: packages from earlier layers stay stored there; deleting them here only hides them`);
        ctx.unknown({ command: text, reason: 'deleting packages rewrites the apk database', assumed: SMALL_WRITE, assumedWhy: SMALL_WRITE_WHY });
      }
      return;
    case 'cache': {
      const action = p.packages[0]?.value ?? cmd.args.find((a) => !a.value.startsWith('-') && a.value !== 'cache')?.value;
      if (action === 'clean' || action === 'purge') removePath(ctx, `${APK_CACHE_DIR}/*`, false);
      return;
    }
    default:
      // info, search, version, policy, stats, dot, audit, verify, list: read only.
      if (['info', 'search', 'version', 'policy', 'stats', 'dot', 'audit', 'verify', 'list', 'manifest'].includes(p.subcommand ?? '')) return;
      ctx.unknown({ command: text, reason: `\`apk ${p.subcommand ?? ''}\` is not modelled yet`, assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
  }
}

function addIndex(ctx: StepContext, text: string): void {
  if (ctx.writer.visible().some((e) => e.path === APK_CACHE_DIR)) return;
  const stored = ctx.addEntry({ path: APK_CACHE_DIR, kind: 'blob', bytes: { ...APK_INDEX.bytes }, what: 'apk package index (APKINDEX.*.tar.gz)', compress: 'compressed' });
  if (stored) {
    ctx.source = APK_INDEX.sources[0] ?? null;
    ctx.flags.add(`apk-index:${text}`);
  }
}

/** After the whole RUN: advice when the index this RUN downloaded is still there. */
export function apkIndexAdvice(ctx: StepContext): void {
  const index = ctx.writer.entries().find((e) => e.path === APK_CACHE_DIR);
  if (!index) return;
  ctx.note(
    `the apk index (about ${formatBytes(index.bytes.value)}, ${APK_INDEX.why}) stays in this layer. Use \`apk add --no-cache …\` (no index is stored) or end the RUN with \`&& rm -rf ${APK_CACHE_DIR}/*\``,
  );
}
