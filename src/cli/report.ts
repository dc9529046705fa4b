/** The result of `layerlab lint` over all files, as the formatters see it. */
import path from 'node:path';
import { severityRank, type Diagnostic, type Severity } from '../core/diagnostic.ts';
import type { FailureThreshold, ResolvedConfig } from '../core/lint/config.ts';
import type { Rule } from '../core/lint/define-rule.ts';

export interface FileReport {
  /** Path relative to the current directory with forward slashes, or the stdin name. */
  file: string;
  stdin: boolean;
  /** Findings after --quiet filtering, sorted by position. */
  diagnostics: Diagnostic[];
  /** Fixes applied by --fix (all passes). */
  fixesApplied: number;
  /** Findings silenced by ignore comments. */
  suppressed: number;
  /** The text the findings refer to (after fixes). */
  source: string;
}

export interface FileFailure {
  file: string;
  message: string;
}

export interface LintReport {
  files: FileReport[];
  /** Files that could not be read (exit code 2). */
  failures: FileFailure[];
  threshold: FailureThreshold;
  config: ResolvedConfig;
  rules: readonly Rule[];
  version: string;
  docsBaseUrl: string;
  cwd: string;
}

export const STDIN_NAME = '<stdin>';

/** `p` relative to `cwd` with forward slashes; absolute when it lies outside `cwd`. */
export function displayPath(p: string, cwd: string): string {
  const absolute = path.resolve(cwd, p);
  const relative = path.relative(cwd, absolute);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  const shown = relative === '' ? absolute : outside ? absolute : relative;
  return shown.split(path.sep).join('/');
}

export function meetsThreshold(severity: Severity, threshold: FailureThreshold): boolean {
  return threshold !== 'none' && severityRank(severity) <= severityRank(threshold);
}

export function isFailing(report: LintReport): boolean {
  return report.files.some((f) => f.diagnostics.some((d) => meetsThreshold(d.severity, report.threshold)));
}

export function exitCodeOf(report: LintReport): number {
  if (report.failures.length > 0) return 2;
  return isFailing(report) ? 1 : 0;
}

export function countBySeverity(report: LintReport): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const f of report.files) for (const d of f.diagnostics) counts[d.severity]++;
  return counts;
}
