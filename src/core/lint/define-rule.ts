import type { Category, Fix, Severity, Span } from '../diagnostic.ts';
import type { LessonId } from '../lessons.ts';
import type { Instruction, ParsedDockerfile } from '../parse/model.ts';
import type { LintConfig, ResolvedConfig } from './config.ts';
import type { SyntaxProblem } from './syntax.ts';

/** A finding as a rule reports it; the runner adds id, severity, category and links. */
export interface Report {
  /** The instruction the finding is about (ONBUILD triggers: the trigger). */
  instruction?: Instruction | undefined;
  /** Exact place; defaults to the instruction's span. */
  span?: Span | undefined;
  message: string;
  fix?: Fix | undefined;
}

export interface RuleContext {
  readonly dockerfile: ParsedDockerfile;
  readonly config: ResolvedConfig;
  /** Problems found by dockerfile-utils' validator, shared by the syntax rules. */
  readonly syntax: readonly SyntaxProblem[];
  /** File names of the build context when the caller knows them (CLI with a directory). */
  readonly context: BuildContextInfo | null;
  report(report: Report): void;
}

export interface BuildContextInfo {
  /** Whether a .dockerignore file exists. */
  hasDockerignore: boolean;
  /** Patterns from .dockerignore, if any. */
  dockerignore: readonly string[];
  /** Top-level entries of the context directory (e.g. `.git`, `node_modules`). */
  topLevel: readonly string[];
}

/**
 * An invalid example; with `fixed`, applying the rule's fix must give exactly that text. With `config`
 * (the `.layerlab.json` shape, merged over the defaults), the example is linted with that configuration,
 * for rules that do nothing without it (e.g. trusted registries). With `context`, it is linted as if the
 * CLI had read that build context (rules about .dockerignore do nothing without one).
 */
export type InvalidExample = string | { code: string; fixed?: string; config?: LintConfig; context?: BuildContextInfo };

/** A valid example; `config` and `context` as for InvalidExample. */
export type ValidExample = string | { code: string; config?: LintConfig; context?: BuildContextInfo };

/** The Dockerfile text of an example. */
export function exampleCode(example: InvalidExample | ValidExample): string {
  return typeof example === 'string' ? example : example.code;
}

export interface RuleDefinition<M extends Record<string, (...args: never[]) => string>> {
  /** Stable kebab-case id, equal to the file name. */
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  /** Equivalent checks of other tools: `hadolint:DL3009`, `buildkit:JSONArgsRecommended`. */
  equivalents: readonly string[];
  /** Lesson that teaches the fix, if any. */
  lesson: LessonId | null;
  /** Why it matters, in a few sentences (rule page, hover). */
  why: string;
  messages: M;
  examples: { valid: readonly ValidExample[]; invalid: readonly InvalidExample[] };
  /** Set when the rule only works with configuration (e.g. trusted registries). */
  needsConfig?: boolean;
  check(context: RuleContext, messages: M): void;
}

export interface Rule {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  equivalents: readonly string[];
  lesson: LessonId | null;
  why: string;
  fixable: boolean;
  needsConfig: boolean;
  examples: { valid: readonly ValidExample[]; invalid: readonly InvalidExample[] };
  check(context: RuleContext): void;
}

const ID_RE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const EQUIVALENT_RE = /^(hadolint:(DL|SC)\d{4}|buildkit:[A-Z][A-Za-z]+)$/;

export function defineRule<M extends Record<string, (...args: never[]) => string>>(definition: RuleDefinition<M>): Rule {
  if (!ID_RE.test(definition.id)) throw new Error(`rule ${definition.id}: id must be kebab-case`);
  if (definition.examples.invalid.length === 0) throw new Error(`rule ${definition.id}: examples.invalid is empty`);
  for (const e of definition.equivalents) {
    if (!EQUIVALENT_RE.test(e)) throw new Error(`rule ${definition.id}: bad equivalent ${e}`);
  }
  const fixable = definition.examples.invalid.some((e) => typeof e !== 'string' && e.fixed !== undefined);
  return {
    id: definition.id,
    title: definition.title,
    category: definition.category,
    severity: definition.severity,
    equivalents: definition.equivalents,
    lesson: definition.lesson,
    why: definition.why,
    fixable,
    needsConfig: definition.needsConfig ?? false,
    examples: definition.examples,
    check: (context) => definition.check(context, definition.messages),
  };
}
