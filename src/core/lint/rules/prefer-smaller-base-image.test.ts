import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { preferSmallerBaseImage as rule } from './prefer-smaller-base-image.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('prefer-smaller-base-image', () => {
  test('full language images in the final stage are reported on the image', () => {
    expect(lint('FROM python:3.12\nCMD ["python"]')).toMatchObject([{ span: { line: 1, column: 6, endLine: 1, endColumn: 17 }, severity: 'info' }]);
    for (const image of ['python:3.12-bookworm', 'node:22', 'node', 'ruby:3.3', 'openjdk:17-jdk', 'eclipse-temurin:21-jdk', 'buildpack-deps:bookworm', 'docker.io/library/python:3.11', 'golang:1.22']) {
      expect(lint(`FROM ${image}\nCOPY app /app`), image).toHaveLength(1);
    }
  });

  test('small variants, other images and other registries pass', () => {
    for (const image of ['python:3.12-slim', 'python:3.12-slim-bookworm', 'node:22-alpine', 'ruby:3.3-slim', 'php:8.3-fpm-alpine', 'php:8.3-apache', 'php:8.3-fpm-bookworm', 'eclipse-temurin:21-jre', 'openjdk:17-jdk-slim', 'buildpack-deps:bookworm-curl', 'debian:bookworm', 'ubuntu:24.04', 'gcr.io/distroless/python3', 'registry.example.com/python:3.12', 'golang:1.22-alpine']) {
      expect(lint(`FROM ${image}\nCOPY app /app`), image).toEqual([]);
    }
  });

  test('builder stages are not checked; a final stage built on a full stage is', () => {
    expect(lint('FROM python:3.12 AS build\nRUN pip wheel -w /w .\nFROM python:3.12-slim\nCOPY --from=build /w /w')).toEqual([]);
    const [d] = lint('FROM python:3.12 AS base\nRUN pip install x\nFROM base\nCMD ["python"]');
    expect(d?.span.line).toBe(3);
    expect(d?.message).toContain('python:3.12');
  });

  test('ARG-resolved images are checked; unresolved ones are not', () => {
    expect(lint('ARG PY=3.12\nFROM python:${PY}')).toHaveLength(1);
    expect(lint('ARG PY\nFROM python:${PY}')).toEqual([]);
  });

  test('a single-stage compile is left to use-multi-stage-for-compiled-apps', () => {
    expect(lint('FROM golang:1.22\nCOPY . .\nRUN go build -o /app .')).toEqual([]);
    expect(lint('FROM golang:1.22\nCOPY app /app')).toHaveLength(1);
  });

  test('the suggestion keeps the version', () => {
    expect(lint('FROM python:3.11.9-bookworm')[0]?.message).toContain('`python:3.11.9-slim`');
    expect(lint('FROM eclipse-temurin:21')[0]?.message).toContain('`eclipse-temurin:21-jre`');
  });
});
