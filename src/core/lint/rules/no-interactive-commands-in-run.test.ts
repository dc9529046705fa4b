import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noInteractiveCommandsInRun } from './no-interactive-commands-in-run.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noInteractiveCommandsInRun] }).diagnostics;
const lines = (text: string) => lint(text).map((d) => d.instructionLine);

describe('no-interactive-commands-in-run (hadolint DL3001)', () => {
  test('reports the command with its exact span', () => {
    const [d] = lint('FROM debian:bookworm-slim\nRUN apt-get update && top -b -n 1');
    expect(d?.span).toEqual({ line: 2, column: 23, endLine: 2, endColumn: 34 });
    expect(d?.message).toContain('`top`');
    expect(d?.severity).toBe('info');
  });

  test('checks ONBUILD triggers and reports them on the ONBUILD line', () => {
    expect(lines('FROM debian:bookworm-slim\nONBUILD RUN top')).toEqual([2]);
    expect(lines('FROM debian:bookworm-slim\nONBUILD RUN apt-get install ssh')).toEqual([]);
  });

  test('a package named like a command is not the command', () => {
    expect(lines('FROM debian:bookworm-slim\nRUN apt-get install -y ssh vim procps')).toEqual([]);
  });

  test('reports once per RUN even with several such commands', () => {
    expect(lines('FROM debian:bookworm-slim\nRUN ps aux; free -m; kill 1')).toEqual([2]);
  });

  test('finds commands in subshells, command substitutions and the exec form', () => {
    expect(lines('FROM debian:bookworm-slim\nRUN (ps aux)')).toEqual([2]);
    expect(lines('FROM debian:bookworm-slim\nRUN echo "$(free -m)" > /mem.txt')).toEqual([2]);
    expect(lines('FROM debian:bookworm-slim\nRUN ["top", "-b", "-n", "1"]')).toEqual([2]);
    expect(lines('FROM debian:bookworm-slim\nRUN exec top')).toEqual([2]);
  });

  test('like hadolint, ignores wrapped commands, sh -c strings, paths and ifconfig', () => {
    expect(lines('FROM debian:bookworm-slim\nRUN sudo service nginx start')).toEqual([]);
    expect(lines('FROM debian:bookworm-slim\nRUN sh -c "ps aux"')).toEqual([]);
    expect(lines('FROM debian:bookworm-slim\nRUN /bin/ps aux')).toEqual([]);
    expect(lines('FROM debian:bookworm-slim\nRUN command -v ps')).toEqual([]);
    expect(lines('FROM debian:bookworm-slim\nRUN ifconfig')).toEqual([]);
  });
});
