/**
 * apt-get / apt: the package lists `update` leaves in /var/lib/apt/lists (size-data.md §4c),
 * `clean` and `dist-clean`, and package installs (sized by ./run-apt-install.ts when Debian package
 * data is loaded, otherwise unknown).
 */
import { hasFlag } from '../../shell/query.ts';
import type { ShellCommand } from '../../shell/types.ts';
import { osPackageCommand, refreshesAptLists, type OsPackageCommand } from '../../lint/package-managers/os.ts';
import { formatBytes } from '../bytes.ts';
import { APT_LISTS, APT_LISTS_OTHER, SMALL_WRITE, SMALL_WRITE_WHY, UNKNOWN_COMMAND, UNKNOWN_COMMAND_WHY } from '../facts.ts';
import { commandText, type StepContext } from './step.ts';
import { aptRemove } from './run-apt-install.ts';
import { removePath } from './run-rm.ts';

export const APT_LISTS_DIR = '/var/lib/apt/lists';
export const APT_ARCHIVES_DIR = '/var/cache/apt/archives';

/** How `apt-get install` is sized; replaced when Debian package data is available. */
export type AptInstallEstimator = (p: OsPackageCommand, ctx: StepContext, run: readonly ShellCommand[]) => void;

export function estimateApt(cmd: ShellCommand, ctx: StepContext, run: readonly ShellCommand[], install: AptInstallEstimator): void {
  const p = osPackageCommand(cmd);
  if (!p) return;
  const text = commandText(cmd.name, cmd.args);
  if (refreshesAptLists(p)) addLists(ctx, text);
  switch (p.subcommand) {
    case 'update':
      return;
    case 'install':
    case 'reinstall':
      install(p, ctx, run);
      return;
    case 'clean':
    case 'autoclean':
      clean(ctx, p.subcommand);
      return;
    case 'dist-clean':
      if (ctx.stage.os.family === 'debian' && ctx.stage.os.release === 'bookworm') {
        ctx.problem(`\`${cmd.name} dist-clean\` is not in the apt of Debian 12 bookworm (it came with Debian 13 trixie): the command fails there. Use \`rm -rf ${APT_LISTS_DIR}/*\``);
      }
      removePath(ctx, `${APT_LISTS_DIR}/*`, false);
      clean(ctx, 'dist-clean');
      return;
    case 'remove':
    case 'purge':
    case 'autoremove':
    case 'autopurge':
      if (aptRemove(p, ctx)) return;
      if (!run.some((c) => c !== cmd && osPackageCommand(c)?.action === 'install' && osPackageCommand(c)?.family === 'apt')) {
        ctx.note(`\`${text}\`: packages from earlier layers stay stored there; removing them here only hides them`);
        ctx.unknown({ command: text, reason: 'removing packages rewrites dpkg and apt state files', assumed: SMALL_WRITE, assumedWhy: SMALL_WRITE_WHY });
      }
      return;
    case 'upgrade':
    case 'dist-upgrade':
    case 'full-upgrade':
      ctx.unknown({ command: text, reason: 'package upgrades are not modelled yet (which packages have newer versions depends on the build date)', assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
      return;
    default:
      if (cmd.name === 'apt-get' || cmd.name === 'apt') {
        const readOnly = ['show', 'search', 'policy', 'list', 'depends', 'rdepends', 'changelog', 'check', 'indextargets', 'moo'];
        if (p.subcommand !== undefined && readOnly.includes(p.subcommand)) return;
      }
      ctx.unknown({ command: text, reason: `\`${cmd.name} ${p.subcommand ?? ''}\` is not modelled yet`, assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
  }
}

function addLists(ctx: StepContext, text: string): void {
  const existing = ctx.writer.visible().find((e) => e.path === APT_LISTS_DIR);
  if (existing) {
    ctx.note(`the package lists from an earlier \`apt-get update\` are still there; apt only rewrites the lists that changed (usually none within one build)`);
    return;
  }
  const os = ctx.stage.os;
  const debian = os.family === 'debian' && (os.release === 'bookworm' || os.release === 'trixie');
  const fact = debian ? APT_LISTS : APT_LISTS_OTHER;
  const stored = ctx.addEntry({ path: APT_LISTS_DIR, kind: 'blob', bytes: { ...fact.bytes }, what: 'apt package lists', compress: 'compressed' });
  ctx.source = fact.sources[0] ?? null;
  if (!stored) return;
  if (!debian) {
    const where = os.family === 'unknown' ? 'an unknown base image' : `${os.family}${os.release ? ` ${os.release}` : ''}`;
    ctx.note(`\`${text}\`: the lists were measured on Debian bookworm; on ${where} they may differ, hence the wide range`);
  } else if (os.release === 'trixie') {
    ctx.note(`\`${text}\`: the lists were measured on Debian bookworm, not on trixie`);
  }
}

/** After the whole RUN: advice when the lists this RUN downloaded are still there. */
export function aptListsAdvice(ctx: StepContext): void {
  const lists = ctx.writer.entries().find((e) => e.path === APT_LISTS_DIR);
  if (!lists) return;
  const fact = lists.bytes;
  ctx.note(
    `the package lists (${formatBytes(fact.value)}${fact.low !== fact.high ? `, ${formatBytes(fact.low)}–${formatBytes(fact.high)}` : ''}) stay in this layer. End this RUN with \`&& rm -rf ${APT_LISTS_DIR}/*\` to keep them out of the image`,
  );
  if (ctx.flags.has('apt-clean')) ctx.note(`\`apt-get clean\` does not delete the package lists in ${APT_LISTS_DIR}`);
}

function clean(ctx: StepContext, how: string): void {
  const archives = ctx.writer.visible().filter((e) => e.path.startsWith(`${APT_ARCHIVES_DIR}/`) || e.path === APT_ARCHIVES_DIR);
  if (archives.length > 0) removePath(ctx, `${APT_ARCHIVES_DIR}/*`, false);
  if (ctx.stage.os.family === 'debian' && archives.length === 0) {
    ctx.note(`\`apt-get ${how}\`: official Debian images delete downloaded .deb files after every install already (/etc/apt/apt.conf.d/docker-clean), so there is nothing to clean`);
  }
  if (how !== 'dist-clean') ctx.flags.add('apt-clean');
}

/** The install estimator used without Debian package data. */
export const unknownAptInstall: AptInstallEstimator = (p, ctx) => {
  const names = p.packages.filter((w) => !w.value.startsWith('-')).map((w) => w.value);
  const recommends = hasFlag(p.cmd, '--no-install-recommends') ? '' : ' (with recommended packages: apt installs them unless --no-install-recommends)';
  ctx.unknown({
    command: commandText(p.cmd.name, p.cmd.args),
    reason: `package data not loaded: the size of ${names.length > 0 ? names.slice(0, 6).join(', ') + (names.length > 6 ? ', …' : '') : 'the packages'}${recommends} is not counted`,
    assumed: UNKNOWN_COMMAND,
    assumedWhy: UNKNOWN_COMMAND_WHY,
  });
};
