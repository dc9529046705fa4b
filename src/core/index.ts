/** Public API of the Layerlab engine (pure: no DOM, no node:*). */
export type { Category, Diagnostic, Fix, Severity, Span, TextEdit } from './diagnostic.ts';
export { CATEGORIES, SEVERITIES, severityRank } from './diagnostic.ts';
export type { ParsedDockerfile, Instruction, Stage, ImageRef } from './parse/model.ts';
export { parseDockerfile } from './parse/parse.ts';
export type { ShellCommand, ShellParser, ShellScript } from './shell/types.ts';
export { createShellParser } from './shell/tree-sitter.ts';
export { lintDockerfile, DOCS_BASE_URL } from './lint/run-rules.ts';
export type { LintOptions, LintResult } from './lint/run-rules.ts';
export { rules } from './lint/registry.ts';
export type { Rule, BuildContextInfo } from './lint/define-rule.ts';
export { resolveConfig, DEFAULT_CONFIG, LintConfigSchema } from './lint/config.ts';
export type { LintConfig, ResolvedConfig, FailureThreshold } from './lint/config.ts';
export { applyFixes } from './lint/apply-fixes.ts';
export { LESSONS } from './lessons.ts';
export type { LessonId } from './lessons.ts';
export * from './simulate/index.ts';
