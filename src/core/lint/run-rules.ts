/**
 * lintDockerfile: parse once, run the syntax checker and every enabled rule, apply suppressions.
 * Never throws on user text: a rule that crashes becomes an `internal-error` diagnostic.
 */
import { type Diagnostic, compareDiagnostics } from '../diagnostic.ts';
import type { ParsedDockerfile } from '../parse/model.ts';
import { parseDockerfile } from '../parse/parse.ts';
import type { ShellParser } from '../shell/types.ts';
import { DEFAULT_CONFIG, type ResolvedConfig } from './config.ts';
import type { BuildContextInfo, Report, Rule, RuleContext } from './define-rule.ts';
import { rules as allRules } from './registry.ts';
import { collectSuppressions } from './suppression.ts';
import { validateSyntax } from './syntax.ts';

export const DOCS_BASE_URL = 'https://layerlab.dev/rules/';

export interface LintOptions {
  shell?: ShellParser | undefined;
  config?: ResolvedConfig | undefined;
  context?: BuildContextInfo | null | undefined;
  /** Run only these rules (tests); default: the registry. */
  rules?: readonly Rule[] | undefined;
  docsBaseUrl?: string | undefined;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  dockerfile: ParsedDockerfile;
  /** Findings silenced by inline or file-level ignore comments. */
  suppressedCount: number;
}

export function lintDockerfile(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const docsBase = options.docsBaseUrl ?? DOCS_BASE_URL;
  const diagnostics: Diagnostic[] = [];
  let parsed: ReturnType<typeof parseDockerfile>;
  try {
    parsed = parseDockerfile(text, { shell: options.shell });
  } catch (error) {
    // Should not happen; if the shell layer fails, say so and lint without RUN commands rather than throw.
    parsed = parseDockerfile(text, {});
    diagnostics.push(internalError('the shell parser', error, docsBase, 'Rules that read RUN commands were skipped.'));
  }
  const { dockerfile, ast } = parsed;
  const syntax = validateSyntax(text, ast);
  const suppressions = config.allowInlineIgnores ? collectSuppressions(dockerfile) : null;
  let suppressedCount = 0;

  for (const rule of options.rules ?? allRules) {
    const level = config.severities.get(rule.id) ?? rule.severity;
    if (level === 'off') continue;
    const reports: Report[] = [];
    const ctx: RuleContext = {
      dockerfile,
      config,
      syntax,
      context: options.context ?? null,
      report: (r) => {
        reports.push(r);
      },
    };
    try {
      rule.check(ctx);
    } catch (error) {
      diagnostics.push(internalError(`rule ${rule.id}`, error, docsBase, 'The other rules ran.'));
      continue;
    }
    for (const r of reports) {
      const span = r.span ?? r.instruction?.span ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
      if (suppressions?.isSuppressed(rule.id, rule.equivalents, r.instruction ? r.instruction.span : span)) {
        suppressedCount++;
        continue;
      }
      const d: Diagnostic = {
        ruleId: rule.id,
        severity: level,
        category: rule.category,
        message: r.message,
        span,
        instructionLine: r.instruction ? (r.instruction.onbuildParent ?? r.instruction).span.line : span.line,
        equivalents: rule.equivalents,
        docsUrl: docsBase + rule.id,
      };
      if (r.fix) d.fix = r.fix;
      diagnostics.push(d);
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, dockerfile, suppressedCount };
}

function internalError(what: string, error: unknown, docsBase: string, consequence: string): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ruleId: 'internal-error',
    severity: 'error',
    category: 'correctness',
    message: `Layerlab's ${what} crashed on this file (${detail}). ${consequence} Please report this Dockerfile so it can be fixed.`,
    span: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    instructionLine: 1,
    equivalents: [],
    docsUrl: `${docsBase}internal-error`,
  };
}
