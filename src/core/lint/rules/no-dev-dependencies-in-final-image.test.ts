import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noDevDependenciesInFinalImage as rule } from './no-dev-dependencies-in-final-image.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM node:22-slim\n${body}`).length;

describe('no-dev-dependencies-in-final-image', () => {
  test.each([
    'RUN npm ci',
    'RUN npm install',
    'RUN npm i --no-audit',
    'RUN npm install --production=false',
    'RUN npm ci --omit=optional',
    'RUN yarn',
    'RUN yarn install --frozen-lockfile',
    'RUN pnpm install --frozen-lockfile',
    'RUN pnpm i',
    'RUN pip install -r requirements-dev.txt',
    'RUN pip install -r requirements/dev.txt',
    'RUN pip install -r dev-requirements.txt',
    'RUN pip install --requirement=requirements-test.txt',
    'RUN python -m pip install -e ".[dev]"',
    'RUN pipenv install --dev',
    'RUN pipenv sync -d',
    'RUN poetry install',
    'RUN poetry install --no-root',
    'RUN poetry install --without docs',
    'RUN uv sync --frozen',
    'RUN composer install',
    'ENV NODE_ENV=development\nRUN npm ci',
    'RUN npm ci && npm run build\nRUN npm prune',
  ])('flags %s', (body) => {
    expect(count(body)).toBe(1);
  });

  test.each([
    'RUN npm ci --omit=dev',
    'RUN npm ci --omit dev',
    'RUN npm ci --only=production',
    'RUN npm ci --only=prod',
    'RUN npm install --production',
    'RUN NODE_ENV=production npm ci',
    'RUN export NODE_ENV=production && npm ci',
    'ENV NODE_ENV=production\nRUN npm ci && yarn install && pnpm install',
    'ARG NODE_ENV=production\nRUN npm ci',
    'ENV NPM_CONFIG_OMIT=dev\nRUN npm ci',
    'RUN npm ci && npm run build && npm prune --omit=dev',
    'RUN npm ci && npm run build\nRUN npm prune --production',
    'RUN npm ci && npm run build && npm ci --omit=dev',
    'RUN npm ci && npm run build && rm -rf node_modules',
    'RUN yarn install --production',
    'RUN pnpm install --prod',
    'RUN pnpm install -P',
    'RUN npm install express@4.19.2',
    'RUN npm install -g pm2@5.4.2',
    'RUN pip install -r requirements.txt',
    'RUN pip install -r requirements/prod.txt',
    'RUN pip install -r /dev/stdin',
    'RUN pip install -e .',
    'RUN pipenv install --deploy',
    'RUN poetry install --only main',
    'RUN poetry install --only=main',
    'RUN poetry install --without dev',
    'RUN poetry install --without=dev,test',
    'RUN poetry install --no-dev',
    'RUN uv sync --frozen --no-dev',
    'ENV UV_NO_DEV=1\nRUN uv sync',
    'RUN composer install --no-dev',
    'RUN npm run build',
    // Version checks and configuration are not installs.
    'RUN yarn --version',
    'RUN yarn -v && npm --version && pnpm --version',
    'RUN yarn --help',
    'RUN npm config set fund false && yarn config set network-timeout 600000',
    'RUN pip --version && poetry --version && composer --version',
    'RUN poetry config virtualenvs.create false',
    'RUN composer config --global process-timeout 2000',
  ])('accepts %s', (body) => {
    expect(count(body)).toBe(0);
  });

  test('the official node image installing yarn and checking its version is clean', () => {
    const text = [
      'FROM debian:bookworm-slim',
      'RUN set -ex \\',
      '  && tar -xzf yarn-v1.22.22.tar.gz -C /opt/ \\',
      '  && ln -s /opt/yarn-v1.22.22/bin/yarn /usr/local/bin/yarn \\',
      '  && yarn --version',
      'CMD ["node"]',
    ].join('\n');
    expect(findings(text)).toEqual([]);
  });

  test('a build stage that is not the final image is not checked', () => {
    expect(findings('FROM node:22 AS build\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /app/dist ./dist')).toHaveLength(0);
  });

  test('a stage the final image is built FROM is checked, and a prune in the final stage counts', () => {
    expect(findings('FROM node:22 AS base\nRUN npm ci\nFROM base\nCMD ["node", "index.js"]')).toHaveLength(1);
    expect(findings('FROM node:22 AS base\nRUN npm ci\nFROM base\nRUN npm prune --omit=dev')).toHaveLength(0);
    expect(findings('FROM node:22 AS base\nENV NODE_ENV=production\nFROM base\nRUN npm ci')).toHaveLength(0);
  });

  test('a final stage named for tests or development is skipped', () => {
    expect(findings('FROM node:22 AS app\nRUN npm ci --omit=dev\nFROM app AS test\nRUN npm ci')).toHaveLength(0);
    expect(findings('FROM python:3.12 AS dev\nRUN pip install -r requirements-dev.txt')).toHaveLength(0);
    expect(findings('FROM python:3.12 AS devserver\nRUN pip install -r requirements-dev.txt')).toHaveLength(1);
  });

  test('reports each command, on its span', () => {
    const d = findings('FROM node:22-slim\nRUN npm ci && pip install -r requirements-dev.txt');
    expect(d.map((x) => x.span)).toEqual([
      { line: 2, column: 5, endLine: 2, endColumn: 11 },
      { line: 2, column: 15, endLine: 2, endColumn: 50 },
    ]);
    expect(d[0]?.message).toContain('npm ci --omit=dev');
    expect(d[1]?.message).toContain('pip install -r requirements-dev.txt');
  });
});
