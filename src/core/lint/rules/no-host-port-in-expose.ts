import { defineRule } from '../define-rule.ts';

/** `[ip:]hostPort:containerPort[/proto]` split as BuildKit does; null when there is no `:`. */
function splitMapping(word: string): { container: string } | null {
  const parts = word.split(':');
  if (parts.length < 2) return null;
  return { container: parts[parts.length - 1] as string };
}

export const noHostPortInExpose = defineRule({
  id: 'no-host-port-in-expose',
  title: 'EXPOSE container ports only, without host ports or IPs',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['buildkit:ExposeInvalidFormat'],
  lesson: 'runtime-hygiene',
  why:
    'EXPOSE documents which ports the container listens on; it cannot publish them. Which host port and IP to use is decided when the container starts (`docker run -p 127.0.0.1:8080:80`). BuildKit ignores the host part of `EXPOSE 8080:80`, warns about it, and plans to reject it.',
  messages: {
    mapping: (word: string, container: string) =>
      `\`${word}\` includes a host ${word.split(':').length > 2 ? 'IP and port' : 'port'}, which EXPOSE ignores. Write \`EXPOSE ${container}\` and publish the port when running: \`docker run -p ${word.replace(/\/.*$/, '')} …\`.`,
  },
  examples: {
    invalid: [
      { code: 'FROM nginx:1.27-alpine\nEXPOSE 8080:80', fixed: 'FROM nginx:1.27-alpine\nEXPOSE 80' },
      { code: 'FROM redis:7.4-alpine\nEXPOSE 127.0.0.1:6379:6379/tcp', fixed: 'FROM redis:7.4-alpine\nEXPOSE 6379/tcp' },
    ],
    valid: ['FROM nginx:1.27-alpine\nEXPOSE 80 443', 'FROM node:22-slim\nEXPOSE 9000-9010/udp'],
  },
  check({ dockerfile, report }, messages) {
    for (const i of dockerfile.instructions) {
      if (i.keyword !== 'EXPOSE') continue;
      for (const a of i.args) {
        const m = splitMapping(a.value);
        if (!m) continue;
        const simple = m.container !== '' && a.span.line === a.span.endLine && a.span.endColumn - a.span.column === a.value.length;
        report({
          instruction: i,
          span: a.span,
          message: messages.mapping(a.value, m.container),
          fix: simple ? { title: `Keep only the container port ${m.container}`, edits: [{ span: a.span, text: m.container }] } : undefined,
        });
      }
    }
  },
});
