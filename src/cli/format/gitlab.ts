/** GitLab Code Quality report: a JSON array of issues (https://docs.gitlab.com/ci/testing/code_quality/). */
import { createHash } from 'node:crypto';
import type { Severity } from '../../core/diagnostic.ts';
import type { LintReport } from '../report.ts';

/** The same mapping as hadolint's Code Quality output. */
const GITLAB_SEVERITY: Record<Severity, string> = { error: 'blocker', warning: 'major', info: 'minor', style: 'info' };

export function formatGitlab(report: LintReport): string {
  const issues = [];
  for (const file of report.files) {
    const seen = new Map<string, number>();
    for (const d of file.diagnostics) {
      // Stable across runs: file, rule, line and message; a repeat of the same tuple gets a counter.
      const key = [file.file, d.ruleId, String(d.span.line), d.message].join('\u0000');
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const fingerprint = createHash('sha256').update(n === 0 ? key : `${key}\u0000${n}`).digest('hex');
      issues.push({
        description: d.message,
        check_name: d.ruleId,
        fingerprint,
        severity: GITLAB_SEVERITY[d.severity],
        location: { path: file.file, lines: { begin: d.span.line, end: d.span.endLine } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
