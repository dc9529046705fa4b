/**
 * Invariants every lint result must satisfy, whatever the input: shared by the corpus test and the
 * fuzz tests. Each check returns a list of human-readable violations (empty = fine) instead of
 * throwing, so a property can report all of them at once.
 */
import type { Diagnostic, Span } from '../../src/core/diagnostic.ts';
import { applyFixes } from '../../src/core/lint/apply-fixes.ts';
import type { NodeLinter } from '../../src/node/engine.ts';

/**
 * Line lengths of a document, splitting on LF, CRLF and a lone CR, as LSP and Monaco do (and as
 * the engine's TextIndex does). Written independently of the engine on purpose.
 */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'style']);
const CATEGORIES = new Set(['size', 'cache', 'security', 'correctness', 'maintainability', 'syntax']);

export function spanProblems(span: Span | undefined, lines: readonly number[], what: string): string[] {
  if (!span) return [`${what}: no span`];
  const { line, column, endLine, endColumn } = span;
  const show = `${what} ${line}:${column}-${endLine}:${endColumn}`;
  const problems: string[] = [];
  for (const [k, v] of Object.entries(span)) if (!Number.isInteger(v)) problems.push(`${show}: ${k} is not an integer (${String(v)})`);
  if (problems.length > 0) return problems;
  if (line < 1 || line > lines.length) problems.push(`${show}: line outside 1..${lines.length}`);
  if (endLine < 1 || endLine > lines.length) problems.push(`${show}: endLine outside 1..${lines.length}`);
  const startLen = lines[line - 1];
  const endLen = lines[endLine - 1];
  if (startLen !== undefined && (column < 1 || column > startLen + 1)) problems.push(`${show}: column outside 1..${startLen + 1}`);
  if (endLen !== undefined && (endColumn < 1 || endColumn > endLen + 1)) problems.push(`${show}: endColumn outside 1..${endLen + 1}`);
  if (line > endLine || (line === endLine && column > endColumn)) problems.push(`${show}: starts after it ends`);
  return problems;
}

export function diagnosticProblems(d: Diagnostic, lines: readonly number[]): string[] {
  const what = `[${d.ruleId}]`;
  const problems: string[] = [];
  if (typeof d.ruleId !== 'string' || d.ruleId === '') problems.push(`${what}: missing ruleId`);
  if (d.ruleId === 'internal-error') problems.push(`${what}: a rule crashed: ${d.message}`);
  if (!SEVERITIES.has(d.severity)) problems.push(`${what}: bad severity ${String(d.severity)}`);
  if (!CATEGORIES.has(d.category)) problems.push(`${what}: bad category ${String(d.category)}`);
  if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`${what}: empty message`);
  if (typeof d.docsUrl !== 'string' || !/^https?:\/\/\S+$/.test(d.docsUrl)) problems.push(`${what}: bad docsUrl ${String(d.docsUrl)}`);
  if (!Array.isArray(d.equivalents)) problems.push(`${what}: equivalents is not an array`);
  if (!Number.isInteger(d.instructionLine) || d.instructionLine < 1 || d.instructionLine > lines.length) {
    problems.push(`${what}: instructionLine ${String(d.instructionLine)} outside 1..${lines.length}`);
  }
  problems.push(...spanProblems(d.span, lines, what));
  if (d.fix) {
    if (typeof d.fix.title !== 'string' || d.fix.title === '') problems.push(`${what}: fix without title`);
    if (!Array.isArray(d.fix.edits) || d.fix.edits.length === 0) problems.push(`${what}: fix without edits`);
    else for (const e of d.fix.edits) {
      if (typeof e.text !== 'string') problems.push(`${what}: fix edit text is not a string`);
      problems.push(...spanProblems(e.span, lines, `${what} fix edit`));
    }
  }
  return problems;
}

export interface CheckedLint {
  diagnostics: Diagnostic[];
  problems: string[];
  /** Text after applying every fix (the same text when there are none). */
  fixedText: string;
  fixesApplied: number;
}

/**
 * Lints `text`, checks every diagnostic, applies the fixes and lints the result again (checking it
 * too). Exceptions from lint or applyFixes are reported as problems, not rethrown.
 */
export function checkLint(linter: NodeLinter, text: string): CheckedLint {
  const problems: string[] = [];
  let diagnostics: Diagnostic[] = [];
  try {
    diagnostics = linter.lint(text).diagnostics;
  } catch (error) {
    return { diagnostics, problems: [`lint threw: ${describe(error)}`], fixedText: text, fixesApplied: 0 };
  }
  const lines = lineLengths(text);
  for (const d of diagnostics) problems.push(...diagnosticProblems(d, lines));
  let fixedText = text;
  let fixesApplied = 0;
  if (diagnostics.some((d) => d.fix)) {
    try {
      const fixed = applyFixes(text, diagnostics);
      fixedText = fixed.text;
      fixesApplied = fixed.applied;
    } catch (error) {
      problems.push(`applyFixes threw: ${describe(error)}`);
      return { diagnostics, problems, fixedText, fixesApplied };
    }
    try {
      const again = linter.lint(fixedText).diagnostics;
      const fixedLines = lineLengths(fixedText);
      for (const d of again) problems.push(...diagnosticProblems(d, fixedLines).map((p) => `after fixes: ${p}`));
    } catch (error) {
      problems.push(`lint of the fixed text threw: ${describe(error)}`);
    }
  }
  return { diagnostics, problems, fixedText, fixesApplied };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}
