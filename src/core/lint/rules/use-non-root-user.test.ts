import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useNonRootUser } from './use-non-root-user.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [useNonRootUser] }).diagnostics;

describe('use-non-root-user', () => {
  test('reports the FROM image of the final stage', () => {
    const [d] = lint('FROM debian:bookworm-slim AS build\nUSER builder\nFROM python:3.12-slim\nCOPY --from=build /x /x');
    expect(d?.span).toEqual({ line: 3, column: 6, endLine: 3, endColumn: 22 });
    expect(d?.instructionLine).toBe(3);
    expect(d?.message).toContain('useradd --system');
  });

  test('suggests commands that fit the image', () => {
    expect(lint('FROM alpine:3.20')[0]?.message).toContain('adduser -S');
    expect(lint('FROM scratch')[0]?.message).toContain('USER 65534:65534');
    expect(lint('FROM gcr.io/distroless/static-debian12')[0]?.message).toContain(':nonroot');
    expect(lint('FROM node:22-slim')[0]?.message).toContain('USER node');
    expect(lint('FROM mcr.microsoft.com/windows/servercore:ltsc2022')[0]?.message).toContain('ContainerAdministrator. Add `USER ContainerUser`');
  });

  test('counts a USER in a stage the final stage builds on', () => {
    expect(lint('FROM node:22-slim AS base\nUSER node\nFROM base AS app\nFROM app\nCMD ["node"]')).toEqual([]);
  });

  test('leaves an explicit root USER to no-root-user', () => {
    expect(lint('FROM debian\nUSER root')).toEqual([]);
    expect(lint('FROM debian AS base\nUSER 0\nFROM base')).toEqual([]);
  });

  test('images that drop privileges in their entrypoint with gosu or su-exec are not reported', () => {
    expect(lint('FROM alpine:3.20\nRUN apk add --no-cache \'su-exec>=0.2\' tzdata\nENTRYPOINT ["docker-entrypoint.sh"]')).toEqual([]);
    expect(lint('FROM debian:bookworm-slim\nRUN wget -O /usr/local/bin/gosu "https://example.com/gosu-amd64" && chmod +x /usr/local/bin/gosu')).toEqual([]);
    expect(lint('FROM debian:bookworm-slim\nCOPY --from=tianon/gosu:1.17 /gosu /usr/local/bin/')).toEqual([]);
    expect(lint('FROM debian:bookworm-slim\nRUN echo gosumo > /etc/motd')).toHaveLength(1);
    expect(lint('FROM debian:bookworm-slim\nRUN apt-get install -y su-exec-docs')).toHaveLength(1);
  });

  test('ignores a USER that only an ONBUILD trigger would set', () => {
    expect(lint('FROM debian\nONBUILD USER app')).toHaveLength(1);
  });

  test.each([
    'gcr.io/distroless/static-debian12:nonroot',
    'gcr.io/distroless/python3-debian12:debug-nonroot',
    'nginxinc/nginx-unprivileged:1.27-alpine',
    'example/app:rootless',
    'bitnami/non-root-base:1',
    'mcr.microsoft.com/windows/nanoserver:ltsc2022',
  ])('accepts a base image that defaults to a non-root user: %s', (image) => {
    expect(lint(`FROM ${image}\nCOPY app /app`)).toEqual([]);
  });

  test('skips an image chosen by a build argument without a default', () => {
    expect(lint('ARG BASE\nFROM ${BASE}\nCOPY app /app')).toEqual([]);
    expect(lint('ARG BASE=python:3.12-slim\nFROM ${BASE}')).toHaveLength(1);
  });

  test('does not report builder stages', () => {
    expect(lint('FROM golang:1.23 AS build\nRUN go build\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app')).toEqual([]);
  });
});
