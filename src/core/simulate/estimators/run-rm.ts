/**
 * `rm` (and `rm -rf`): what this step added goes away for real; what earlier layers hold gets a
 * whiteout, costs 0 B here and stays in the image (size-data.md §2).
 */
import { formatBytes } from '../bytes.ts';
import type { ShellCommand } from '../../shell/types.ts';
import type { StepContext } from './step.ts';

export function estimateRm(cmd: ShellCommand, ctx: StepContext): void {
  let rest = false;
  for (const word of cmd.args) {
    if (!rest && word.value === '--') {
      rest = true;
      continue;
    }
    if (!rest && word.value.startsWith('-') && word.value.length > 1) continue;
    removePath(ctx, word.value, word.dynamic);
  }
}

/** Removes `raw` (as written, relative to WORKDIR, globs allowed) and explains the effect. */
export function removePath(ctx: StepContext, written: string, dynamic: boolean): void {
  // `~` is root's home: builds run as root unless a USER says otherwise.
  const raw = written.replace(/^~(?=\/|$)/, '/root');
  // A literal word (quoted '$x') is not expanded; a dynamic one is, with the ARG/ENV values known here.
  const path = dynamic ? ctx.resolve(raw) : (ctx.resolve(raw.replace(/\$/g, '\u0000'))?.replace(/\u0000/g, '$') ?? null);
  if (path === null) {
    ctx.note(`rm ${raw}: the path uses a variable without a known value, so what it removes is not modelled`);
    return;
  }
  const mount = ctx.mountFor(path);
  if (mount) return;
  const result = ctx.writer.remove(path);
  // What this step added and removed again is not part of the layer: drop it from `added`.
  const gone = ctx.writer.entries();
  for (let i = ctx.added.length - 1; i >= 0; i--) {
    const a = ctx.added[i];
    if (a && a.path.startsWith('/') && !gone.some((e) => e.path === a.path || e.path.startsWith(`${a.path}/`))) ctx.added.splice(i, 1);
  }
  ctx.removed.push(...result.removed.filter((r) => !r.what.endsWith('(added in this step, so never stored)')));
  if (result.freedInLayer.value > 0) ctx.note(`${path}: ${formatBytes(result.freedInLayer.value)} added earlier in this same RUN is removed before the layer is stored, so it costs nothing`);
  if (result.hiddenBelow.value > 0) {
    ctx.note(`${path}: removing ${formatBytes(result.hiddenBelow.value)} that an earlier layer holds only hides it (a whiteout); the image does not get smaller. Remove it in the RUN that creates it`);
  }
  for (const p of result.partial) ctx.note(`${path} removes part of ${p.what} (${p.path}); how much is not modelled, so nothing is subtracted`);
}
