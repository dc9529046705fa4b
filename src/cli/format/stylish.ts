/** Human output: findings grouped by file, `line:col  severity  message  rule-id`, then a summary. */
import type { Severity } from '../../core/diagnostic.ts';
import type { Colors } from '../colors.ts';
import { countBySeverity, type LintReport } from '../report.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : /(s|x|sh|ch)$/.test(word) ? 'es' : 's'}`;

export function formatStylish(report: LintReport, c: Colors): string {
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan, style: c.magenta };
  const out: string[] = [];
  for (const file of report.files) {
    if (file.diagnostics.length === 0 && file.fixesApplied === 0) continue;
    out.push(c.underline(file.file));
    if (file.fixesApplied > 0) out.push(`  ${c.green(`fixed ${plural(file.fixesApplied, 'problem')}`)}`);
    const positions = file.diagnostics.map((d) => `${d.span.line}:${d.span.column}`);
    const posWidth = Math.max(0, ...positions.map((p) => p.length));
    const sevWidth = Math.max(0, ...file.diagnostics.map((d) => d.severity.length));
    file.diagnostics.forEach((d, i) => {
      const pos = (positions[i] ?? '').padEnd(posWidth);
      const severity = paint[d.severity](d.severity.padEnd(sevWidth));
      out.push(`  ${c.dim(pos)}  ${severity}  ${d.message}  ${c.dim(d.ruleId)}`);
    });
    out.push('');
  }

  const counts = countBySeverity(report);
  const total = counts.error + counts.warning + counts.info + counts.style;
  const files = report.files.length;
  const fixed = report.files.reduce((n, f) => n + f.fixesApplied, 0);
  const suppressed = report.files.reduce((n, f) => n + f.suppressed, 0);
  const extras: string[] = [];
  if (suppressed > 0) extras.push(`${suppressed} suppressed by ignore comments`);
  if (fixed > 0) extras.push(`${plural(fixed, 'fix')} applied`);
  const tail = extras.length ? ` ${c.dim(`(${extras.join(', ')})`)}` : '';
  if (total === 0) {
    out.push(`${c.green('✔')} No problems in ${plural(files, 'file')}.${tail}`);
  } else {
    const parts = (['error', 'warning', 'info', 'style'] as const).filter((s) => counts[s] > 0).map((s) => paint[s](s === 'error' || s === 'warning' ? plural(counts[s], s) : `${counts[s]} ${s}`));
    const mark = counts.error > 0 ? c.red('✖') : c.yellow('✖');
    out.push(`${mark} ${c.bold(plural(total, 'problem'))} (${parts.join(', ')}) in ${plural(files, 'file')}.${tail}`);
    const fixable = report.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.fix).length, 0);
    if (fixable > 0) out.push(c.dim(`  ${plural(fixable, 'problem')} can be fixed with \`layerlab lint --fix\`.`));
  }
  if (report.failures.length > 0) out.push(c.red(`✖ ${plural(report.failures.length, 'file')} could not be read (see the messages above).`));
  return `${out.join('\n')}\n`;
}
