import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { resolveConfig, type ResolvedConfig } from '../config.ts';
import { registryMatches, useTrustedRegistry } from './use-trusted-registry.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});

function configWith(trustedRegistries: string[]): ResolvedConfig {
  const result = resolveConfig({ trustedRegistries }, [useTrustedRegistry]);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config;
}
const lint = (text: string, trusted: string[] = []) => linter.lint(text, { rules: [useTrustedRegistry], config: configWith(trusted) }).diagnostics;
const lines = (text: string, trusted: string[]) => lint(text, trusted).map((d) => d.span.line);

describe('use-trusted-registry (hadolint DL3026)', () => {
  test('inactive while trustedRegistries is empty', () => {
    expect(lint('FROM random.com/debian')).toEqual([]);
    expect(useTrustedRegistry.needsConfig).toBe(true);
  });

  test('a FROM registry outside the list is an error on the image', () => {
    expect(lint('FROM random.com/debian', ['docker.io'])).toMatchObject([{ severity: 'error', span: { line: 1, column: 6, endLine: 1, endColumn: 23 } }]);
    expect(lint('FROM random.com/debian', ['x.com', 'random.com'])).toEqual([]);
  });

  test('scratch always passes', () => {
    expect(lint('FROM scratch', ['x.com', 'random.com'])).toEqual([]);
  });

  test('Docker Hub images pass in every form when docker.io or hub.docker.com is trusted, and fail otherwise', () => {
    const text = 'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3';
    expect(lint(text, ['docker.io'])).toEqual([]);
    expect(lines(text, ['hub.docker.com'])).toEqual([3]);
    expect(lines(text, ['trusted.com'])).toEqual([1, 2, 3]);
    expect(lint(text, ['*'])).toEqual([]);
  });

  test('earlier stages pass', () => {
    expect(lint('FROM random.com/foo AS builder1\nFROM builder1 AS builder2', ['random.com'])).toEqual([]);
  });

  test('wildcards: *.suffix, *, prefix*', () => {
    expect(lines('FROM x.com/debian', ['*.random.com'])).toEqual([1]);
    expect(lint('FROM foo.random.com/debian', ['x.com', '*.random.com'])).toEqual([]);
    expect(lines('FROM random.com/debian', ['*.random.com'])).toEqual([1]);
    expect(lint('FROM registry.example.com/app:1', ['registry.example*'])).toEqual([]);
    expect(registryMatches('*', 'anything')).toBe(true);
    expect(registryMatches('*.example.com', 'eu.example.com')).toBe(true);
    expect(registryMatches('*.example.com', 'example.com')).toBe(false);
    expect(registryMatches('ghcr*', 'ghcr.io')).toBe(true);
    expect(registryMatches('ghcr.io', 'GHCR.io')).toBe(false);
  });

  test('COPY --from=<image> is checked; stage names pass', () => {
    expect(lint('COPY --from=untrusted.com/repo/image:tag /foo /bar', ['trusted.com'])).toMatchObject([{ span: { line: 1, column: 6, endLine: 1, endColumn: 41 } }]);
    expect(lint('COPY --from=trusted.com/repo/image:tag /foo /bar', ['trusted.com'])).toEqual([]);
    expect(lint('FROM trusted.com/golang:1 AS build\nFROM trusted.com/alpine:3\nCOPY --from=build /app /app', ['trusted.com'])).toEqual([]);
  });

  test('COPY --from=<number> counts as a Docker Hub image name, as in hadolint', () => {
    const text = 'FROM trusted.com/golang:1\nFROM trusted.com/alpine:3\nCOPY --from=0 /app /app';
    expect(lines(text, ['trusted.com'])).toEqual([3]);
    expect(lint(text, ['trusted.com', 'docker.io'])).toEqual([]);
  });

  test('RUN --mount from=<image> is checked for bind and cache mounts, once per RUN', () => {
    expect(lint('RUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar', ['trusted.com'])).toMatchObject([{ span: { line: 1, column: 5, endLine: 1, endColumn: 68 } }]);
    expect(lint('RUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar', ['trusted.com'])).toHaveLength(1);
    expect(lint('RUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar', ['trusted.com'])).toEqual([]);
    expect(lint('RUN --mount=type=cache,from=trusted.com/repo/image:tag,target=/foo foobar', ['trusted.com'])).toEqual([]);
    expect(lint('RUN --mount=from=untrusted.com/x:1,target=/foo foobar', ['trusted.com'])).toHaveLength(1);
    expect(lint('RUN --mount=type=bind,from=a.com/x:1,target=/a --mount=type=bind,from=b.com/y:1,target=/b foobar', ['trusted.com'])).toHaveLength(1);
  });

  test('mounts without from, and secret/ssh/tmpfs mounts, pass', () => {
    const trusted = ['trusted.com'];
    expect(lint('FROM trusted.com/a:1\nRUN --mount=type=cache,target=/root/.cache pip install x', trusted)).toEqual([]);
    expect(lint('FROM trusted.com/a:1\nRUN --mount=type=secret,id=npm --mount=type=ssh --mount=type=tmpfs,target=/tmp true', trusted)).toEqual([]);
  });

  test('ONBUILD triggers are not checked (hadolint does not)', () => {
    expect(lint('FROM trusted.com/a:1\nONBUILD COPY --from=untrusted.com/x:1 /a /a', ['trusted.com'])).toEqual([]);
  });

  test('the message names the registry and the trusted list', () => {
    const [d] = lint('FROM quay.io/centos/centos:stream9', ['registry.example.com']);
    expect(d?.message).toContain('`quay.io`');
    expect(d?.message).toContain('`registry.example.com`');
    expect(lint('FROM python:3.12', ['registry.example.com'])[0]?.message).toContain('Docker Hub');
  });
});
