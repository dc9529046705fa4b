/**
 * Syntax and builder-level checks from dockerfile-utils' validator, reusing the already parsed document.
 */
import type { Dockerfile } from 'dockerfile-ast';
import { DockerfileParser } from 'dockerfile-ast';
import { ValidationSeverity, validate } from 'dockerfile-utils';
import type { Span } from '../diagnostic.ts';
import { spanFromRange } from '../text.ts';

export interface SyntaxProblem {
  /** dockerfile-utils ValidationCode (not a stable API; used only to route to our rules). */
  code: number;
  message: string;
  span: Span;
  /** The validator's severity: 1 error, 2 warning. */
  level: 1 | 2;
}

/** Checks that have their own Layerlab rules are switched off here, so nothing is reported twice. */
const SETTINGS = {
  deprecatedMaintainer: ValidationSeverity.IGNORE,
  instructionCmdMultiple: ValidationSeverity.IGNORE,
  instructionEntrypointMultiple: ValidationSeverity.IGNORE,
  instructionHealthcheckMultiple: ValidationSeverity.IGNORE,
  instructionWorkdirRelative: ValidationSeverity.IGNORE,
  directiveCasing: ValidationSeverity.WARNING,
  emptyContinuationLine: ValidationSeverity.WARNING,
  instructionCasing: ValidationSeverity.WARNING,
  instructionJSONInSingleQuotes: ValidationSeverity.WARNING,
};

/**
 * The validator parses the text itself; while it runs, dockerfile-ast's parser returns the tree
 * we already have for the same text, so each lint parses once.
 */
export function validateSyntax(text: string, ast: Dockerfile): SyntaxProblem[] {
  const parser = DockerfileParser as unknown as { parse: (t: string) => Dockerfile };
  const original = parser.parse;
  parser.parse = (t: string) => (t === text ? ast : original.call(DockerfileParser, t));
  try {
    return validate(text, SETTINGS).map((d) => ({
      code: typeof d.code === 'number' ? d.code : Number(d.code),
      message: typeof d.message === 'string' ? d.message : d.message.value,
      span: spanFromRange(d.range),
      level: d.severity === 1 ? 1 : 2,
    }));
  } catch (error) {
    return [{ code: -1, message: `The syntax checker failed on this file (${String(error)}).`, span: { line: 1, column: 1, endLine: 1, endColumn: 1 }, level: 1 }];
  } finally {
    parser.parse = original;
  }
}
