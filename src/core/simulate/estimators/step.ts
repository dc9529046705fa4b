/**
 * What every estimator works with: the state of the stage being built, the layer being written,
 * and a place to leave notes, unknown parts and problems.
 */
import { mountsOf } from '../../lint/helpers.ts';
import { cleanPath } from '../../lint/dockerignore.ts';
import type { Instruction, ParsedDockerfile, VarDef } from '../../parse/model.ts';
import { expandVars } from '../../parse/vars.ts';
import type { AptState } from '../apt-state.ts';
import type { PreparedContext } from '../context.ts';
import type { SimulationData } from '../data.ts';
import type { CompressionClass } from '../facts.ts';
import { isWithin, type FsEntry, type LayerWriter, type SimFs } from '../filesystem.ts';
import type { BaseImageInfo, Bytes, OsInfo, PathSummary, SourceRef } from '../types.ts';

export interface StageState {
  readonly index: number;
  readonly name: string | null;
  fs: SimFs;
  workdir: string;
  os: OsInfo;
  /** ARG/ENV definitions visible so far (ENV inherited through `FROM <stage>`). */
  vars: VarDef[];
  baseImage: BaseImageInfo | null;
  /** Lines of steps in this stage's chain whose output is (partly) unknown. */
  unknownLines: number[];
  /** apt's view of the installed packages; null when they are not known. */
  apt: AptState | null;
}

export interface Simulation {
  readonly parsed: ParsedDockerfile;
  readonly data: SimulationData;
  readonly context: PreparedContext | null;
  /** Finished stages by index. */
  readonly stages: ReadonlyMap<number, StageState>;
  /** Finds an earlier stage by `--from` value (name or index). */
  stageByRef(ref: string, before: number): StageState | null;
}

/** A part of a step that cannot be sized; a step's parts become one Unknown. */
export interface UnknownPart {
  command: string;
  reason: string;
  assumed: Bytes;
  assumedWhy: string;
}

export class StepContext {
  readonly instruction: Instruction;
  readonly stage: StageState;
  readonly writer: LayerWriter;
  readonly sim: Simulation;
  readonly notes: string[] = [];
  readonly unknownParts: UnknownPart[] = [];
  readonly problems: string[] = [];
  readonly added: PathSummary[] = [];
  readonly removed: PathSummary[] = [];
  source: SourceRef | null = null;
  /** Facts estimators leave for the end of the step (e.g. `apt-clean`). */
  readonly flags = new Set<string>();
  /** Packages marked manual when this step started (what `savedAptMark="$(apt-mark showmanual)"` holds). */
  readonly manualAtStart: ReadonlySet<string>;
  /** Directories the RUN mounts (cache, tmpfs, bind, secret): writes there stay out of the layer. */
  readonly mountTargets: { target: string; type: string }[];

  constructor(instruction: Instruction, stage: StageState, writer: LayerWriter, sim: Simulation) {
    this.instruction = instruction;
    this.stage = stage;
    this.writer = writer;
    this.sim = sim;
    const apt = stage.apt;
    this.manualAtStart = new Set(apt ? [...apt.installed].filter((n) => !apt.auto.has(n)) : []);
    this.mountTargets = instruction.keyword === 'RUN' ? mountsOf(instruction).flatMap((m) => (m.target ? [{ target: this.resolve(m.target) ?? m.target, type: m.type }] : [])) : [];
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  unknown(part: UnknownPart): void {
    this.unknownParts.push(part);
  }

  problem(text: string): void {
    if (!this.problems.includes(text)) this.problems.push(text);
  }

  /** The mount that keeps `path` out of the layer, if any. */
  mountFor(path: string): { target: string; type: string } | null {
    return this.mountTargets.find((m) => isWithin(path, m.target)) ?? null;
  }

  /** Adds an entry unless a RUN mount keeps it out of the layer. Returns whether it was stored. */
  addEntry(entry: { path: string; kind: FsEntry['kind']; bytes: Bytes; what: string; compress: CompressionClass }, options: { summarize?: boolean } = {}): boolean {
    if (entry.kind !== 'opaque') {
      const mount = this.mountFor(entry.path);
      if (mount) {
        this.note(`${entry.what} goes to the ${mount.type} mount on ${mount.target}, not into the layer`);
        return false;
      }
    }
    this.writer.add(entry);
    if (options.summarize !== false) this.added.push({ path: entry.path, bytes: entry.bytes.value, what: entry.what });
    return true;
  }

  /** Expands `$VAR`/`${VAR}` with the ARG/ENV values known here; null when a value is unknown. */
  expand(text: string): string | null {
    if (!text.includes('$')) return text;
    return expandVars(text, this.stage.vars, this.sim.parsed.escapeChar).value;
  }

  /** An absolute, cleaned path for `path` (relative ones start at WORKDIR); null when it uses an unknown variable. */
  resolve(path: string): string | null {
    const expanded = this.expand(path);
    if (expanded === null) return null;
    return resolvePath(this.stage.workdir, expanded);
  }
}

export function resolvePath(workdir: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${workdir.replace(/\/+$/, '')}/${path}`;
  const clean = cleanPath(joined);
  return clean === '.' || clean === '' ? '/' : clean.startsWith('/') ? clean : `/${clean}`;
}

/** The instruction on one line, shortened for tables and JSON. */
export function instructionText(instruction: Instruction, max = 200): string {
  const flags = instruction.flags.map((f) => `--${f.name}${f.value !== null ? `=${f.value}` : ''}`).join(' ');
  let argsText = instruction.argsText;
  const body = instruction.heredocs[0]?.contentSpan?.line;
  if (body !== undefined && instruction.argsSpan) argsText = argsText.split('\n').slice(0, Math.max(1, body - instruction.argsSpan.line)).join('\n');
  const args = argsText.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  const text = [instruction.keyword, flags, args].filter((s) => s !== '').join(' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A command's text for messages: name and first arguments. */
export function commandText(name: string, args: readonly { value: string }[], max = 80): string {
  const text = [name, ...args.map((a) => a.value)].join(' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
