import type { Colors } from '../colors.ts';
import type { LintReport } from '../report.ts';
import { formatCheckstyle } from './checkstyle.ts';
import { formatGitlab } from './gitlab.ts';
import { formatJson } from './json.ts';
import { formatSarif } from './sarif.ts';
import { formatStylish } from './stylish.ts';

export const FORMATS = ['stylish', 'json', 'sarif', 'checkstyle', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

export function formatReport(format: Format, report: LintReport, colors: Colors): string {
  switch (format) {
    case 'stylish':
      return formatStylish(report, colors);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'checkstyle':
      return formatCheckstyle(report);
    case 'gitlab':
      return formatGitlab(report);
  }
}
