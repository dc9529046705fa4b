/**
 * Shared queries over the parsed Dockerfile for rules.
 */
import type { Instruction, ParsedDockerfile, Stage } from '../parse/model.ts';
import type { ShellCommand } from '../shell/types.ts';

/** Lists made by instructionsOf, per document (many rules ask for the same list). */
const instructionLists = new WeakMap<ParsedDockerfile, Map<string, readonly Instruction[]>>();

/** Instructions of `keyword`, optionally including ONBUILD triggers (`ONBUILD RUN …`). Shared and frozen. */
export function instructionsOf(df: ParsedDockerfile, keyword: string, { onbuild = true } = {}): readonly Instruction[] {
  let lists = instructionLists.get(df);
  if (!lists) instructionLists.set(df, (lists = new Map()));
  const key = onbuild ? keyword : `${keyword} without ONBUILD`;
  let out = lists.get(key);
  if (!out) {
    const list: Instruction[] = [];
    for (const i of df.instructions) {
      if (i.keyword === keyword) list.push(i);
      else if (onbuild && i.trigger?.keyword === keyword) list.push(i.trigger);
    }
    out = Object.freeze(list);
    lists.set(key, out);
  }
  return out;
}

/** Shell commands of an instruction (empty when there is no shell script, e.g. non-POSIX SHELL). */
export function commandsOf(instruction: Instruction): readonly ShellCommand[] {
  return instruction.shell?.commands ?? [];
}

/** Every RUN (and ONBUILD RUN) with its commands. */
export function runs(df: ParsedDockerfile, { onbuild = true } = {}): readonly Instruction[] {
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

/** A pair of ENV or LABEL as the builder splits it (quote-aware, unlike `Instruction.args`). */
export interface KeyValuePair {
  /** Quotes removed, escaped characters unescaped. */
  key: string;
  /** `key=value`: quotes removed. Legacy `key value`: the rest of the instruction as written, trimmed. */
  value: string;
  /** The legacy `KEY value` form (no `=`), which takes the rest of the instruction as its value. */
  legacy: boolean;
  keySpan: import('../diagnostic.ts').Span;
  /** The value as written; null for an empty `key=`. */
  valueSpan: import('../diagnostic.ts').Span | null;
  /** The whole pair as written. */
  span: import('../diagnostic.ts').Span;
}

const pairsOf = new WeakMap<Instruction, readonly KeyValuePair[]>();

/**
 * Pairs of `ENV` or `LABEL`: `a=1 b="x y"`, or the legacy `a x y` (one pair taking the rest).
 * Line continuations (and blank or comment lines after them) are skipped, as the builder does.
 * Computed once per instruction (several rules read them); the list is shared and frozen.
 */
export function keyValuePairs(df: ParsedDockerfile, instruction: Instruction): readonly KeyValuePair[] {
  let pairs = pairsOf.get(instruction);
  if (!pairs) pairsOf.set(instruction, (pairs = Object.freeze(splitPairs(df, instruction))));
  return pairs;
}

function splitPairs(df: ParsedDockerfile, instruction: Instruction): KeyValuePair[] {
  if (!instruction.argsSpan) return [];
  const base = df.offsetOf(instruction.argsSpan.line, instruction.argsSpan.column);
  const text = instruction.argsText;
  const esc = df.escapeChar;
  // Characters of the logical line with their document offsets.
  const cs: { c: string; o: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const cont = text[i] === esc ? /^[ \t]*\r?\n/.exec(text.slice(i + 1)) : null;
    if (!cont) {
      cs.push({ c: text[i] as string, o: base + i });
      continue;
    }
    i += cont[0].length;
    for (let m = /^[ \t]*(#[^\n]*)?\r?\n/.exec(text.slice(i + 1)); m; m = /^[ \t]*(#[^\n]*)?\r?\n/.exec(text.slice(i + 1))) i += m[0].length;
  }
  const ws = (k: number) => k < cs.length && /\s/.test((cs[k] as { c: string }).c);
  const span = (a: number, b: number) => df.spanOf((cs[a] as { o: number }).o, (cs[b - 1] as { o: number }).o + 1);
  /** Reads a word from `k` up to unquoted whitespace (or `stop`); returns its unquoted value and end. */
  const word = (k: number, stop: string): [string, number] => {
    let out = '';
    let quote = '';
    for (; k < cs.length; k++) {
      const c = (cs[k] as { c: string }).c;
      if (quote) {
        if (c === quote) quote = '';
        else if (c === esc && quote === '"' && k + 1 < cs.length) out += (cs[++k] as { c: string }).c;
        else out += c;
      } else if (c === '"' || c === "'") quote = c;
      else if (/\s/.test(c) || c === stop) break;
      else if (c === esc && k + 1 < cs.length) out += (cs[++k] as { c: string }).c;
      else out += c;
    }
    return [out, k];
  };
  const pairs: KeyValuePair[] = [];
  let k = 0;
  while (ws(k)) k++;
  while (k < cs.length) {
    const start = k;
    const [key, keyEnd] = word(k, '=');
    if (keyEnd === start) break;
    const keySpan = span(start, keyEnd);
    if (cs[keyEnd]?.c === '=') {
      const [value, end] = word(keyEnd + 1, '');
      pairs.push({ key, value, legacy: false, keySpan, valueSpan: end > keyEnd + 1 ? span(keyEnd + 1, end) : null, span: span(start, end) });
      k = end;
      while (ws(k)) k++;
      continue;
    }
    let v = keyEnd;
    while (ws(v)) v++;
    let end = cs.length;
    while (end > v && ws(end - 1)) end--;
    const value = cs.slice(v, end).map((x) => x.c).join('');
    pairs.push({ key, value, legacy: true, keySpan, valueSpan: end > v ? span(v, end) : null, span: span(start, Math.max(end, keyEnd)) });
    break;
  }
  return pairs;
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

/** The instruction (or ONBUILD trigger) at a line: the one starting last at or before it. */
export function instructionAtLine(df: ParsedDockerfile, line: number): Instruction | undefined {
  let found: Instruction | undefined;
  for (const i of df.instructions) if (i.span.line <= line) found = i;
  const t = found?.trigger;
  return t && t.span.line <= line && line <= t.span.endLine ? t : found;
}
