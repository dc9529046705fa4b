import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { usePipefail } from './use-pipefail.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [usePipefail] }).diagnostics;
const lines = (text: string) => lint(text).map((d) => d.instructionLine);
const PIPE = 'RUN wget -O - https://some.site | wc -l file > /number';

describe('use-pipefail (hadolint DL4006)', () => {
  test('cases from hadolint', () => {
    expect(lines(`FROM scratch\n${PIPE}`)).toEqual([2]);
    expect(lines('FROM scratch AS build\nRUN wget -O - https://some.site && wc -l file > /number')).toEqual([]);
    for (const shell of [
      '["/bin/bash", "-eo", "pipefail", "-c"]',
      '["/bin/bash", "-e", "-o", "pipefail", "-c"]',
      '["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]',
      '["/bin/zsh", "-o", "pipefail", "-c"]',
      '["/usr/bin/bash", "-o", "pipefail", "-c"]',
      '["/usr/local/bin/zsh", "-o", "pipefail", "-c"]',
      '["/bin/ash", "-o", "pipefail", "-c"]',
    ]) {
      expect(lines(`FROM scratch AS build\nSHELL ${shell}\n${PIPE}`), shell).toEqual([]);
    }
    expect(lines(`FROM scratch AS build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${PIPE}`)).toEqual([3]);
    expect(lines(`FROM scratch AS build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${PIPE}\nFROM scratch AS build2\n${PIPE}`)).toEqual([5]);
    expect(lines(`FROM scratch AS build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${PIPE}\nSHELL ["/bin/sh", "-c"]\n${PIPE}`)).toEqual([5]);
  });

  test('cases from hadolint: PowerShell and cmd switch the rule off', () => {
    const ps = 'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value';
    expect(lines(`FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "pwsh", "-c" ]\n${ps}`)).toEqual([]);
    expect(lines(`FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "powershell.exe" ]\n${ps}`)).toEqual([]);
    expect(lines(`FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "cmd.exe", "/c" ]\n${ps}`)).toEqual([]);
  });

  test('a shell the engine does not parse is still checked for pipes, as hadolint does', () => {
    expect(lines('FROM debian:bookworm-slim\nSHELL ["/usr/bin/fish", "-c"]\nRUN ls | wc -l')).toEqual([3]);
    expect(lines('FROM debian:bookworm-slim\nSHELL ["/usr/bin/fish", "-c"]\nRUN echo "a|b" || true')).toEqual([]);
  });

  test('like hadolint, pipefail may come from any argument of the SHELL', () => {
    expect(lines(`FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-c", "set -o pipefail"]\n${PIPE}`)).toEqual([]);
  });

  test('`||` is not a pipe; a pipe inside sh -c is not seen; one in the exec form is', () => {
    expect(lines('FROM debian:bookworm-slim\nRUN make || true')).toEqual([]);
    expect(lines('FROM debian:bookworm-slim\nRUN sh -c "ls | wc -l"')).toEqual([]);
    expect(lines('FROM debian:bookworm-slim\nRUN ["sh", "-c", "ls | wc -l"]')).toEqual([2]);
    expect(lines('FROM debian:bookworm-slim\nRUN echo "$(ls | wc -l)" > /count')).toEqual([2]);
  });

  test('heredocs: the body counts after a leading marker, only the text before the marker otherwise', () => {
    expect(lines('FROM debian:bookworm-slim\nRUN <<EOF\nls | wc -l\nEOF')).toEqual([2]);
    expect(lines('FROM debian:bookworm-slim\nRUN <<EOF\n# no | pipe here\necho "a|b"\nEOF')).toEqual([]);
    expect(lines('FROM debian:bookworm-slim\nRUN python3 <<EOF\nprint("a" if 1 | 0 else "b")\nEOF')).toEqual([]);
    // hadolint keeps only `cat` here: the pipe after the marker is read as part of the heredoc marker.
    expect(lines('FROM debian:bookworm-slim\nRUN cat <<EOF | sh\necho hi\nEOF')).toEqual([]);
  });

  test('ONBUILD triggers are not checked', () => {
    expect(lines('FROM debian:bookworm-slim\nONBUILD RUN ls | wc -l')).toEqual([]);
  });

  test('reports the pipe itself', () => {
    const [d] = lint('FROM debian:bookworm-slim\nRUN apt-get update && dpkg -l | grep -q curl');
    expect(d?.span).toEqual({ line: 2, column: 23, endLine: 2, endColumn: 45 });
    expect(d?.severity).toBe('warning');
  });

  test('advises ash on Alpine (also through a parent stage) and bash elsewhere', () => {
    expect(lint('FROM python:3.12-alpine AS base\nFROM base\nRUN ls | wc -l')[0]?.message).toContain('SHELL ["/bin/ash", "-o", "pipefail", "-c"]` (Alpine has ash, not bash)');
    const debian = lint('FROM debian:bookworm-slim\nRUN ls | wc -l')[0]?.message ?? '';
    expect(debian).toContain('Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`');
    expect(debian).toContain('on Alpine-based images');
  });

  test('explains why pipefail on sh does not count', () => {
    expect(lint(`FROM debian:bookworm-slim\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${PIPE}`)[0]?.message).toContain('sets pipefail on `sh`');
  });
});
