import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noBuildToolsInFinalImage as rule } from './no-build-tools-in-final-image.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

test.each([
  ['debian', 'RUN apt-get install -y --no-install-recommends gcc make curl', 1],
  ['debian', 'RUN apt-get install -y --no-install-recommends gcc && make && apt-get purge -y gcc', 0],
  // The compiler is purged; `make` alone stays, which builds nothing by itself.
  ['debian', 'RUN apt-get install -y --no-install-recommends gcc make && make && apt-get purge -y gcc', 0],
  ['debian', 'RUN apt-get install -y --no-install-recommends gcc g++ make && make && apt-get purge -y gcc', 1],
  ['debian', 'RUN buildDeps="gcc make" && apt-get install -y $buildDeps && make && apt-get purge -y $buildDeps', 0],
  ['debian', 'RUN apt-get install -y --no-install-recommends libpq-dev && apt-get purge -y --auto-remove $(echo libpq-dev)', 0],
  ['debian', "RUN savedAptMark=\"$(apt-mark showmanual)\" && apt-get install -y gcc && make && apt-mark auto '.*' > /dev/null && apt-mark manual $savedAptMark && apt-get purge -y --auto-remove", 0],
  ['debian', 'RUN apt-get install -y --no-install-recommends python3-dev=3.11.2-1+b1 gcc-12', 1],
  // Header packages and build systems without a compiler build nothing: not reported.
  ['debian', 'RUN apt-get install -y --no-install-recommends python3-dev=3.11.2-1+b1', 0],
  ['debian', 'RUN apt-get install -y --no-install-recommends libffi-dev libssl-dev zlib1g-dev pkg-config make', 0],
  ['alpine', 'RUN apk add --no-cache musl-dev linux-headers', 0],
  ['debian', 'RUN apt-get install -y --no-install-recommends gcc && apt-get install -y --no-install-recommends libpq-dev', 2],
  ['debian', 'RUN apt-get install -y --no-install-recommends libpq5 ca-certificates', 0],
  ['alpine', 'RUN apk add --no-cache build-base', 1],
  ['alpine', 'RUN apk add --no-cache --virtual .deps build-base', 0],
  ['alpine', 'RUN apk add --no-cache musl-dev gcc && make && apk del musl-dev gcc', 0],
  ['fedora', 'RUN dnf install -y gcc-c++ openssl-devel && dnf clean all', 1],
  ['fedora', 'RUN yum install -y gcc && make && yum remove -y gcc', 0],
  ['opensuse/leap', 'RUN zypper -n in gcc make', 1],
])('%s: %s → %i', (image, run, n) => {
  expect(lint(`FROM ${image}\n${run}\nCOPY . /app\nCMD ["/app/run"]`)).toHaveLength(n);
});

test('with a compiler, the -dev packages are listed too', () => {
  const [d] = lint('FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends libffi-dev gcc libssl-dev\nCMD ["/app/run"]');
  expect(d?.message).toContain('`libffi-dev`, `gcc`, `libssl-dev` are build tools');
});

test.each([
  // Base images that already ship compilers: installing gcc adds nothing new.
  ['FROM buildpack-deps:bookworm-scm\nRUN apt-get update && apt-get install -y --no-install-recommends g++ gcc libc6-dev make && rm -rf /var/lib/apt/lists/*\nCMD ["bash"]', 0],
  ['FROM golang:1.23-alpine\nRUN apk add --no-cache gcc musl-dev\nCOPY . /src\nCMD ["go", "run", "/src"]', 0],
  ['FROM rust:1.83\nRUN apt-get update && apt-get install -y gcc-multilib clang\nCOPY . .\nCMD ["cargo", "run"]', 0],
  ['FROM python:3.12\nRUN apt-get update && apt-get install -y build-essential\nCOPY . /app\nCMD ["python", "/app/main.py"]', 0],
  ['FROM node:22-bookworm\nRUN apt-get update && apt-get install -y g++ make\nCOPY . /app\nCMD ["node", "/app"]', 0],
  ['FROM ruby:2.7\nRUN apt-get install -y build-essential libpq-dev\nCOPY . /app\nCMD ["rails", "s"]', 0],
  ['FROM php:8.3-apache\nRUN apt-get install -y gcc libzip-dev\nCOPY . /var/www/html', 0],
  ['FROM maven:3.9-eclipse-temurin-21\nRUN apt-get install -y gcc\nCOPY . /src\nCMD ["mvn", "test"]', 0],
  ['FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN apt-get install -y clang\nCOPY . /src\nCMD ["dotnet", "run"]', 0],
  ['FROM mcr.microsoft.com/devcontainers/base:ubuntu-24.04\nRUN apt-get install -y build-essential cmake\nCOPY .zshrc /home/vscode/', 0],
  ['FROM nvidia/cuda:12.4.1-devel-ubuntu22.04\nRUN apt-get install -y build-essential\nCOPY . /app\nCMD ["python3", "/app/train.py"]', 0],
  // Their slim and Alpine variants do not.
  ['FROM python:3.12-slim\nRUN apt-get install -y build-essential\nCOPY . /app\nCMD ["python", "/app/main.py"]', 1],
  ['FROM node:22-alpine\nRUN apk add --no-cache g++ make python3\nCOPY . /app\nCMD ["node", "/app"]', 1],
  ['FROM php:8.3-fpm-alpine\nRUN apk add --no-cache gcc make autoconf\nCOPY . /app', 1],
  ['FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN apt-get install -y build-essential\nCOPY . /app\nCMD ["python3", "/app/serve.py"]', 1],
  // Build environments: the command runs a build driver, or no application and no command at all.
  ['FROM ubuntu:24.04\nRUN apt-get install -y gcc make libc6-dev\nWORKDIR /work\nCMD ["make", "-C", "/work"]', 0],
  ['FROM debian:bookworm-slim\nRUN apt-get install -y build-essential texlive-base latexmk\nENTRYPOINT ["latexmk"]\nCMD ["-pdf"]', 0],
  ['FROM debian:bookworm-slim\nRUN apt-get install -y build-essential\nENTRYPOINT /usr/bin/make -C /src', 0],
  ['FROM ubuntu:24.04\nRUN apt-get install -y build-essential cmake ninja-build git', 0],
  ['FROM ubuntu:24.04 AS base\nRUN apt-get install -y build-essential\nFROM base\nCOPY . /src\nCMD ["/src/run.sh"]', 1],
  ['FROM ubuntu:24.04\nRUN apt-get install -y build-essential\nCMD ["bash"]', 1],
  ['FROM ubuntu:24.04\nRUN apt-get install -y build-essential\nCOPY app.sh /usr/local/bin/', 1],
])('%s → %i', (text, n) => {
  expect(lint(text)).toHaveLength(n);
});

test('one finding per install command, listing the tools, on the command', () => {
  const found = lint('FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends gcc g++ make curl && apk add cmake\nCMD ["/app"]');
  expect(found).toHaveLength(2);
  expect(found[0]?.span).toEqual({ line: 2, column: 23, endLine: 2, endColumn: 83 });
  expect(found[0]?.message).toContain('`gcc`, `g++`, `make` are build tools');
  expect(found[0]?.message).toContain('apt-get purge -y --auto-remove gcc g++ make');
});

test('only stages that ship', () => {
  expect(lint('FROM golang AS build\nRUN apt-get install -y gcc\nFROM debian\nCOPY --from=build /x /x')).toHaveLength(0);
  expect(lint('FROM debian AS base\nRUN apt-get install -y gcc\nFROM base\nRUN echo\nCMD ["/x"]')).toHaveLength(1);
});
