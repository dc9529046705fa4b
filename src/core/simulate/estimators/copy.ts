/**
 * COPY and ADD: files from the build context (exact sizes, .dockerignore applied), heredocs
 * (exact), files from an earlier stage (`--from=<stage>`: exact for what that stage's model knows),
 * and what cannot be sized (remote URLs, archives ADD unpacks, other images) as unknown parts.
 */
import { compileDockerignore } from '../../lint/dockerignore.ts';
import { exact } from '../bytes.ts';
import { matchSource, type SourceMatch } from '../context.ts';
import { compressionClassOfFile, UNKNOWN_COMMAND, UNKNOWN_COMMAND_WHY } from '../facts.ts';
import { isWithin, segments, type FsEntry } from '../filesystem.ts';
import { hasGlob, segmentMatcher } from '../glob.ts';
import { formatBytes } from '../bytes.ts';
import { resolvePath, type StageState, type StepContext } from './step.ts';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tar\.lzma)$/i;
const REMOTE = /^(https?|git|ssh):\/\/|^git@/i;

/** UTF-8 byte length (the engine has no TextEncoder). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

function flagValues(ctx: StepContext, name: string): string[] {
  return ctx.instruction.flags.filter((f) => f.name === name && f.value !== null).map((f) => f.value as string);
}

export function estimateCopy(ctx: StepContext): void {
  const ins = ctx.instruction;
  // With heredocs, the arguments end where the first heredoc's body starts.
  const bodyLine = Math.min(...ins.heredocs.map((h) => h.contentSpan?.line ?? h.span.endLine + 1), Infinity);
  const words = ins.json ?? ins.args.filter((a) => a.span.line < bodyLine).map((a) => a.value);
  if (words.length < 2) {
    ctx.problem(`${ins.keyword} needs at least one source and a destination`);
    return;
  }
  const rawDest = words[words.length - 1] as string;
  const sources = words.slice(0, -1);
  const dest = ctx.resolve(rawDest);
  if (dest === null) {
    ctx.unknown({ command: `${ins.keyword} … ${rawDest}`, reason: `the destination ${rawDest} uses a variable without a known value`, assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
    return;
  }
  const destIsDir = rawDest.endsWith('/') || rawDest === '.' || sources.length > 1 || sources.some(hasGlob) || isDirectory(ctx.stage, dest);
  const from = flagValues(ctx, 'from')[0];
  const parents = ins.flags.some((f) => f.name === 'parents' && f.value !== 'false');
  const excludes = flagValues(ctx, 'exclude');
  const excluded = excludes.length > 0 ? compileDockerignore(excludes) : null;
  const target = (m: { rel: string; path: string; direct: boolean }) =>
    parents ? resolvePath(dest, m.path) : m.direct && !destIsDir ? dest : resolvePath(dest, m.rel);

  if (from !== undefined) {
    copyFromStage(ctx, from, sources, target, excluded);
    return;
  }
  for (const rawSource of sources) {
    const heredoc = rawSource.startsWith('<<') ? ins.heredocs.find((h) => rawSource.replace(/^<<-?/, '').replace(/^["']|["']$/g, '') === h.name) : undefined;
    if (heredoc) {
      // The file is the body with a final newline; `<<-` strips leading tabs.
      const body = rawSource.startsWith('<<-') ? heredoc.content.replace(/^\t+/gm, '') : heredoc.content;
      const bytes = utf8Length(body) + 1;
      ctx.addEntry({ path: destIsDir ? resolvePath(dest, heredoc.name) : dest, kind: 'file', bytes: exact(bytes), what: 'file written from a heredoc', compress: 'files' });
      continue;
    }
    const source = ctx.expand(rawSource);
    if (source === null) {
      ctx.unknown({ command: `${ins.keyword} ${rawSource}`, reason: `the source ${rawSource} uses a variable without a known value`, assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
      continue;
    }
    if (REMOTE.test(source)) {
      ctx.unknown({
        command: `${ins.keyword} ${source}`,
        reason: `${ins.keyword} downloads ${source}; the size of remote files is not known without fetching them`,
        assumed: UNKNOWN_COMMAND,
        assumedWhy: UNKNOWN_COMMAND_WHY,
      });
      continue;
    }
    const context = ctx.sim.context;
    if (!context) {
      ctx.unknown({
        command: `${ins.keyword} ${source}`,
        reason: 'no build context was given, so the size of local files is not known (pass the context directory, or list its files)',
        assumed: UNKNOWN_COMMAND,
        assumedWhy: UNKNOWN_COMMAND_WHY,
      });
      continue;
    }
    let matches = matchSource(context, source);
    if (excluded) matches = matches.filter((m) => !excluded.match(m.path).excluded && !excluded.match(m.rel).excluded);
    if (matches.length === 0) {
      if (context.complete) {
        ctx.problem(`no file in the build context matches ${source}${context.ignored > 0 ? ' (after .dockerignore)' : ''}: docker build stops here with "not found"`);
      } else {
        ctx.unknown({ command: `${ins.keyword} ${source}`, reason: `${source} is not in the part of the build context that was read (the listing was cut short)`, assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
      }
      continue;
    }
    copyContextFiles(ctx, source, matches, target);
  }
}

function copyContextFiles(ctx: StepContext, source: string, matches: SourceMatch[], target: (m: SourceMatch) => string): void {
  const isAdd = ctx.instruction.keyword === 'ADD';
  let total = 0;
  let count = 0;
  let first: string | null = null;
  for (const m of matches) {
    const path = target(m);
    if (isAdd && ARCHIVE.test(m.path)) {
      const high = m.bytes + UNKNOWN_COMMAND.high;
      ctx.unknown({
        command: `ADD ${m.path}`,
        reason: `ADD unpacks the local archive ${m.path} (${formatBytes(m.bytes)}); the unpacked size is not modelled. COPY keeps it packed`,
        assumed: { value: m.bytes, low: m.bytes, high },
        assumedWhy: 'assumed: at least the archive size, up to 100 MB more once unpacked',
      });
      continue;
    }
    const stored = ctx.addEntry({ path, kind: 'file', bytes: exact(m.bytes), what: `file from the build context`, compress: compressionClassOfFile(m.path) }, { summarize: false });
    if (!stored) continue;
    total += m.bytes;
    count++;
    first ??= path;
  }
  if (count === 1 && first !== null) ctx.added.push({ path: first, bytes: total, what: `${source} from the build context` });
  else if (count > 1) ctx.added.push({ path: commonDir(matches.map(target)), bytes: total, what: `${count} files from ${source} in the build context` });
}

function copyFromStage(
  ctx: StepContext,
  from: string,
  sources: readonly string[],
  target: (m: { rel: string; path: string; direct: boolean }) => string,
  excluded: ReturnType<typeof compileDockerignore> | null,
): void {
  const ins = ctx.instruction;
  const expandedFrom = ctx.expand(from) ?? from;
  const stage = ctx.sim.stageByRef(expandedFrom, ins.stage);
  if (!stage) {
    const selfRef = ctx.sim.parsed.stages.some((s) => s.index >= ins.stage && s.name === expandedFrom.toLowerCase());
    ctx.unknown({
      command: `${ins.keyword} --from=${expandedFrom}`,
      reason: selfRef
        ? `--from=${expandedFrom} names this stage or a later one, which docker build rejects`
        : `copies from the image ${expandedFrom}, whose files Layerlab does not model`,
      assumed: UNKNOWN_COMMAND,
      assumedWhy: UNKNOWN_COMMAND_WHY,
    });
    return;
  }
  const label = stage.name ? `"${stage.name}"` : `${stage.index}`;
  const opaque = stage.fs.opaque();
  for (const rawSource of sources) {
    const source = ctx.expand(rawSource);
    if (source === null) {
      ctx.unknown({ command: `${ins.keyword} --from=${expandedFrom} ${rawSource}`, reason: `the source ${rawSource} uses a variable without a known value`, assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
      continue;
    }
    const src = resolvePath('/', source);
    const pSegs = segments(src);
    const matchers = pSegs.map((p) => segmentMatcher(p, { dotfiles: true }));
    const matched: { entry: FsEntry; rel: string; direct: boolean }[] = [];
    const partial: FsEntry[] = [];
    for (const e of stage.fs.view.values()) {
      if (e.kind === 'opaque') continue;
      const eSegs = segments(e.path);
      if (eSegs.length >= pSegs.length && matchers.every((m, i) => m(eSegs[i] as string))) {
        const direct = eSegs.length === pSegs.length;
        const rel = direct ? (eSegs[eSegs.length - 1] ?? '') : eSegs.slice(pSegs.length).join('/');
        if (excluded && excluded.match(rel).excluded) continue;
        matched.push({ entry: e, rel, direct });
      } else if (e.kind === 'blob' && isWithin(src, e.path)) partial.push(e);
    }
    let total = 0;
    for (const m of matched) {
      const path = target({ rel: m.rel, path: m.entry.path.slice(1), direct: m.direct });
      if (ctx.addEntry({ path, kind: m.entry.kind, bytes: m.entry.bytes, what: `${m.entry.what} (from stage ${label})`, compress: m.entry.compress }, { summarize: false })) total += m.entry.bytes.value;
    }
    if (matched.length > 0) {
      const paths = matched.map((m) => target({ rel: m.rel, path: m.entry.path.slice(1), direct: m.direct }));
      ctx.added.push({ path: matched.length === 1 ? (paths[0] as string) : commonDir(paths), bytes: total, what: `${src} from stage ${label}` });
    }
    const onlyDirectFile = matched.length > 0 && matched.every((m) => m.direct && m.entry.kind === 'file') && !hasGlob(src);
    if (partial.length > 0) {
      ctx.unknown({
        command: `${ins.keyword} --from=${expandedFrom} ${src}`,
        reason: `${src} is part of ${partial.map((p) => p.what).join(', ')} in stage ${label}, whose individual files are not modelled`,
        assumed: UNKNOWN_COMMAND,
        assumedWhy: UNKNOWN_COMMAND_WHY,
      });
    } else if (!onlyDirectFile && opaque.length > 0) {
      const origins = [
        ...(stage.baseImage && !stage.baseImage.unknown && stage.baseImage.name !== 'scratch' ? [`the base image ${stage.baseImage.name}`] : []),
        ...(stage.baseImage?.unknown ? [`the unknown base image ${stage.baseImage.name}`] : []),
        ...(stage.unknownLines.length > 0 ? [`the steps on line ${stage.unknownLines.join(', ')} that Layerlab could not size`] : []),
      ];
      const what = matched.length > 0 ? `more files under ${src} may come` : `${src} comes`;
      ctx.unknown({
        command: `${ins.keyword} --from=${expandedFrom} ${src}`,
        reason: `${what} from ${origins.join(' or ') || 'content Layerlab cannot see into'} (stage ${label})`,
        assumed: UNKNOWN_COMMAND,
        assumedWhy: UNKNOWN_COMMAND_WHY,
      });
    } else if (matched.length === 0) {
      ctx.problem(`${src} does not exist in stage ${label}: docker build stops here with "not found"`);
    }
  }
}

/** Is `path` a directory in the stage: the WORKDIR, or a prefix of known files? */
function isDirectory(stage: StageState, path: string): boolean {
  if (path === '/' || path === stage.workdir) return true;
  for (const e of stage.fs.view.values()) if (e.kind !== 'opaque' && e.path !== path && isWithin(e.path, path)) return true;
  return false;
}

function commonDir(paths: readonly string[]): string {
  if (paths.length === 0) return '/';
  let common = segments(paths[0] as string).slice(0, -1);
  for (const p of paths.slice(1)) {
    const segs = segments(p);
    let i = 0;
    while (i < common.length && i < segs.length - 1 && common[i] === segs[i]) i++;
    common = common.slice(0, i);
  }
  return `/${common.join('/')}`;
}
