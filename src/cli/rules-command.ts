/** `layerlab rules [--format text|json]` */
import type { Rule } from '../core/lint/define-rule.ts';
import { rules } from '../core/lint/registry.ts';
import { oneOf, parseCommandArgs, str, type OptionSpec } from './args.ts';
import type { CliIO } from './io.ts';
import { checkDocsBaseUrl } from './lint-command.ts';
import { RULES_USAGE } from './usage.ts';

export const RULES_OPTIONS: OptionSpec = {
  format: { type: 'string', short: 'f' },
  'docs-base-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export function ruleInfo(rule: Rule, docsBaseUrl: string) {
  return {
    id: rule.id,
    title: rule.title,
    category: rule.category,
    severity: rule.severity,
    equivalents: [...rule.equivalents],
    lesson: rule.lesson,
    fixable: rule.fixable,
    needsConfig: rule.needsConfig,
    docsUrl: docsBaseUrl + rule.id,
    why: rule.why,
  };
}

export function rulesCommand(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs('rules', args, RULES_OPTIONS);
  if (values['help']) {
    io.stdout.write(RULES_USAGE);
    return 0;
  }
  if (positionals.length > 0) {
    io.stderr.write(`layerlab rules: unexpected argument ${positionals[0]}. The rules command takes no arguments; to lint a file run \`layerlab lint ${positionals[0]}\`.\n`);
    return 2;
  }
  const format = oneOf('rules', '--format', str(values['format']), ['text', 'json'] as const, 'text');
  const docsBaseUrl = checkDocsBaseUrl(str(values['docs-base-url']));
  const infos = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => ruleInfo(r, docsBaseUrl));
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(infos, null, 2)}\n`);
    return 0;
  }
  const header = { id: 'RULE', severity: 'SEVERITY', category: 'CATEGORY', fix: 'FIX', equivalents: 'EQUIVALENTS' };
  const rows = [header, ...infos.map((r) => ({ id: r.id, severity: r.severity, category: r.category, fix: r.fixable ? 'yes' : '', equivalents: r.equivalents.join(' ') }))];
  const width = (key: keyof typeof header) => Math.max(...rows.map((r) => r[key].length));
  const widths = { id: width('id'), severity: width('severity'), category: width('category'), fix: width('fix') };
  const lines: string[] = [];
  rows.forEach((r, i) => {
    lines.push(`${r.id.padEnd(widths.id)}  ${r.severity.padEnd(widths.severity)}  ${r.category.padEnd(widths.category)}  ${r.fix.padEnd(widths.fix)}  ${r.equivalents}`.trimEnd());
    const info = infos[i - 1];
    if (info) lines.push(`    ${info.title}${info.needsConfig ? ' (needs configuration)' : ''}`);
  });
  lines.push('', `${infos.length} rules. Details: ${docsBaseUrl}<rule-id>, or \`layerlab rules --format json\`.`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
