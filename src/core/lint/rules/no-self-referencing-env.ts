import { defineRule } from '../define-rule.ts';
import { keyValuePairs } from '../helpers.ts';

const VAR_CHAR = /[0-9A-Za-z_]/;

/** `${name}` anywhere, or `$name` followed by a character that ends a variable name (hadolint's test). */
function mentions(value: string, name: string): boolean {
  if (value.includes(`\${${name}}`)) return true;
  const bare = `$${name}`;
  return value.split(bare).slice(1).some((after) => after === '' || !VAR_CHAR.test(after.charAt(0)));
}

export const noSelfReferencingEnv = defineRule({
  id: 'no-self-referencing-env',
  title: 'Do not use a variable in the same ENV that defines it',
  category: 'correctness',
  severity: 'error',
  equivalents: ['hadolint:DL3044'],
  lesson: null,
  why:
    'All values of one ENV instruction are expanded before any of its variables is set. In `ENV DIR=/app BIN=$DIR/bin`, `$DIR` is still empty (or its old value), so BIN becomes `/bin`. Define the variable in an earlier ENV (or ARG) and use it in the next one. A variable may refer to its own old value (`ENV PATH=/opt/bin:$PATH`).',
  messages: {
    sameEnv: (name: string) =>
      `\`$${name}\` is used in the same ENV that defines ${name}, so it still has its previous value here (usually empty). Move \`${name}=…\` into its own ENV instruction above this one.`,
  },
  examples: {
    invalid: [
      'FROM python:3.12-slim\nENV APP_HOME=/srv/app APP_BIN=${APP_HOME}/bin',
      'FROM node:22-slim\nENV NODE_DIR=/opt/node PATH=$NODE_DIR/bin:$PATH',
    ],
    valid: [
      'FROM python:3.12-slim\nENV APP_HOME=/srv/app\nENV APP_BIN=${APP_HOME}/bin',
      'FROM node:22-slim\nENV PATH=/opt/node/bin:$PATH',
      'FROM node:22-slim\nARG NODE_DIR=/opt/node\nENV NODE_DIR=$NODE_DIR PATH=$NODE_DIR/bin:$PATH',
      'FROM python:3.12-slim\nENV APP=/srv/app APP_BIN=$APPLICATION/bin',
    ],
  },
  check({ dockerfile, report }, messages) {
    // As hadolint: names set by any earlier ENV or ARG (whole file, not per stage) are fine to use.
    const known = new Set<string>();
    for (const i of dockerfile.instructions) {
      if (i.keyword === 'ARG') {
        const name = /^[^\s=]+/.exec(i.argsText.trim())?.[0];
        if (name) known.add(name);
        continue;
      }
      if (i.keyword !== 'ENV') continue;
      const pairs = keyValuePairs(dockerfile, i);
      let found: { name: string; span: import('../../diagnostic.ts').Span } | undefined;
      pairs.forEach((p, idx) => {
        if (found || known.has(p.key)) return;
        const user = pairs.find((q, j) => j !== idx && mentions(q.value, p.key));
        if (user) found = { name: p.key, span: user.span };
      });
      for (const p of pairs) known.add(p.key);
      if (found) report({ instruction: i, span: found.span, message: messages.sameEnv(found.name) });
    }
  },
});
