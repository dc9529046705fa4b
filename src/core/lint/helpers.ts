/**
 * Shared queries over the parsed Dockerfile for rules.
 */
import type { Instruction, ParsedDockerfile, Stage } from '../parse/model.ts';
import type { ShellCommand } from '../shell/types.ts';

/** Instructions of `keyword`, optionally including ONBUILD triggers (`ONBUILD RUN …`). */
export function instructionsOf(df: ParsedDockerfile, keyword: string, { onbuild = true } = {}): Instruction[] {
  const out: Instruction[] = [];
  for (const i of df.instructions) {
    if (i.keyword === keyword) out.push(i);
    else if (onbuild && i.trigger?.keyword === keyword) out.push(i.trigger);
  }
  return out;
}

/** Shell commands of an instruction (empty when there is no shell script, e.g. non-POSIX SHELL). */
export function commandsOf(instruction: Instruction): readonly ShellCommand[] {
  return instruction.shell?.commands ?? [];
}

/** Every RUN (and ONBUILD RUN) with its commands. */
export function runs(df: ParsedDockerfile, { onbuild = true } = {}): Instruction[] {
  return instructionsOf(df, 'RUN', { onbuild });
}

export function finalStage(df: ParsedDockerfile): Stage | undefined {
  return df.stages[df.stages.length - 1];
}

/** Stages that become part of the image: the last stage and every stage a later FROM builds on. */
export function shippedStageIndexes(df: ParsedDockerfile): Set<number> {
  const out = new Set<number>();
  const last = finalStage(df);
  if (!last) return out;
  let s: Stage | undefined = last;
  while (s) {
    out.add(s.index);
    s = s.baseStage === null ? undefined : df.stages[s.baseStage];
  }
  return out;
}

/** Stages that are the final stage or are used as a base by a later FROM (hadolint DL3009/DL3060 logic). */
export function lastOrReusedStageIndexes(df: ParsedDockerfile): Set<number> {
  const out = new Set<number>();
  if (df.stages.length) out.add(df.stages.length - 1);
  for (const s of df.stages) if (s.baseStage !== null) out.add(s.baseStage);
  return out;
}

export interface Mount {
  type: string;
  target: string | null;
  from: string | null;
  options: ReadonlyMap<string, string | null>;
}

/** `RUN --mount=…` flags, with `type` defaulting to bind as BuildKit does. */
export function mountsOf(instruction: Instruction): Mount[] {
  return instruction.flags
    .filter((f) => f.name === 'mount')
    .map((f) => ({
      type: (f.options.get('type') ?? 'bind') || 'bind',
      target: f.options.get('target') ?? f.options.get('dst') ?? f.options.get('destination') ?? null,
      from: f.options.get('from') ?? null,
      options: f.options,
    }));
}

/** A cache or tmpfs mount whose target matches `test` keeps that directory out of the layer. */
export function hasCacheMount(instruction: Instruction, test: (target: string) => boolean): boolean {
  return mountsOf(instruction).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null && test(m.target.replace(/\/+$/, '')));
}

/** The stage an instruction belongs to. */
export function stageOf(df: ParsedDockerfile, instruction: Instruction): Stage | undefined {
  return instruction.stage >= 0 ? df.stages[instruction.stage] : undefined;
}

/** The chain of stages an instruction's stage builds on, nearest first (itself included). */
export function stageChain(df: ParsedDockerfile, stage: Stage): Stage[] {
  const out: Stage[] = [];
  let s: Stage | undefined = stage;
  const seen = new Set<number>();
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.push(s);
    s = s.baseStage === null ? undefined : df.stages[s.baseStage];
  }
  return out;
}

/**
 * The candidate closest to `value` by edit distance (case-insensitive), when it is close enough to be a
 * likely typo: at most a third of the length apart (at least 1, at most 3 edits). For "did you mean" hints.
 */
export function closestName(value: string, candidates: Iterable<string>): string | undefined {
  const v = value.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(v.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === value) continue;
    const d = editDistance(v, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
