/**
 * simulateDockerfile: walks the stages of a parsed Dockerfile and estimates every layer from data
 * passed in. Only the target stage (the last one, or `--target`) and the stages it is FROM make up
 * the image; stages it copies from are built, but only the copied files ship. Never throws on user
 * text: a step that fails to estimate becomes an unknown that says so.
 */
import type { Instruction, ParsedDockerfile, Stage } from '../parse/model.ts';
import { exact, sum, ZERO } from './bytes.ts';
import { prepareContext, type PreparedContext } from './context.ts';
import type { SimulateOptions, SimulationData } from './data.ts';
import { ratioOf, UNKNOWN_COMMAND, UNKNOWN_COMMAND_WHY } from './facts.ts';
import { analyzeEfficiency, layerBytes, SimFs, type LayerRecord } from './filesystem.ts';
import { estimateCopy } from './estimators/copy.ts';
import { startStage, statedSize, statedSource } from './estimators/from.ts';
import { applyMetadata, METADATA_KEYWORDS } from './estimators/metadata.ts';
import { DEFAULT_RUN_ESTIMATORS, estimateRun, type RunEstimators } from './estimators/run.ts';
import { instructionText, StepContext, type Simulation, type StageState, type UnknownPart } from './estimators/step.ts';
import type { Bytes, LayerEstimate, SimulationResult, StageResult, StageRole, Unknown } from './types.ts';

/** The stage `--target` names (case-insensitive), or null when there is no such stage. */
export function resolveTarget(parsed: ParsedDockerfile, target: string | undefined): number | null {
  if (parsed.stages.length === 0) return null;
  if (target === undefined || target === '') return parsed.stages.length - 1;
  const t = target.toLowerCase();
  const stage = parsed.stages.find((s) => s.name === t);
  return stage ? stage.index : null;
}

/** Stage names and indexes a Dockerfile offers as targets, for messages. */
export function stageNames(parsed: ParsedDockerfile): string[] {
  return parsed.stages.filter((s) => s.name !== null).map((s) => s.nameRaw ?? s.name ?? '');
}

