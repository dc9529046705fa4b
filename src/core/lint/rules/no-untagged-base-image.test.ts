import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noUntaggedBaseImage } from './no-untagged-base-image.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noUntaggedBaseImage] }).diagnostics;
const lines = (text: string) => lint(text).map((d) => d.span.line);

describe('no-untagged-base-image (hadolint DL3006)', () => {
  test('an untagged image, with or without a stage name, is reported on the image', () => {
    expect(lint('FROM debian')).toMatchObject([{ span: { line: 1, column: 6, endLine: 1, endColumn: 12 }, instructionLine: 1, severity: 'warning' }]);
    expect(lines('FROM debian AS builder')).toEqual([1]);
  });

  test('digests, tags, scratch and variables are exempt', () => {
    expect(lint('FROM ruby@sha256:f1dbca0f5dbc9')).toEqual([]);
    expect(lint('FROM ruby:2')).toEqual([]);
    expect(lint('FROM scratch')).toEqual([]);
    expect(lint('FROM ${VALUE}')).toEqual([]);
    expect(lint('ARG BASE=python\nFROM $BASE')).toEqual([]);
    expect(lint('FROM ${REGISTRY}/python')).toEqual([]);
  });

  test('earlier stage names are exempt, later or unknown names are not', () => {
    const ok = 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM build as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz';
    expect(lint(ok)).toEqual([]);
    const bad = 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM node as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz';
    expect(lines(bad)).toEqual([3]);
    expect(lines('FROM later\nFROM alpine:3.20 AS later')).toEqual([1]);
  });

  test('the stage being defined does not exempt its own image', () => {
    expect(lines('FROM foo AS foo')).toEqual([1]);
  });

  test('stage names are compared as written, like hadolint', () => {
    expect(lines('FROM golang:1.22 AS Build\nFROM build')).toEqual([2]);
    expect(lint('FROM golang:1.22 AS Build\nFROM Build')).toEqual([]);
  });

  test('hadolint reads the text as written, not ARG values', () => {
    expect(lines('FROM myrepo/${IMAGE}')).toEqual([1]);
    expect(lint('FROM registry.example.com/${IMAGE}')).toEqual([]);
    expect(lines('FROM python$PY')).toEqual([1]);
  });

  test('registries: the name after the registry decides; a port reads as a tag', () => {
    expect(lines('FROM gcr.io/distroless/static')).toEqual([1]);
    expect(lint('FROM docker.io/scratch')).toEqual([]);
    expect(lint('FROM localhost:5000/app')).toEqual([]);
  });

  test('the message names the image and says what the missing tag means', () => {
    expect(lint('FROM debian')[0]?.message).toContain('`debian:latest`');
  });
});
