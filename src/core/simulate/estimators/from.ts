/**
 * FROM: the base image's size from the table (or stated by the user), `scratch` as nothing, and
 * `FROM <stage>` as that stage's filesystem, layers included.
 */
import type { Instruction, ParsedDockerfile, Stage } from '../../parse/model.ts';
import { imageKey, largestImage, lookupBaseImage, SCRATCH_SOURCE } from '../base-images.ts';
import { exact, formatBytes, parseSize } from '../bytes.ts';
import { cloneAptState, initialAptState } from '../apt-state.ts';
import { SimFs } from '../filesystem.ts';
import type { BaseImageInfo, Bytes, OsInfo, SourceRef } from '../types.ts';
import type { Simulation, StageState, UnknownPart } from './step.ts';

export const UNKNOWN_OS: OsInfo = { family: 'unknown', release: null, packageManager: 'unknown', libc: 'unknown', slim: false };
const NO_OS: OsInfo = { family: 'none', release: null, packageManager: 'none', libc: 'none', slim: false };

export const SIZE_COMMENT = 'layerlab-size';
const SIZE_COMMENT_RE = /^layerlab-size\s*[:=]?\s*(.*?)\s*$/i;

export interface StatedSize {
  bytes: number;
  line: number;
}

/**
 * A `# layerlab-size 120MB` comment in the comment lines directly above an instruction.
 * Returns the size, an error message for an unreadable one, or null when there is none.
 */
export function statedSize(parsed: ParsedDockerfile, instruction: Instruction): StatedSize | { error: string; line: number } | null {
  const byLine = new Map(parsed.comments.map((c) => [c.line, c] as const));
  for (let line = instruction.span.line - 1; line >= 1; line--) {
    const comment = byLine.get(line);
    if (!comment) break;
    const m = SIZE_COMMENT_RE.exec(comment.text);
    if (!m || !/^layerlab-size\b/i.test(comment.text)) continue;
    const bytes = parseSize(m[1] ?? '');
    if (bytes === null) return { error: `\`# ${SIZE_COMMENT} ${m[1] ?? ''}\` is not a size; write it like \`# ${SIZE_COMMENT} 120MB\` (MB = 1,000,000 bytes, MiB = 1,048,576)`, line };
    return { bytes, line };
  }
  return null;
}

export function statedSource(line: number): SourceRef {
  return { text: `stated with \`# ${SIZE_COMMENT}\` on line ${line}`, url: null, date: null };
}

export interface FromOutcome {
  state: StageState;
  bytes: Bytes;
  compressed: Bytes | null;
  notes: string[];
  unknown: UnknownPart | null;
  source: SourceRef | null;
  problems: string[];
}

