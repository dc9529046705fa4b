/**
 * Inline and file-level suppressions:
 * - Layerlab: `# layerlab-ignore RULE[,RULE]` (next instruction), `# layerlab-ignore-file RULE[,RULE]`
 *   (whole file); `all` matches every rule; anything after ` -- ` is a reason.
 * - hadolint: `# hadolint ignore=DL3008,DL3009` (next instruction), `# hadolint global ignore=…`,
 *   `# hadolint stage ignore=…` (the stage whose FROM follows), mapped through rule equivalents.
 * - BuildKit: the `# check=skip=A,B|all` directive (whole file) and, as in Dockerfile 1.21,
 *   a `# check=skip=…` comment directly above an instruction.
 */
import type { Span } from '../diagnostic.ts';
import type { Instruction, ParsedDockerfile } from '../parse/model.ts';

export interface Suppressions {
  isSuppressed(ruleId: string, equivalents: readonly string[], span: Span): boolean;
}

interface Scope {
  /** Lines covered, inclusive; file-wide when null. */
  from: number;
  to: number;
  /** Matchers: rule ids, `hadolint:DL3008`, `buildkit:Name`, or `*`. */
  names: Set<string>;
}

const HADOLINT_RE = /^hadolint\s+(global\s+|stage\s+)?ignore\s*=\s*([^#]*?)\s*(?:#.*)?$/;
const HADOLINT_NAME = /^[DLSC0-9]+$/;
const LAYERLAB_RE = /^layerlab-ignore(-file)?\s+(.+)$/;
const CHECK_RE = /^check\s*=\s*(.*)$/i;

export function collectSuppressions(dockerfile: ParsedDockerfile): Suppressions {
  const scopes: Scope[] = [];
  const byLine = new Map<number, Instruction>();
  for (const i of dockerfile.instructions) byLine.set(i.span.line, i);
  const lastLine = dockerfile.lineCount;
  const nextInstruction = (line: number): Instruction | undefined => {
    // The instruction on the next line, allowing further comment lines between (stacked pragmas).
    for (let l = line + 1; l <= lastLine; l++) {
      const i = byLine.get(l);
      if (i) return i;
      if (!dockerfile.comments.some((c) => c.line === l)) return undefined;
    }
    return undefined;
  };
  const stageRange = (from: Instruction): [number, number] => {
    const stage = dockerfile.stages.find((s) => s.from === from);
    const next = stage ? dockerfile.stages[stage.index + 1] : undefined;
    return [from.span.line, next ? next.from.span.line - 1 : lastLine];
  };

  for (const c of dockerfile.comments) {
    const text = c.text;
    let m = HADOLINT_RE.exec(text);
    if (m) {
      const list = (m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (list.length === 0 || !list.every((n) => HADOLINT_NAME.test(n))) continue; // hadolint voids such pragmas
      const names = new Set(list.map((n) => `hadolint:${n}`));
      const kind = (m[1] ?? '').trim();
      if (kind === 'global') scopes.push({ from: 1, to: lastLine, names });
      else if (kind === 'stage') {
        const target = nextInstruction(c.line);
        if (target?.keyword === 'FROM') {
          const [from, to] = stageRange(target);
          scopes.push({ from, to, names });
        }
      } else {
        const target = nextInstruction(c.line);
        if (target && target.span.line === c.line + 1) scopes.push({ from: target.span.line, to: target.span.endLine, names });
      }
      continue;
    }
    m = LAYERLAB_RE.exec(text);
    if (m) {
      const list = (m[2] ?? '').split(' -- ')[0]?.split(/[\s,]+/).filter(Boolean) ?? [];
      // A name is a rule id, `all`, a qualified equivalent, or a bare hadolint code / BuildKit check name.
      const names = new Set(list.flatMap((n) => (n === 'all' ? ['*'] : n.includes(':') ? [n] : [n, `hadolint:${n}`, `buildkit:${n}`])));
      if (m[1]) scopes.push({ from: 1, to: lastLine, names });
      else {
        const target = nextInstruction(c.line);
        if (target) scopes.push({ from: target.span.line, to: target.span.endLine, names });
      }
      continue;
    }
    m = CHECK_RE.exec(text);
    if (m) {
      const names = parseCheckSkip(m[1] ?? '');
      if (!names) continue;
      const target = nextInstruction(c.line);
      if (target && target.span.line === c.line + 1) {
        const [from, to] = target.keyword === 'FROM' ? stageRange(target) : [target.span.line, target.span.endLine];
        scopes.push({ from, to, names });
      }
    }
  }
  for (const d of dockerfile.directives) {
    if (d.name !== 'check') continue;
    const names = parseCheckSkip(d.value);
    if (names) scopes.push({ from: 1, to: lastLine, names });
  }

  return {
    isSuppressed(ruleId, equivalents, span) {
      for (const s of scopes) {
        if (span.line < s.from || span.line > s.to) continue;
        if (s.names.has('*') || s.names.has(ruleId)) return true;
        if (s.names.has('buildkit:*') && equivalents.some((e) => e.startsWith('buildkit:'))) return true;
        for (const e of equivalents) if (s.names.has(e)) return true;
      }
      return false;
    },
  };
}

/** `skip=A,B;error=true` → {buildkit:A, buildkit:B}; `skip=all` → buildkit:*. */
function parseCheckSkip(value: string): Set<string> | null {
  for (const part of value.split(';')) {
    const [k, v] = part.split('=', 2).map((s) => s.trim());
    if (k?.toLowerCase() !== 'skip' || v === undefined) continue;
    const names = v.split(',').map((s) => s.trim()).filter(Boolean);
    return new Set(names.map((n) => (n === 'all' ? 'buildkit:*' : `buildkit:${n}`)));
  }
  return null;
}
