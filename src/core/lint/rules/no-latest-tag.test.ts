import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noLatestTag } from './no-latest-tag.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noLatestTag] }).diagnostics;

describe('no-latest-tag (hadolint DL3007)', () => {
  test('an explicit latest tag is reported on the image', () => {
    expect(lint('FROM debian:latest')).toMatchObject([{ span: { line: 1, column: 6, endLine: 1, endColumn: 19 }, severity: 'warning' }]);
    expect(lint('FROM debian:latest AS builder')).toHaveLength(1);
    expect(lint('FROM --platform=$BUILDPLATFORM node:latest AS b')).toMatchObject([{ span: { line: 1, column: 32, endLine: 1, endColumn: 43 } }]);
  });

  test('other tags and digests pass, even `latest` with a digest', () => {
    expect(lint('FROM debian:jessie')).toEqual([]);
    expect(lint('FROM debian:jessie AS builder')).toEqual([]);
    expect(lint('FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb')).toEqual([]);
    expect(lint('FROM hub.docker.io/debian:latest@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb')).toEqual([]);
  });

  test('an untagged image is left to no-untagged-base-image', () => {
    expect(lint('FROM debian')).toEqual([]);
  });

  test('the tag is read as written: ARG values are not expanded (as in hadolint)', () => {
    expect(lint('ARG TAG=latest\nFROM node:${TAG}')).toEqual([]);
    expect(lint('ARG IMAGE=node:latest\nFROM $IMAGE')).toEqual([]);
  });

  test('tags are case-sensitive', () => {
    expect(lint('FROM node:LATEST')).toEqual([]);
  });

  test('registry images keep their registry in the suggestion', () => {
    expect(lint('FROM ghcr.io/acme/app:latest')[0]?.message).toContain('`ghcr.io/acme/app:<version>`');
  });
});