export function simulateDockerfile(parsed: ParsedDockerfile, data: SimulationData, options: SimulateOptions = {}, estimators: RunEstimators = DEFAULT_RUN_ESTIMATORS): SimulationResult {
  const problems: { line: number; message: string }[] = [];
  let target = resolveTarget(parsed, options.target);
  if (target === null && parsed.stages.length > 0) {
    problems.push({ line: 1, message: `there is no stage named "${options.target ?? ''}"; the last stage is simulated instead` });
    target = parsed.stages.length - 1;
  }
  if (target === null) {
    problems.push({ line: 1, message: 'the Dockerfile has no FROM instruction, so there is no image' });
    return emptyResult(problems, options.context !== undefined && options.context !== null);
  }
  let context: PreparedContext | null = null;
  try {
    context = options.context ? prepareContext(options.context) : null;
  } catch {
    context = null;
  }
  const states = new Map<number, StageState>();
  const sim: Simulation = {
    parsed,
    data,
    context,
    stages: states,
    stageByRef: (ref, before) => {
      const index = stageIndexOf(parsed, ref, before);
      return index === null ? null : (states.get(index) ?? null);
    },
  };
  const roles = stageRoles(parsed, target);
  const layersById = new Map<number, LayerEstimate>();
  const stageResults: StageResult[] = [];
  const stepProblems = new Map<number, { line: number; message: string }[]>();
  let nextId = 1;

  for (const stage of parsed.stages) {
    const ownProblems: { line: number; message: string }[] = [];
    stepProblems.set(stage.index, ownProblems);
    const layers: LayerEstimate[] = [];
    const fromId = nextId++;
    let state: StageState;
    try {
      const from = startStage(stage, sim, fromId, options.baseImageSizes);
      state = from.state;
      const unknown = from.unknown ? toUnknown(from.unknown, stage.from) : null;
      if (unknown) state.unknownLines.push(stage.from.span.line);
      for (const p of from.problems) ownProblems.push({ line: stage.from.span.line, message: p });
      const estimate = layerEstimate(stage.from, stage.index, 'base', from.bytes, from.notes, unknown, from.source);
      estimate.compressedBytes = from.compressed ?? compress([{ bytes: from.bytes, ratio: 'packages' }]);
      const record = state.fs.layers.find((l) => l.id === fromId);
      if (record) layersById.set(record.id, estimate);
      layers.push(estimate);
    } catch (error) {
      state = fallbackState(stage, sim, fromId);
      const estimate = layerEstimate(stage.from, stage.index, 'base', exact(0), [], internalUnknown(stage.from, error), null);
      layers.push(estimate);
    }
    states.set(stage.index, state);

    for (const instruction of stage.instructions) {
      const estimate = runStep(instruction, state, sim, () => nextId++, estimators, ownProblems, layersById);
      layers.push(estimate);
    }
    const totalBytes = state.fs.totalBytes();
    stageResults.push({ index: stage.index, name: stage.nameRaw ?? stage.name, role: roles.get(stage.index) ?? 'unused', baseImage: state.baseImage, baseStage: stage.baseStage, layers, totalBytes });
    const dive = analyzeEfficiency(state.fs.layers);
    for (const l of state.fs.layers) {
      const estimate = layersById.get(l.id);
      if (estimate && estimate.stage === stage.index) estimate.wastedBytes = dive.wastedByLayer.get(l.id) ?? 0;
    }
  }

  const targetState = states.get(target) as StageState;
  const chain = chainOf(parsed, target);
  const imageLayers = chain.flatMap((i) => stageResults[i]?.layers ?? []);
  const dive = analyzeEfficiency(targetState.fs.layers);
  for (const l of targetState.fs.layers) {
    const estimate = layersById.get(l.id);
    if (estimate) estimate.wastedBytes = dive.wastedByLayer.get(l.id) ?? 0;
  }
  const totalBytes = targetState.fs.totalBytes();
  const firstRecord: LayerRecord | undefined = targetState.fs.layers[0];
  const baseBytes = firstRecord ? layerBytes(firstRecord) : { ...ZERO };
  const addedBytes = { value: totalBytes.value - baseBytes.value, low: totalBytes.low - baseBytes.low, high: totalBytes.high - baseBytes.high };
  const unknowns: Unknown[] = imageLayers.flatMap((l) => (l.unknown ? [l.unknown] : []));
  for (const [index, list] of stepProblems) if ((roles.get(index) ?? 'unused') !== 'unused') problems.push(...list);
  problems.sort((a, b) => a.line - b.line);
  return {
    stages: stageResults,
    target,
    image: {
      totalBytes,
      compressedBytes: sum(imageLayers.map((l) => l.compressedBytes)),
      baseImage: targetState.baseImage,
      layers: imageLayers,
      wastedBytes: dive.wastedBytes,
      efficiency: dive.efficiency,
      addedBytes,
    },
    unknowns,
    problems,
    contextKnown: context !== null,
  };
}