/** Starts a stage. `layerId` is used for the base layer when there is one. */
export function startStage(stage: Stage, sim: Simulation, layerId: number, baseSizes: Readonly<Record<string, number>> | undefined): FromOutcome {
  const notes: string[] = [];
  const problems: string[] = [];
  if (stage.platform && !/amd64|\$/.test(stage.platform)) notes.push(`sizes are for linux/amd64 images; ${stage.platform} images differ somewhat`);

  if (stage.baseStage !== null) {
    const parent = sim.stages.get(stage.baseStage);
    if (parent) {
      const state: StageState = {
        index: stage.index,
        name: stage.name,
        fs: parent.fs.clone(),
        workdir: parent.workdir,
        os: parent.os,
        vars: parent.vars.filter((v) => v.kind === 'ENV'),
        baseImage: parent.baseImage,
        unknownLines: [...parent.unknownLines],
        apt: cloneAptState(parent.apt),
      };
      const label = parent.name ? `"${parent.name}"` : `${parent.index}`;
      notes.push(`continues stage ${label}: its base image and layers are part of this one`);
      return { state, bytes: exact(0), compressed: exact(0), notes, unknown: null, source: null, problems };
    }
  }

  const ref = stage.image;
  const name = ref.resolved ?? ref.raw;
  const fs = new SimFs();
  const state: StageState = { index: stage.index, name: stage.name, fs, workdir: '/', os: UNKNOWN_OS, vars: [], baseImage: null, unknownLines: [], apt: null };
  const stated = statedSize(sim.parsed, stage.from);
  if (stated && 'error' in stated) problems.push(stated.error);
  const lookup = lookupBaseImage(sim.data.baseImages, ref);

  if (!lookup.found && lookup.scratch) {
    state.os = NO_OS;
    state.baseImage = { name: 'scratch', entry: 'scratch', bytes: exact(0), compressedBytes: exact(0), source: SCRATCH_SOURCE, os: NO_OS, approximate: null, unknown: false };
    fs.apply({ id: layerId, entries: [], whiteouts: [] }, new Set());
    notes.push('scratch is empty: the image holds only what later steps add');
    return { state, bytes: exact(0), compressed: exact(0), notes, unknown: null, source: SCRATCH_SOURCE, problems };
  }

  const statedBytes = stated && !('error' in stated) ? stated : null;
  const optionBytes = ref.resolved !== null ? (baseSizes?.[imageKey(ref)] ?? baseSizes?.[ref.resolved]) : undefined;
  let bytes: Bytes;
  let compressed: Bytes | null = null;
  let source: SourceRef | null;
  let unknown: UnknownPart | null = null;
  let info: BaseImageInfo;
  if (statedBytes || optionBytes !== undefined) {
    bytes = exact(statedBytes ? statedBytes.bytes : (optionBytes ?? 0));
    source = statedBytes ? statedSource(statedBytes.line) : { text: 'stated with --base-size', url: null, date: null };
    const os = lookup.found ? lookup.os : UNKNOWN_OS;
    info = { name, entry: null, bytes, compressedBytes: null, source, os, approximate: null, unknown: false };
    if (lookup.found) notes.push(`the table has ${formatBytes(lookup.bytes.value)} for ${lookup.entry}; the stated size is used`);
  } else if (lookup.found) {
    bytes = lookup.bytes;
    source = lookup.source;
    compressed = lookup.compressed ? exact(lookup.compressed.bytes) : null;
    info = { name, entry: lookup.entry, bytes, compressedBytes: compressed, source, os: lookup.os, approximate: lookup.approximate, unknown: false };
    if (lookup.approximate) notes.push(`approximate: ${lookup.approximate}`);
    if (lookup.confidence === 'secondary') notes.push('low confidence: the size comes from a secondary source; verify it with `docker images`');
    if (lookup.note) notes.push(lookup.note);
  } else {
    const largest = largestImage(sim.data.baseImages);
    const high = largest?.bytes ?? 0;
    bytes = { value: 0, low: 0, high };
    source = null;
    const known = lookup.suggestions.length > 0 ? ` Known tags of this image: ${lookup.suggestions.slice(0, 8).join(', ')}.` : '';
    unknown = {
      command: `FROM ${name}`,
      reason: `${lookup.reason}.${known} State its size (see \`docker images\`) with a \`# ${SIZE_COMMENT} 120MB\` comment right above this FROM${''}, or \`--base-size ${name}=120MB\` on the command line.`,
      assumed: bytes,
      assumedWhy: largest ? `from nothing up to the largest image in the table (${largest.key}, ${formatBytes(largest.bytes)})` : 'no base-image data loaded',
    };
    info = { name, entry: null, bytes, compressedBytes: null, source: null, os: UNKNOWN_OS, approximate: null, unknown: true };
  }
  state.os = info.os;
  state.baseImage = info;
  if (lookup.found && lookup.workdir) state.workdir = lookup.workdir;
  if (lookup.found) state.apt = initialAptState(sim.data, state.os, lookup.packages);
  const writer = fs.begin(layerId);
  writer.add({ path: `(base image ${name})`, kind: 'opaque', bytes, what: `files of ${name}`, compress: 'packages' });
  writer.commit();
  return { state, bytes, compressed, notes, unknown, source, problems };
}
