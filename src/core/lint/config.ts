/**
 * Lint configuration (`.layerlab.json`): validated with zod at the edge, merged over the defaults.
 */
import { z } from 'zod';
import type { Severity } from '../diagnostic.ts';

export const SEVERITY_OR_OFF = ['off', 'error', 'warning', 'info', 'style'] as const;
export const FAILURE_THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'] as const;
export type FailureThreshold = (typeof FAILURE_THRESHOLDS)[number];

export const LintConfigSchema = z
  .object({
    $schema: z.string().optional().describe('Editor hint; ignored.'),
    rules: z
      .record(z.string(), z.enum(SEVERITY_OR_OFF))
      .optional()
      .describe('Per-rule severity or "off", keyed by rule id (e.g. "use-apt-lists-cleanup") or an equivalent id (e.g. "DL3009").'),
    ignore: z
      .array(z.string())
      .optional()
      .describe('Rules to switch off: rule ids, hadolint codes (DL3008) or BuildKit check names (JSONArgsRecommended).'),
    trustedRegistries: z
      .array(z.string())
      .optional()
      .describe('Registries base images may come from (exact, "*", "*.suffix" or "prefix*"). Empty: no check.'),
    failureThreshold: z
      .enum(FAILURE_THRESHOLDS)
      .optional()
      .describe('Lowest severity that makes `layerlab lint` exit 1; "none" never fails on findings.'),
    allowInlineIgnores: z
      .boolean()
      .optional()
      .describe('Honour inline and file-level ignore comments (layerlab, hadolint, BuildKit check=skip). Default true.'),
  })
  .strict();

export type LintConfig = z.infer<typeof LintConfigSchema>;

export interface ResolvedConfig {
  /** Severity per rule id after config; 'off' disables. Missing: the rule's default. */
  severities: ReadonlyMap<string, Severity | 'off'>;
  trustedRegistries: readonly string[];
  failureThreshold: FailureThreshold;
  allowInlineIgnores: boolean;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  severities: new Map(),
  trustedRegistries: [],
  failureThreshold: 'info',
  allowInlineIgnores: true,
};

export interface RuleIdentity {
  id: string;
  equivalents: readonly string[];
}

/** Rule ids a name stands for: a rule id, `DL3009`, `hadolint:DL3009`, `JSONArgsRecommended`, `buildkit:…`. */
export function resolveRuleName(name: string, rules: readonly RuleIdentity[]): string[] {
  const n = name.trim();
  const direct = rules.find((r) => r.id === n);
  if (direct) return [direct.id];
  const qualified = n.includes(':') ? [n] : [`hadolint:${n}`, `buildkit:${n}`];
  return rules.filter((r) => r.equivalents.some((e) => qualified.includes(e))).map((r) => r.id);
}

export type ConfigResult = { ok: true; config: ResolvedConfig } | { ok: false; errors: string[] };

/** Validates user config (already JSON-parsed) and merges it over the defaults and `base`. */
export function resolveConfig(input: unknown, rules: readonly RuleIdentity[], base: ResolvedConfig = DEFAULT_CONFIG): ConfigResult {
  const parsed = LintConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => {
        const where = i.path.length ? i.path.join('.') : '(top level)';
        return `${where}: ${i.message}`;
      }),
    };
  }
  const data = parsed.data;
  const errors: string[] = [];
  const severities = new Map(base.severities);
  for (const [name, level] of Object.entries(data.rules ?? {})) {
    const ids = resolveRuleName(name, rules);
    if (ids.length === 0) errors.push(`rules.${name}: no rule has this id or equivalent. Run \`layerlab rules\` to list them.`);
    for (const id of ids) severities.set(id, level);
  }
  for (const name of data.ignore ?? []) {
    const ids = resolveRuleName(name, rules);
    if (ids.length === 0) errors.push(`ignore: "${name}" matches no rule id or equivalent. Run \`layerlab rules\` to list them.`);
    for (const id of ids) severities.set(id, 'off');
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    config: {
      severities,
      trustedRegistries: [...base.trustedRegistries, ...(data.trustedRegistries ?? [])],
      failureThreshold: data.failureThreshold ?? base.failureThreshold,
      allowInlineIgnores: data.allowInlineIgnores ?? base.allowInlineIgnores,
    },
  };
}
