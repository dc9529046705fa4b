import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useYarnCacheClean as rule } from './use-yarn-cache-clean.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM node:22-slim\n${body}`).length;

describe('use-yarn-cache-clean (hadolint DL3060)', () => {
  test('other commands are fine', () => {
    expect(count('RUN yarn build')).toBe(0);
    expect(count('ONBUILD RUN yarn build')).toBe(0);
  });

  test('yarn install without a later yarn cache clean', () => {
    expect(count('RUN yarn install left-pad')).toBe(1);
    expect(count('ONBUILD RUN yarn install left-pad')).toBe(1);
    expect(count('RUN yarn cache clean && yarn install left-pad')).toBe(1);
  });

  test('yarn cache clean after the install', () => {
    expect(count('RUN yarn install left-pad && yarn cache clean')).toBe(0);
    expect(count('ONBUILD RUN yarn install left-pad && yarn cache clean')).toBe(0);
  });

  test('a cache or tmpfs mount on the yarn cache', () => {
    expect(count('RUN --mount=type=cache,target=/root/.cache/yarn yarn install left-pad')).toBe(0);
    expect(count('RUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install left-pad')).toBe(0);
    expect(count('ONBUILD RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install')).toBe(0);
    expect(count('RUN --mount=type=cache,target=/var/lib/other yarn install left-pad')).toBe(1);
    expect(count('RUN --mount=type=tmpfs,target=/var/lib/other yarn install left-pad')).toBe(1);
  });

  test('the last stage is checked', () => {
    expect(findings('FROM node:22 AS deps\nRUN echo hi\nFROM scratch\nRUN yarn install')).toHaveLength(1);
  });

  test('a stage that a later FROM builds on is checked', () => {
    expect(findings('FROM node:22 AS deps\nRUN yarn install\nFROM deps\nRUN echo hi')).toHaveLength(1);
    expect(findings('FROM node:22 AS deps\nRUN yarn install && yarn cache clean\nFROM deps\nRUN echo hi')).toHaveLength(0);
  });

  test('a stage that does not ship is not checked, but ONBUILD triggers always are', () => {
    expect(findings('FROM node:22 AS deps\nRUN yarn install\nFROM scratch\nRUN echo hi')).toHaveLength(0);
    expect(findings('FROM node:22 AS deps\nONBUILD RUN yarn install\nFROM scratch\nRUN echo hi')).toHaveLength(1);
  });

  test('like hadolint, a stage with the same FROM line as the last one counts as the last', () => {
    expect(findings('FROM node:22\nRUN yarn install\nFROM node:22\nRUN echo hi')).toHaveLength(1);
    expect(findings('FROM node:20\nRUN yarn install\nFROM node:22\nRUN echo hi')).toHaveLength(0);
  });

  test('like hadolint, an alias counts as reused when a FROM names it with a tag or registry', () => {
    expect(findings('FROM node:22 AS deps\nRUN yarn install\nFROM deps:latest\nRUN echo hi')).toHaveLength(1);
    expect(findings('FROM node:22 AS deps\nRUN yarn install\nFROM registry.example.com/deps:1\nRUN echo hi')).toHaveLength(1);
    expect(findings('FROM node:22 AS deps\nRUN yarn install\nFROM example/deps:1\nRUN echo hi')).toHaveLength(0);
  });

  test('no fix when the RUN is not a plain && chain', () => {
    const d = findings('FROM node:22-slim\nRUN yarn install || true');
    expect(d).toHaveLength(1);
    expect(d[0]?.fix).toBeUndefined();
    expect(d[0]?.span).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 17 });
  });
});
