/**
 * Commands that change existing files' metadata (chmod, chown, chgrp, touch): the layer stores
 * every changed file again, whole (copy-up), and dive counts both copies as wasted (size-data.md §1).
 */
import type { ShellCommand, ShellWord } from '../../shell/types.ts';
import { formatBytes } from '../bytes.ts';
import { SMALL_WRITE, UNKNOWN_COMMAND, UNKNOWN_COMMAND_WHY } from '../facts.ts';
import { isWithin, segments } from '../filesystem.ts';
import { hasGlob, segmentMatcher } from '../glob.ts';
import { commandText, type StepContext } from './step.ts';

const RECURSIVE = /^-[a-zA-Z]*R|^--recursive$/;
const VALUE_FLAGS: Readonly<Record<string, readonly string[]>> = { touch: ['-d', '-t', '-r', '--date', '--reference'], chown: ['--from', '--reference'], chgrp: ['--reference'], chmod: ['--reference'] };

export function estimateMetadataChange(cmd: ShellCommand, ctx: StepContext): void {
  const text = commandText(cmd.name, cmd.args);
  const positional: ShellWord[] = [];
  const valueFlags = VALUE_FLAGS[cmd.name] ?? [];
  let recursive = false;
  let reference = false;
  let rest = false;
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i] as ShellWord;
    if (!rest && a.value === '--') {
      rest = true;
      continue;
    }
    const isMode = cmd.name === 'chmod' && /^-[rwxXst]+$/.test(a.value);
    if (!rest && a.value.startsWith('-') && a.value.length > 1 && !isMode) {
      if (RECURSIVE.test(a.value)) recursive = true;
      if (a.value === '--reference' || a.value.startsWith('--reference=')) reference = true;
      if (valueFlags.includes(a.value)) i++;
      continue;
    }
    positional.push(a);
  }
  // chmod MODE FILE…, chown OWNER FILE…, chgrp GROUP FILE… (no MODE/OWNER with --reference), touch FILE…
  const targets = cmd.name === 'touch' || reference ? positional : positional.slice(1);
  let copied = 0;
  let copiedBytes = 0;
  let unknownTargets = 0;
  for (const word of targets) {
    const path = ctx.resolve(word.value.replace(/^~(?=\/|$)/, '/root'));
    if (path === null) {
      unknownTargets++;
      continue;
    }
    const matchers = segments(path).map((s) => segmentMatcher(s, { dotfiles: false }));
    const matches = ctx.writer.visible().filter((e) => {
      if (e.kind === 'opaque') return false;
      const segs = segments(e.path);
      if (hasGlob(path)) {
        if (segs.length < matchers.length || !matchers.every((m, i) => m(segs[i] as string))) return false;
        return segs.length === matchers.length || recursive;
      }
      return e.path === path || (recursive && isWithin(e.path, path));
    });
    let here = 0;
    for (const e of matches) {
      if (e.layer === ctx.writer.id) continue; // written in this RUN: no extra copy
      ctx.addEntry({ path: e.path, kind: e.kind, bytes: e.bytes, what: `${e.what}, stored again by ${cmd.name}`, compress: e.compress }, { summarize: false });
      here += e.bytes.value;
      copied++;
    }
    copiedBytes += here;
    if (here > 0) ctx.added.push({ path, bytes: here, what: `files stored again by ${cmd.name} (metadata change)` });
    if (matches.length === 0 && cmd.name !== 'touch') unknownTargets++;
  }
  if (copied > 0) {
    ctx.note(
      `\`${text}\` changes files from earlier layers, so this layer stores them again whole (${formatBytes(copiedBytes)}). Set owner and mode when copying instead: \`COPY --chown=… --chmod=…\``,
    );
  }
  if (unknownTargets > 0) {
    ctx.unknown({
      command: text,
      reason: `${cmd.name} changes files Layerlab does not track (from the base image or unknown steps); each changed file is stored again whole`,
      assumed: recursive ? UNKNOWN_COMMAND : SMALL_WRITE,
      assumedWhy: recursive ? UNKNOWN_COMMAND_WHY : 'assumed: a few changed files, up to 1 MB',
    });
  }
}
