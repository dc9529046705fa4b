/** Checkstyle XML (version 4.3), read by Jenkins, reviewdog, SonarQube and others. */
import type { Severity } from '../../core/diagnostic.ts';
import type { LintReport } from '../report.ts';

/** Checkstyle knows error, warning, info and ignore; `style` findings are reported as info. */
const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

/** Escapes text for an XML 1.0 attribute; characters XML cannot carry are dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export function formatCheckstyle(report: LintReport): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const file of report.files) {
    out.push(`  <file name="${xmlEscape(file.file)}">`);
    for (const d of file.diagnostics) {
      out.push(
        `    <error line="${d.span.line}" column="${d.span.column}" severity="${LEVEL[d.severity]}" message="${xmlEscape(d.message)}" source="layerlab.${xmlEscape(d.ruleId)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
