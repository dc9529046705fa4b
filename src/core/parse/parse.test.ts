import { beforeAll, describe, expect, test } from 'vitest';
import { loadShellParser } from '../../node/shell-binaries.ts';
import type { ShellParser } from '../shell/types.ts';
import { parseDockerfile } from './parse.ts';

let shell: ShellParser;
beforeAll(async () => {
  shell = await loadShellParser();
});

const parse = (text: string) => parseDockerfile(text, { shell }).dockerfile;

describe('stages', () => {
  test('names stages, resolves ARG defaults in FROM and links FROM <stage>', () => {
    const df = parse('ARG BASE=python:3.12-slim\nFROM ${BASE} AS Build\nRUN true\nFROM build\nCMD ["x"]\n');
    expect(df.globalArgs).toEqual([{ name: 'BASE', value: 'python:3.12-slim', kind: 'ARG', line: 1 }]);
    expect(df.stages).toHaveLength(2);
    const [build, final] = df.stages;
    expect(build?.name).toBe('build');
    expect(build?.nameRaw).toBe('Build');
    expect(build?.image).toMatchObject({ raw: '${BASE}', resolved: 'python:3.12-slim', name: 'python', tag: '3.12-slim', registry: null });
    expect(final?.baseStage).toBe(0);
    expect(build?.instructions.map((i) => i.keyword)).toEqual(['RUN']);
  });

  test('marks an ARG without a default as unresolved', () => {
    const df = parse('ARG TAG\nFROM node:${TAG}\n');
    expect(df.stages[0]?.image.resolved).toBeNull();
    expect(df.stages[0]?.image.unresolvedVars).toEqual(['TAG']);
  });

  test('splits registry, tag and digest', () => {
    const df = parse('FROM registry.example.com:5000/team/app:1.2@sha256:abc\n');
    expect(df.stages[0]?.image).toMatchObject({ registry: 'registry.example.com:5000', name: 'team/app', tag: '1.2', digest: 'sha256:abc' });
  });

  test('a stage ARG without a value inherits the global default', () => {
    const df = parse('ARG V=3\nFROM alpine:3.20\nARG V\nENV X=$V\n');
    expect(df.stages[0]?.vars).toEqual([
      { name: 'V', value: '3', kind: 'ARG', line: 3 },
      { name: 'X', value: '3', kind: 'ENV', line: 4 },
    ]);
  });

  test('legacy ENV key value form', () => {
    const df = parse('FROM alpine:3.20\nENV PATH /opt/bin:/usr/bin\n');
    expect(df.stages[0]?.vars[0]).toMatchObject({ name: 'PATH', value: '/opt/bin:/usr/bin' });
  });
});

describe('instructions', () => {
  test('flags with options, exact spans, json form', () => {
    const df = parse('FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache pip install x\nCMD ["a", "b"]\n');
    const run = df.instructions[1];
    expect(run?.flags[0]?.name).toBe('mount');
    expect(run?.flags[0]?.options.get('target')).toBe('/root/.cache');
    expect(run?.keywordSpan).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 4 });
    expect(df.instructions[2]?.json).toEqual(['a', 'b']);
    expect(run?.json).toBeNull();
  });

  test('ONBUILD exposes its trigger with its own shell commands', () => {
    const df = parse('FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl\n');
    const trigger = df.instructions[1]?.trigger;
    expect(trigger?.keyword).toBe('RUN');
    expect(trigger?.onbuildParent).toBe(df.instructions[1]);
    expect(trigger?.shell?.commands.map((c) => c.name)).toEqual(['apk']);
  });

  test('heredoc RUN runs the heredoc body as the script', () => {
    const df = parse('FROM debian:bookworm\nRUN <<EOF\nset -e\napt-get update\nEOF\nCMD ["x"]\n');
    const run = df.instructions[1];
    expect(run?.span).toEqual({ line: 2, column: 1, endLine: 5, endColumn: 4 });
    expect(run?.shell?.commands.map((c) => [c.name, c.span.line, c.span.column])).toEqual([
      ['set', 3, 1],
      ['apt-get', 4, 1],
    ]);
  });

  test('a heredoc fed to another program is not parsed as shell', () => {
    const df = parse('FROM python:3.12\nRUN python3 <<EOF\nimport os\nprint(os.getcwd())\nEOF\n');
    expect(df.instructions[1]?.shell?.commands.map((c) => c.name)).toEqual(['python3']);
  });

  test('drops comment and blank lines inside continuations, as the builder does', () => {
    const text = 'FROM debian:bookworm\nRUN apt-get update \\\n    # comment\n\n    && apt-get install -y curl\n';
    const df = parse(text);
    const cmds = df.instructions[1]?.shell?.commands ?? [];
    expect(cmds.map((c) => c.name)).toEqual(['apt-get', 'apt-get']);
    expect(cmds[1]?.span).toEqual({ line: 5, column: 8, endLine: 5, endColumn: 31 });
  });

  test('CRLF line endings keep exact positions', () => {
    const df = parse('FROM alpine:3.20\r\nRUN apk add \\\r\n  curl\r\n');
    const cmd = df.instructions[1]?.shell?.commands[0];
    expect(cmd?.name).toBe('apk');
    expect(cmd?.args.map((a) => a.value)).toEqual(['add', 'curl']);
    expect(cmd?.args[1]?.span).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 7 });
  });

  test('the escape directive changes the continuation character', () => {
    const df = parse('# escape=`\nFROM alpine:3.20\nRUN echo a `\n  && echo b\n');
    expect(df.escapeChar).toBe('`');
    expect(df.instructions[1]?.shell?.commands.map((c) => c.args[0]?.value)).toEqual(['a', 'b']);
  });

  test('a non-POSIX SHELL switches shell parsing off for the rest of the stage', () => {
    const df = parse('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n');
    expect(df.instructions[2]?.shell).toBeNull();
  });

  test('exec-form RUN with sh -c parses the inner script', () => {
    const df = parse('FROM alpine:3.20\nRUN ["sh", "-c", "apk add curl && rm -rf /var/cache/apk/*"]\n');
    expect(df.instructions[1]?.shell?.commands.map((c) => c.name)).toEqual(['sh', 'apk', 'rm']);
  });

  test('never throws on odd input', () => {
    for (const text of ['', '\n\n', 'RUN', 'FROM', 'FROM a AS', '# escape=x\nFROM a', 'RUN <<', 'RUN ["unterminated', 'ONBUILD', '\\\n\\\n', 'FROM a\nRUN "\'$(']) {
      expect(() => parse(text)).not.toThrow();
    }
  });
});

describe('ARG, ENV and LABEL properties', () => {
  test('quoted values with spaces stay one value', () => {
    const df = parse(`FROM alpine:3.20\nENV A="x y" B=2 C='q r' D=a\\ b\nLABEL "org.opencontainers.image.title"="My app"\n`);
    expect(df.stages[0]?.vars.map((v) => [v.name, v.value])).toEqual([
      ['A', 'x y'],
      ['B', '2'],
      ['C', 'q r'],
      ['D', 'a b'],
    ]);
    expect(df.instructions[2]?.properties.map((p) => [p.name, p.value])).toEqual([['org.opencontainers.image.title', 'My app']]);
  });
});
