import { ValidationCode as C } from 'dockerfile-utils';
import { defineRule } from '../define-rule.ts';
import { instructionAtLine } from '../helpers.ts';
import { syntaxMessage } from '../syntax-advice.ts';
import type { SyntaxProblem } from '../syntax.ts';
import type { ParsedDockerfile } from '../../parse/model.ts';

/** Problems another rule already reports (or that the current builder accepts), so they are not reported twice. */
function coveredElsewhere(p: SyntaxProblem, df: ParsedDockerfile): boolean {
  switch (p.code) {
    case C.DUPLICATE_BUILD_STAGE_NAME: // no-duplicate-stage-name (DL3024)
    case C.ONBUILD_CHAINING_DISALLOWED: // no-invalid-onbuild-trigger (DL3043)
    case C.ONBUILD_TRIGGER_DISALLOWED:
    case C.NO_SOURCE_IMAGE: // use-from-first (DL3061)
    case C.BASE_NAME_EMPTY: // no-undefined-arg-in-from (FROM of an undeclared ARG)
      return true;
    case C.INVALID_DESTINATION: // use-directory-destination-for-multiple-sources (DL3021) covers COPY
      return instructionAtLine(df, p.span.line)?.keyword === 'COPY';
    case C.INVALID_PORT: // no-host-port-in-expose covers `ip:host:container` mappings
      return p.message.includes(':', p.message.indexOf(': ') + 2);
    case C.UNKNOWN_ADD_FLAG: // `ADD --unpack` arrived after the validator's flag list
      return p.message === 'Unknown flag: unpack';
    default:
      return false;
  }
}

export const dockerfileSyntax = defineRule({
  id: 'dockerfile-syntax',
  title: 'The builder must be able to parse every instruction',
  category: 'syntax',
  severity: 'error',
  equivalents: [],
  lesson: null,
  why:
    'These are the mistakes the Docker builder itself rejects or misreads: unknown instructions or flags, missing arguments, bad durations, invalid image references, unclosed quotes, `name=value` syntax errors. The build stops at the first one, so fix them before anything else. The checks come from dockerfile-utils (the validator behind the VS Code Docker extension); problems with a dedicated rule are reported by that rule instead.',
  messages: {
    problem: (p: SyntaxProblem) => syntaxMessage(p),
  },
  examples: {
    invalid: [
      'FROM alpine:3.20\nCOPPY app /app',
      'FROM alpine:3.20\nCOPY --chwon=app:app app /app',
      'FROM alpine:3.20\nHEALTHCHECK --interval=30 CMD wget -qO- http://localhost/ || exit 1',
      'FROM alpine:3.20\nEXPOSE http',
      'FROM alpine:3.20\nENV\nCMD ["sh"]',
    ],
    valid: [
      'FROM alpine:3.20\nCOPY --chown=app:app --chmod=755 app /app\nHEALTHCHECK --interval=30s CMD wget -qO- http://localhost/ || exit 1',
      'FROM alpine:3.20\nADD --unpack=true https://example.com/tool.tar.gz /opt/',
      'FROM alpine:3.20\nEXPOSE 8080:80',
    ],
  },
  check({ dockerfile, syntax, report }, messages) {
    for (const p of syntax) {
      if (p.level !== 1 || coveredElsewhere(p, dockerfile)) continue;
      report({ instruction: instructionAtLine(dockerfile, p.span.line), span: p.span, message: messages.problem(p) });
    }
  },
});
