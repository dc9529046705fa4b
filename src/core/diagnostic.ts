/**
 * The one diagnostic shape used by the engine, the CLI, the editor and the agent.
 * Positions are 1-based; `endColumn` is exclusive. Columns count UTF-16 code units,
 * which is what JavaScript strings, Monaco and LSP use.
 */
export type Severity = 'error' | 'warning' | 'info' | 'style';
export type Category = 'size' | 'cache' | 'security' | 'correctness' | 'maintainability' | 'syntax';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];
export const CATEGORIES: readonly Category[] = ['size', 'cache', 'security', 'correctness', 'maintainability', 'syntax'];

/** Lower is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface TextEdit {
  span: Span;
  text: string;
}

export interface Fix {
  /** Imperative, e.g. "Add --no-install-recommends". */
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  category: Category;
  message: string;
  /** Exact place of the problem (may be inside a multi-line instruction). */
  span: Span;
  /** First line of the instruction the finding belongs to (the line hadolint would report). */
  instructionLine: number;
  fix?: Fix;
  /** Equivalent checks of other linters, e.g. `hadolint:DL3009`, `buildkit:JSONArgsRecommended`. */
  equivalents: readonly string[];
  docsUrl: string;
}

export function compareSpans(a: Span, b: Span): number {
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareSpans(a.span, b.span) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
