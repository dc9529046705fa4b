import { defineRule } from '../define-rule.ts';

/** The MAINTAINER text as a double-quoted LABEL value that keeps it literal (`"`, `$` and the escape escaped). */
function labelValue(text: string, esc: string): string {
  return `"${[...text].map((c) => (c === '"' || c === '$' || c === esc ? esc + c : c)).join('')}"`;
}

export const noMaintainer = defineRule({
  id: 'no-maintainer',
  title: 'Replace MAINTAINER with an authors LABEL',
  category: 'maintainability',
  severity: 'error',
  equivalents: ['hadolint:DL4000', 'buildkit:MaintainerDeprecated'],
  lesson: 'runtime-hygiene',
  why:
    'MAINTAINER has been deprecated since Docker 1.13. It only sets a legacy author field that most tools ignore. The standard place is the OCI label `org.opencontainers.image.authors`, which registries and scanners show.',
  messages: {
    deprecated: () => 'MAINTAINER is deprecated. Record the author as a label instead: `LABEL org.opencontainers.image.authors="Name <email>"`.',
  },
  examples: {
    invalid: [
      {
        code: 'FROM debian:bookworm-slim\nMAINTAINER Jane Doe <jane@example.com>',
        fixed: 'FROM debian:bookworm-slim\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
      },
      {
        code: 'FROM alpine:3.20\nMAINTAINER "Ops Team" ops@example.com',
        fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="\\"Ops Team\\" ops@example.com"',
      },
    ],
    valid: ['FROM debian:bookworm-slim\nLABEL org.opencontainers.image.authors="jane@example.com"'],
  },
  check({ dockerfile, report }, messages) {
    for (const i of dockerfile.instructions) {
      if (i.keyword !== 'MAINTAINER') continue;
      const text = i.argsText.trim();
      const fixable = text !== '' && i.span.line === i.span.endLine;
      const keyword = i.keywordRaw === i.keywordRaw.toLowerCase() ? 'label' : 'LABEL';
      report({
        instruction: i,
        message: messages.deprecated(),
        fix: fixable
          ? { title: 'Replace with LABEL org.opencontainers.image.authors', edits: [{ span: i.span, text: `${keyword} org.opencontainers.image.authors=${labelValue(text, dockerfile.escapeChar)}` }] }
          : undefined,
      });
    }
  },
});
