import { defineRule } from '../define-rule.ts';

/** Port numbers of an EXPOSE word as hadolint reads them: `80`, `80/udp`, `8000-8100/tcp`, `$P-9000`. */
function portNumbers(word: string): number[] {
  const m = /^(\d+|\$[^-/\s]+)(?:-(\d+|\$[^-/\s]+))?(?:\/[A-Za-z]+)?$/.exec(word);
  if (!m) return [];
  return [m[1], m[2]].filter((p): p is string => p !== undefined && /^\d+$/.test(p)).map(Number);
}

export const noInvalidExposePort = defineRule({
  id: 'no-invalid-expose-port',
  title: 'EXPOSE only ports from 0 to 65535',
  category: 'correctness',
  severity: 'error',
  equivalents: ['hadolint:DL3011'],
  lesson: 'runtime-hygiene',
  why:
    'TCP and UDP port numbers are 16-bit, so nothing can listen above 65535. A larger number in EXPOSE is a typo (often a missing or extra digit) and documents a port the container can never use.',
  messages: {
    tooLarge: (ports: string, many: boolean) =>
      `${many ? 'Ports' : 'Port'} ${ports} ${many ? 'go' : 'goes'} above 65535, the highest TCP/UDP port, so nothing can listen there. Fix the typo, e.g. \`EXPOSE 8080\`.`,
  },
  examples: {
    invalid: ['FROM nginx:1.27-alpine\nEXPOSE 80800', 'FROM node:22-slim\nEXPOSE 3000 40000-70000/tcp'],
    valid: ['FROM nginx:1.27-alpine\nEXPOSE 80 443/tcp', 'FROM node:22-slim\nEXPOSE 40000-60000/udp', 'FROM node:22-slim\nARG PORT=3000\nEXPOSE ${PORT}'],
  },
  check({ dockerfile, report }, messages) {
    for (const i of dockerfile.instructions) {
      if (i.keyword !== 'EXPOSE') continue;
      const bad = i.args.filter((a) => portNumbers(a.value).some((p) => p > 65535));
      const first = bad[0];
      if (!first) continue;
      const list = bad.map((a) => `\`${a.value}\``).join(', ');
      report({ instruction: i, span: first.span, message: messages.tooLarge(list, bad.length > 1) });
    }
  },
});
