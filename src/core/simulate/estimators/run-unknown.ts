/**
 * Commands Layerlab knows write nothing (or only small files), and everything else: an explicit
 * unknown with a default range, so the output says what is not modelled instead of pretending.
 */
import type { ShellCommand } from '../../shell/types.ts';
import { SMALL_WRITE, SMALL_WRITE_WHY, UNKNOWN_COMMAND, UNKNOWN_COMMAND_WHY } from '../facts.ts';
import { commandText, type StepContext } from './step.ts';

/** Builtins and tools that do not write to the image filesystem (output redirects are handled separately). */
export const NO_WRITE: ReadonlySet<string> = new Set([
  ':', '[', '[[', 'true', 'false', 'test', 'set', 'shopt', 'cd', 'pushd', 'popd', 'export', 'unset', 'umask', 'alias', 'hash', 'type', 'trap',
  'local', 'declare', 'readonly', 'read', 'shift', 'return', 'exit', 'wait', 'break', 'continue', 'echo', 'printf', 'sleep', 'which', 'whereis',
  'id', 'whoami', 'uname', 'hostname', 'pwd', 'ls', 'cat', 'head', 'tail', 'grep', 'egrep', 'fgrep', 'wc', 'sort', 'uniq', 'cut', 'tr', 'awk', 'basename',
  'dirname', 'realpath', 'readlink', 'stat', 'file', 'du', 'df', 'find', 'date', 'nproc', 'getent', 'tee', 'xargs', 'seq', 'md5sum', 'sha1sum',
  'sha256sum', 'sha512sum', 'cmp', 'diff', 'env', 'printenv', 'command', 'apt-cache', 'dpkg-query', 'dpkg-architecture', 'gpgv', 'sync',
  // Directories and links are 0 B in a layer (size-data.md §2).
  'mkdir', 'ln', 'rmdir',
]);

/** Tools that only write small files (users and groups, config, caches of the dynamic linker). */
export const SMALL_WRITERS: ReadonlySet<string> = new Set([
  'useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'groupmod', 'userdel', 'groupdel', 'deluser', 'delgroup', 'chpasswd', 'passwd',
  'ldconfig', 'update-ca-certificates', 'update-alternatives', 'locale-gen', 'apt-key', 'debconf-set-selections',
  'sed', 'dpkg-reconfigure',
]);

/** find … -delete / -exec rm: not modelled as a removal (which files match is not known). */
function isFindWithDelete(cmd: ShellCommand): boolean {
  return cmd.name === 'find' && cmd.args.some((a) => a.value === '-delete' || a.value === '-exec' || a.value === '-execdir');
}

export function estimateOther(cmd: ShellCommand, ctx: StepContext): void {
  if (cmd.name === '') {
    ctx.unknown({ command: commandText(cmd.nameWord?.raw ?? '?', cmd.args), reason: 'the command name comes from a variable', assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
    return;
  }
  if (isFindWithDelete(cmd)) {
    ctx.note(`\`${commandText(cmd.name, cmd.args)}\`: files removed by find are not modelled; nothing is subtracted`);
    return;
  }
  if (NO_WRITE.has(cmd.name)) return;
  if (SMALL_WRITERS.has(cmd.name)) {
    if (cmd.name === 'sed' && !cmd.args.some((a) => /^-[a-zA-Z]*i/.test(a.value) || a.value.startsWith('--in-place'))) return;
    ctx.unknown({ command: commandText(cmd.name, cmd.args), reason: `${cmd.name} rewrites a few small files`, assumed: SMALL_WRITE, assumedWhy: SMALL_WRITE_WHY });
    return;
  }
  ctx.unknown({ command: commandText(cmd.name, cmd.args), reason: `\`${cmd.name}\` is not modelled yet`, assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
}

const REDIRECT = /(?:^|[^<>&|0-9])(?:[0-9]?|&)>>?\|?\s*(?!&)("[^"]*"|'[^']*'|[^\s;&|)<>]+)/g;

/** Files a script writes through `>`/`>>` redirects (not /dev/*). Approximate: a textual scan. */
export function redirectTargets(script: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(REDIRECT)) {
    const target = (m[1] ?? '').replace(/^["']|["']$/g, '');
    if (target === '' || target.startsWith('/dev/') || target.startsWith('&')) continue;
    out.push(target);
  }
  return out;
}
