/**
 * SARIF 2.1.0: one run for all files, the rule catalogue in tool.driver.rules, fixes as replacements.
 * Read by GitHub code scanning (upload-sarif), Azure DevOps, VS Code's SARIF viewer and others.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from '../../core/diagnostic.ts';
import type { Rule } from '../../core/lint/define-rule.ts';
import type { LintReport } from '../report.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://layerlab.dev';
const SRCROOT = '%SRCROOT%';

/**
 * Where a file is, for SARIF: paths under the current directory are relative to %SRCROOT% (forward
 * slashes, each segment percent-encoded); others are absolute file: URIs.
 */
export function artifactLocationOf(file: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: 'stdin', uriBaseId: SRCROOT };
  if (path.isAbsolute(file) || /^[A-Za-z]:\//.test(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch: string) => ch.toUpperCase());

interface RuleDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note'; enabled?: boolean };
  properties: { category: string; equivalents: string[]; tags: string[] };
}

function describeRule(rule: Rule, report: LintReport): RuleDescriptor {
  const enabled = report.config.severities.get(rule.id) !== 'off';
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    helpUri: report.docsBaseUrl + rule.id,
    defaultConfiguration: { level: LEVEL[rule.severity], ...(enabled ? {} : { enabled: false }) },
    properties: { category: rule.category, equivalents: [...rule.equivalents], tags: ['dockerfile', rule.category] },
  };
}

/** For findings of ids that are not registered rules (internal-error). */
function describeUnknown(d: Diagnostic): RuleDescriptor {
  return {
    id: d.ruleId,
    name: pascal(d.ruleId),
    shortDescription: { text: d.ruleId === 'internal-error' ? 'A rule crashed on this file' : d.ruleId },
    fullDescription: { text: d.message },
    helpUri: d.docsUrl,
    defaultConfiguration: { level: LEVEL[d.severity] },
    properties: { category: d.category, equivalents: [...d.equivalents], tags: ['dockerfile', d.category] },
  };
}

const region = (s: { line: number; column: number; endLine: number; endColumn: number }) => ({
  startLine: s.line,
  startColumn: s.column,
  endLine: s.endLine,
  endColumn: s.endColumn,
});

export function formatSarif(report: LintReport): string {
  const descriptors = report.rules.map((r) => describeRule(r, report));
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const results = [];
  for (const file of report.files) {
    const artifactLocation = artifactLocationOf(file.file);
    const uri = artifactLocation.uri;
    const lines = file.source.split(/\r?\n/);
    const seen = new Map<string, number>();
    for (const d of file.diagnostics) {
      if (!index.has(d.ruleId)) {
        index.set(d.ruleId, descriptors.length);
        descriptors.push(describeUnknown(d));
      }
      // Moves with the code: hashes the rule, file, message and the text of the finding's lines, not line numbers.
      const snippet = lines.slice(d.span.line - 1, d.span.endLine).map((l) => l.trim()).join('\n');
      const key = [d.ruleId, uri, d.message, snippet].join('\u0000');
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      results.push({
        ruleId: d.ruleId,
        ruleIndex: index.get(d.ruleId) ?? 0,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(d.span) } }],
        partialFingerprints: { 'layerlabFindingHash/v1': `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${n + 1}` },
        ...(d.fix
          ? {
              fixes: [
                {
                  description: { text: d.fix.title },
                  artifactChanges: [{ artifactLocation, replacements: d.fix.edits.map((e) => ({ deletedRegion: region(e.span), insertedContent: { text: e.text } })) }],
                },
              ],
            }
          : {}),
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'layerlab', version: report.version, semanticVersion: report.version, informationUri: INFORMATION_URI, rules: descriptors } },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(report.cwd).href.replace(/\/?$/, '/')}` } },
        invocations: [
          {
            executionSuccessful: report.failures.length === 0,
            toolExecutionNotifications: report.failures.map((f) => ({
              level: 'error',
              message: { text: f.message },
              locations: [{ physicalLocation: { artifactLocation: artifactLocationOf(f.file) } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
