import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noNpmCacheLeftBehind as rule } from './no-npm-cache-left-behind.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM node:22-slim\n${body}`).length;

describe('no-npm-cache-left-behind', () => {
  test.each([
    'RUN npm install',
    'RUN npm i',
    'RUN npm ci --omit=dev',
    'RUN npm --loglevel warn ci',
    'RUN npm install -g pm2@5.4.2',
    'RUN npm update',
    'RUN npm cache clean --force && npm ci',
    'RUN npm ci && rm -rf /tmp/*',
    'RUN npm ci && rm -f /root/.npm',
    'RUN sudo npm ci',
    'RUN --mount=type=cache,target=/var/cache/apt npm ci',
    'RUN --mount=type=bind,target=/root/.npm npm ci',
    'RUN npm ci --cache /tmp/npm && rm -rf /tmp/other',
    'ONBUILD RUN npm ci',
  ])('flags %s', (body) => {
    expect(count(body)).toBe(1);
  });

  test.each([
    'RUN npm ci && npm cache clean --force',
    'RUN npm ci && npm cache clean -f',
    'RUN npm ci && rm -rf /root/.npm',
    'RUN npm ci && rm -rf ~/.npm/_cacache',
    'RUN npm ci && rm -rf "$HOME/.npm"',
    'RUN npm ci && rm -rf /home/node/.npm/*',
    'RUN --mount=type=cache,target=/root/.npm npm ci',
    'RUN --mount=type=cache,target=/home/node/.npm,uid=1000 npm ci',
    'RUN --mount=type=tmpfs,target=/root/.npm npm ci',
    'RUN npm ci --cache /tmp/npm-cache && rm -rf /tmp/npm-cache',
    'RUN npm ci --cache=/tmp/npm-cache && rm -rf /tmp/*',
    'RUN npm_config_cache=/tmp/c npm ci && rm -rf /tmp/c',
    'RUN --mount=type=cache,target=/tmp/npm npm ci --cache /tmp/npm/x',
    'ENV npm_config_cache=/tmp/npm\nRUN npm ci && rm -rf /tmp/npm',
    'RUN npm run build',
    'RUN npm test',
    'RUN yarn install',
    'RUN npm cache clean --force',
  ])('accepts %s', (body) => {
    expect(count(body)).toBe(0);
  });

  test('only stages that ship are checked', () => {
    expect(findings('FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app')).toHaveLength(0);
    expect(findings('FROM node:22 AS deps\nRUN npm ci\nFROM deps\nCMD ["node", "index.js"]')).toHaveLength(1);
  });

  test('reports the npm command; no fix when the RUN is not an && chain', () => {
    const d = findings('FROM node:22-slim\nRUN set -e; npm ci; npm run build');
    expect(d).toHaveLength(1);
    expect(d[0]?.span).toEqual({ line: 2, column: 13, endLine: 2, endColumn: 19 });
    expect(d[0]?.fix).toBeUndefined();
    expect(d[0]?.message).toContain('`npm ci`');
  });
});
