import { defineRule } from '../define-rule.ts';

export const useLowercaseExposeProtocol = defineRule({
  id: 'use-lowercase-expose-protocol',
  title: 'Write the EXPOSE protocol in lowercase',
  category: 'maintainability',
  severity: 'style',
  equivalents: ['buildkit:ExposeProtoCasing'],
  lesson: 'runtime-hygiene',
  why:
    'EXPOSE takes `port/tcp`, `port/udp` or `port/sctp` in lowercase. Docker lowercases other spellings for now, but BuildKit warns about them, and tools that read the image config may compare the protocol exactly.',
  messages: {
    casing: (port: string, fixed: string) => `The protocol in \`${port}\` should be lowercase: write \`${fixed}\`.`,
  },
  examples: {
    invalid: [
      { code: 'FROM nginx:1.27-alpine\nEXPOSE 80/TCP', fixed: 'FROM nginx:1.27-alpine\nEXPOSE 80/tcp' },
      { code: 'FROM coredns/coredns:1.11.3\nEXPOSE 53/tcp 53/Udp', fixed: 'FROM coredns/coredns:1.11.3\nEXPOSE 53/tcp 53/udp' },
    ],
    valid: ['FROM nginx:1.27-alpine\nEXPOSE 80/tcp 443', 'FROM coredns/coredns:1.11.3\nEXPOSE 53/udp'],
  },
  check({ dockerfile, report }, messages) {
    for (const i of dockerfile.instructions) {
      if (i.keyword !== 'EXPOSE') continue;
      for (const a of i.args) {
        const slash = a.value.lastIndexOf('/');
        const proto = slash >= 0 ? a.value.slice(slash + 1) : '';
        if (!/^[A-Za-z]+$/.test(proto) || proto === proto.toLowerCase()) continue;
        const fixed = a.value.slice(0, slash + 1) + proto.toLowerCase();
        const simple = a.span.line === a.span.endLine && a.span.endColumn - a.span.column === a.value.length;
        report({
          instruction: i,
          span: a.span,
          message: messages.casing(a.value, fixed),
          fix: simple ? { title: 'Lowercase the protocol', edits: [{ span: a.span, text: fixed }] } : undefined,
        });
      }
    }
  },
});
