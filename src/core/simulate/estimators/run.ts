/**
 * RUN: a dispatcher over the parsed shell commands (`instruction.shell.commands`), one module per
 * tool. Commands run in order against the layer being written, so a removal later in the same RUN
 * really removes what an earlier command added. Wrappers (`sudo x`, `sh -c '…'`, `env A=1 x`) are
 * skipped: the parser lists the commands they run separately.
 */
import type { ShellCommand } from '../../shell/types.ts';
import { SMALL_WRITE, SMALL_WRITE_WHY, UNKNOWN_COMMAND, UNKNOWN_COMMAND_WHY } from '../facts.ts';
import { apkIndexAdvice, estimateApk } from './run-apk.ts';
import { aptListsAdvice, estimateApt, unknownAptInstall, type AptInstallEstimator } from './run-apt.ts';
import { aptInstallFromIndex, aptPackagesSummary, estimateAptMark } from './run-apt-install.ts';
import { estimateMetadataChange } from './run-files.ts';
import { estimateRm } from './run-rm.ts';
import { estimateOther, redirectTargets } from './run-unknown.ts';
import type { StepContext } from './step.ts';

export interface RunEstimators {
  /** Sizes `apt-get install`; without Debian package data the packages are unknown. */
  aptInstall: AptInstallEstimator;
}

/** Sizes installs from the Debian package index when the stage's packages are known (else unknown). */
export const DEFAULT_RUN_ESTIMATORS: RunEstimators = { aptInstall: aptInstallFromIndex };
/** Treats every `apt-get install` as unknown ("package data not loaded"). */
export const NO_PACKAGE_DATA_ESTIMATORS: RunEstimators = { aptInstall: unknownAptInstall };

const WRAPPERS = new Set(['sudo', 'doas', 'env', 'exec', 'command', 'nice', 'nohup', 'time', 'stdbuf', 'xargs', 'timeout']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);

/** Is `cmd` only a wrapper whose inner command the parser lists right after it? */
function isWrapper(cmd: ShellCommand, next: ShellCommand | undefined): boolean {
  if (!next || next.via === null) return false;
  if (WRAPPERS.has(cmd.name)) return next.via === cmd.name;
  if (SHELLS.has(cmd.name)) return next.via === `${cmd.name} -c`;
  return false;
}

export function estimateRun(ctx: StepContext, estimators: RunEstimators = DEFAULT_RUN_ESTIMATORS): void {
  const script = ctx.instruction.shell;
  if (!script) {
    ctx.unknown({
      command: 'RUN',
      reason: 'the command is not a POSIX shell script (another SHELL is set), so it is not modelled',
      assumed: UNKNOWN_COMMAND,
      assumedWhy: UNKNOWN_COMMAND_WHY,
    });
    return;
  }
  if (script.hasError) ctx.note('the shell script has a syntax error; its commands are read as well as possible');
  const commands = script.commands;
  for (let i = 0; i < commands.length; i++) {
    const cmd = commands[i] as ShellCommand;
    if (isWrapper(cmd, commands[i + 1])) continue;
    // A shell running a script file (`sh ./install.sh`) is unknown; one running `-c` text whose inner
    // commands could not be parsed (e.g. `sh -c "$CMD"`) too.
    switch (cmd.name) {
      case 'rm':
        estimateRm(cmd, ctx);
        break;
      case 'apt-get':
      case 'apt':
        estimateApt(cmd, ctx, commands, estimators.aptInstall);
        break;
      case 'apk':
        estimateApk(cmd, ctx, commands);
        break;
      case 'apt-mark':
        estimateAptMark(cmd, ctx);
        break;
      case 'chmod':
      case 'chown':
      case 'chgrp':
      case 'touch':
        estimateMetadataChange(cmd, ctx);
        break;
      default:
        estimateOther(cmd, ctx);
    }
  }
  const targets = redirectTargets(script.text);
  if (targets.length > 0) {
    ctx.unknown({ command: `> ${targets.slice(0, 3).join(', ')}`, reason: `writes ${targets.length === 1 ? 'a file' : 'files'} through a shell redirect`, assumed: SMALL_WRITE, assumedWhy: SMALL_WRITE_WHY });
  }
  aptPackagesSummary(ctx);
  aptListsAdvice(ctx);
  apkIndexAdvice(ctx);
}