function runStep(
  instruction: Instruction,
  state: StageState,
  sim: Simulation,
  newId: () => number,
  estimators: RunEstimators,
  problems: { line: number; message: string }[],
  layersById: Map<number, LayerEstimate>,
): LayerEstimate {
  const line = instruction.span.line;
  if (instruction.keyword !== 'RUN' && instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') {
    let notes: string[] = [];
    try {
      notes = METADATA_KEYWORDS.has(instruction.keyword) ? applyMetadata(instruction, state, sim.parsed) : [`${instruction.keyword} is not an instruction Docker knows`];
    } catch {
      notes = [];
    }
    return layerEstimate(instruction, state.index, 'metadata', exact(0), notes, null, null);
  }
  const id = newId();
  const writer = state.fs.begin(id);
  const ctx = new StepContext(instruction, state, writer, sim);
  try {
    if (instruction.keyword === 'RUN') estimateRun(ctx, estimators);
    else estimateCopy(ctx);
  } catch (error) {
    ctx.unknown({ command: instruction.keyword, reason: internalReason(error), assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
  }
  let unknown: Unknown | null = ctx.unknownParts.length > 0 ? combineUnknown(ctx.unknownParts, instruction) : null;
  let source = ctx.source;
  const stated = statedSize(sim.parsed, instruction);
  if (stated && 'error' in stated) problems.push({ line: stated.line, message: stated.error });
  else if (stated) {
    const known = writer.bytes();
    const rest = stated.bytes - known.value;
    if (rest > 0) writer.add({ path: `(stated size, line ${line})`, kind: 'opaque', bytes: exact(rest), what: 'output stated with # layerlab-size', compress: 'files' });
    else if (rest < 0) ctx.note(`the stated size is smaller than the ${known.value} B Layerlab counts for this step; the count is kept`);
    if (unknown) ctx.note(`the stated size replaces the unknown part (${unknown.reason})`);
    unknown = null;
    source = statedSource(stated.line);
  }
  if (unknown) {
    writer.add({ path: `(unknown output, line ${line})`, kind: 'opaque', bytes: unknown.assumed, what: `output of unknown steps on line ${line}`, compress: 'files' });
    state.unknownLines.push(line);
  }
  const record = writer.commit();
  for (const p of ctx.problems) problems.push({ line, message: p });
  const estimate = layerEstimate(instruction, state.index, 'filesystem', layerBytes(record), ctx.notes, unknown, source);
  estimate.added = ctx.added;
  estimate.removed = ctx.removed;
  estimate.compressedBytes = compress(record.entries.map((e) => ({ bytes: e.bytes, ratio: e.compress })));
  layersById.set(record.id, estimate);
  return estimate;
}

/** One unknown per step: the parts' commands and reasons, the widest assumed range. */
function combineUnknown(parts: readonly UnknownPart[], instruction: Instruction): Unknown {
  const widest = parts.reduce((a, b) => (b.assumed.high > a.assumed.high ? b : a));
  const reasons = [...new Set(parts.map((p) => p.reason))];
  const commands = [...new Set(parts.map((p) => p.command))];
  const low = parts.reduce((s, p) => s + p.assumed.low, 0);
  const value = parts.reduce((s, p) => s + p.assumed.value, 0);
  const high = Math.max(widest.assumed.high, low);
  return {
    line: instruction.span.line,
    command: commands.join('; '),
    reason: reasons.join('; '),
    assumed: { value: Math.min(Math.max(value, low), high), low, high },
    assumedWhy: parts.length > 1 ? `${widest.assumedWhy} (one range for the whole step)` : widest.assumedWhy,
  };
}

function toUnknown(part: UnknownPart, instruction: Instruction): Unknown {
  return { line: instruction.span.line, command: part.command, reason: part.reason, assumed: part.assumed, assumedWhy: part.assumedWhy };
}

function internalReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Layerlab could not estimate this step (internal error: ${message}); please report it`;
}

function internalUnknown(instruction: Instruction, error: unknown): Unknown {
  return { line: instruction.span.line, command: instruction.keyword, reason: internalReason(error), assumed: { ...UNKNOWN_COMMAND }, assumedWhy: UNKNOWN_COMMAND_WHY };
}

function fallbackState(stage: Stage, sim: Simulation, id: number): StageState {
  const state: StageState = {
    index: stage.index,
    name: stage.name,
    fs: sim.stages.get(stage.baseStage ?? -1)?.fs.clone() ?? new SimFs(),
    workdir: '/',
    os: { family: 'unknown', release: null, packageManager: 'unknown', libc: 'unknown', slim: false },
    vars: [],
    baseImage: null,
    unknownLines: [stage.from.span.line],
    apt: null,
  };
  const writer = state.fs.begin(id);
  writer.add({ path: `(base image ${stage.image.raw})`, kind: 'opaque', bytes: { ...UNKNOWN_COMMAND }, what: 'base image', compress: 'packages' });
  writer.commit();
  return state;
}

function layerEstimate(instruction: Instruction, stage: number, kind: LayerEstimate['kind'], bytes: Bytes, notes: string[], unknown: Unknown | null, source: LayerEstimate['source']): LayerEstimate {
  return {
    stage,
    instructionLine: instruction.span.line,
    endLine: instruction.span.endLine,
    instruction: instructionText(instruction),
    kind,
    bytes,
    compressedBytes: { ...ZERO },
    wastedBytes: 0,
    added: [],
    removed: [],
    notes,
    unknown,
    source,
    cache: 'unknown',
  };
}

/** Gzip estimate: each part divided by the ratio of its kind (ranges widen with the ratio's range). */
function compress(parts: readonly { bytes: Bytes; ratio: Parameters<typeof ratioOf>[0] }[]): Bytes {
  let value = 0;
  let low = 0;
  let high = 0;
  for (const p of parts) {
    const r = ratioOf(p.ratio);
    value += p.bytes.value / r.value;
    low += p.bytes.low / r.high;
    high += p.bytes.high / r.low;
  }
  return { value: Math.round(value), low: Math.round(Math.min(low, value)), high: Math.round(Math.max(high, value)) };
}

/** The stage a `--from`/`from=` value names: an earlier stage's name or index. */
function stageIndexOf(parsed: ParsedDockerfile, ref: string, before: number): number | null {
  if (/^\d+$/.test(ref)) {
    const n = Number(ref);
    return n < before && n < parsed.stages.length ? n : null;
  }
  const lower = ref.toLowerCase();
  const stage = parsed.stages.find((s) => s.index < before && s.name === lower);
  return stage ? stage.index : null;
}

/** The target and the stages it is FROM, base first. */
function chainOf(parsed: ParsedDockerfile, target: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = parsed.stages[target];
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.unshift(s.index);
    s = s.baseStage === null ? undefined : parsed.stages[s.baseStage];
  }
  return out;
}

/** What each stage is to the target: part of it, copied from (transitively), or unused. */
export function stageRoles(parsed: ParsedDockerfile, target: number): Map<number, StageRole> {
  const roles = new Map<number, StageRole>();
  const chain = chainOf(parsed, target);
  for (const i of chain) roles.set(i, i === target ? 'target' : 'base-of-target');
  const queue = [...chain];
  const visited = new Set<number>();
  while (queue.length > 0) {
    const index = queue.shift() as number;
    if (visited.has(index)) continue;
    visited.add(index);
    const stage = parsed.stages[index];
    if (!stage) continue;
    for (const dep of [...(stage.baseStage !== null ? [stage.baseStage] : []), ...referencedStages(parsed, stage)]) {
      if (!roles.has(dep)) roles.set(dep, 'builder');
      queue.push(dep);
    }
  }
  return roles;
}

function referencedStages(parsed: ParsedDockerfile, stage: Stage): number[] {
  const out: number[] = [];
  for (const i of stage.instructions) {
    for (const f of i.flags) {
      const ref = f.name === 'from' ? f.value : f.name === 'mount' ? (f.options.get('from') ?? null) : null;
      if (ref === null) continue;
      const index = stageIndexOf(parsed, ref, stage.index);
      if (index !== null) out.push(index);
    }
  }
  return out;
}

function emptyResult(problems: { line: number; message: string }[], contextKnown: boolean): SimulationResult {
  return {
    stages: [],
    target: -1,
    image: { totalBytes: { ...ZERO }, compressedBytes: { ...ZERO }, baseImage: null, layers: [], wastedBytes: 0, efficiency: 1, addedBytes: { ...ZERO } },
    unknowns: [],
    problems,
    contextKnown,
  };
}
