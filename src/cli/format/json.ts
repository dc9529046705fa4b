/**
 * Machine output, version 1. The contract is documented in the README ("JSON output"); a breaking
 * change to it must bump `version`.
 */
import type { Diagnostic } from '../../core/diagnostic.ts';
import { countBySeverity, exitCodeOf, isFailing, type LintReport } from '../report.ts';

export function toJsonFinding(d: Diagnostic) {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    category: d.category,
    message: d.message,
    line: d.instructionLine,
    span: { line: d.span.line, column: d.span.column, endLine: d.span.endLine, endColumn: d.span.endColumn },
    equivalents: [...d.equivalents],
    docsUrl: d.docsUrl,
    ...(d.fix ? { fix: { title: d.fix.title, edits: d.fix.edits.map((e) => ({ span: { ...e.span }, text: e.text })) } } : {}),
  };
}

export function formatJson(report: LintReport): string {
  const counts = countBySeverity(report);
  const output = {
    version: 1,
    tool: { name: 'layerlab', version: report.version },
    files: report.files.map((f) => ({
      file: f.file,
      fixesApplied: f.fixesApplied,
      suppressed: f.suppressed,
      findings: f.diagnostics.map(toJsonFinding),
    })),
    errors: report.failures.map((f) => ({ file: f.file, message: f.message })),
    summary: {
      files: report.files.length,
      findings: counts.error + counts.warning + counts.info + counts.style,
      ...counts,
      fixesApplied: report.files.reduce((n, f) => n + f.fixesApplied, 0),
      suppressed: report.files.reduce((n, f) => n + f.suppressed, 0),
      failureThreshold: report.threshold,
      failed: isFailing(report),
      exitCode: exitCodeOf(report),
    },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
