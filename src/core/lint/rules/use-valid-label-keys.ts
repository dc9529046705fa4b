import { defineRule } from '../define-rule.ts';
import { keyValuePairs } from '../helpers.ts';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks the convention hadolint checks, or null when it is fine. */
function problem(key: string): string | null {
  const reserved = RESERVED.find((p) => key.startsWith(p));
  if (reserved) return `uses the namespace \`${reserved}\`, which Docker reserves for itself`;
  if (!/^[a-z]/.test(key)) return 'must start with a lowercase letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a lowercase letter or a digit';
  if (/[^a-z0-9.-]/.test(key)) return 'may only contain lowercase letters, digits, `.` and `-`';
  if (key.includes('..') || key.includes('--')) return 'must not contain `..` or `--`';
  return null;
}

/** A valid key close to `key`, for the message. */
function suggest(key: string): string {
  const reserved = RESERVED.find((p) => key.startsWith(p));
  const fixed = (reserved ? `com.example.${key.slice(reserved.length)}` : key)
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/([.-])[.-]+/g, '$1')
    .replace(/^[^a-z]+|[^a-z0-9]+$/g, '');
  return fixed || 'com.example.name';
}

export const useValidLabelKeys = defineRule({
  id: 'use-valid-label-keys',
  title: 'Write label keys in lowercase reverse-DNS form',
  category: 'maintainability',
  severity: 'style',
  equivalents: ['hadolint:DL3048'],
  lesson: null,
  why:
    'Docker recommends label keys in lowercase reverse-DNS notation (`org.opencontainers.image.source`, `com.example.team`): lowercase letters, digits, `.` and `-`, starting with a letter and ending with a letter or digit, with no `..` or `--`. The `com.docker.`, `io.docker.` and `org.dockerproject.` namespaces are reserved. Tools that read labels (registries, scanners, orchestrators) rely on these conventions.',
  messages: {
    invalid: (key: string, why: string, suggestion: string) =>
      `Label key \`${key}\` ${why}. Use lowercase reverse-DNS form, e.g. \`${suggestion}\` (the OCI keys \`org.opencontainers.image.*\` cover title, version, source and more).`,
  },
  examples: {
    invalid: [
      'FROM alpine:3.20\nLABEL Version="1.2.0"',
      'FROM alpine:3.20\nLABEL com.docker.extension.title="My tool"',
      'FROM alpine:3.20\nLABEL org.opencontainers.image.title="api" build_date="2024-06-01"',
    ],
    valid: [
      'FROM alpine:3.20\nLABEL org.opencontainers.image.title="api" org.opencontainers.image.version="1.2.0"',
      'FROM alpine:3.20\nLABEL com.example.team=payments',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const i of dockerfile.instructions) {
      if (i.keyword !== 'LABEL') continue;
      for (const p of keyValuePairs(dockerfile, i)) {
        const why = problem(p.key);
        if (!why) continue;
        report({ instruction: i, span: p.keySpan, message: messages.invalid(p.key, why, suggest(p.key)) });
        break;
      }
    }
  },
});
