import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noSudo } from './no-sudo.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noSudo] }).diagnostics;
const lines = (text: string) => lint(text).map((d) => d.instructionLine);

describe('no-sudo (hadolint DL3004)', () => {
  test('reports the sudo word as an error', () => {
    const [d] = lint('FROM ubuntu:24.04\nRUN apt-get update && sudo apt-get install -y curl');
    expect(d?.span).toEqual({ line: 2, column: 23, endLine: 2, endColumn: 27 });
    expect(d?.severity).toBe('error');
  });

  test('checks ONBUILD triggers', () => {
    expect(lines('FROM ubuntu:24.04\nONBUILD RUN sudo apt-get update')).toEqual([2]);
    expect(lines('FROM ubuntu:24.04\nONBUILD RUN apt-get install sudo')).toEqual([]);
  });

  test('installing or configuring sudo is fine', () => {
    expect(lines('FROM ubuntu:24.04\nRUN apt-get install -y sudo && echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app')).toEqual([]);
  });

  test('like hadolint, matches the literal name `sudo` run directly, or through exec', () => {
    expect(lines('FROM ubuntu:24.04\nRUN exec sudo make install')).toEqual([2]);
    expect(lines('FROM ubuntu:24.04\nRUN /usr/bin/sudo make install')).toEqual([]);
    expect(lines('FROM ubuntu:24.04\nRUN env HOME=/root sudo make install')).toEqual([]);
    expect(lines('FROM ubuntu:24.04\nRUN sh -c "sudo make install"')).toEqual([]);
  });
});
