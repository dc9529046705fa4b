import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useShellInstruction } from './use-shell-instruction.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [useShellInstruction] }).diagnostics;
const lines = (text: string) => lint(text).map((d) => d.instructionLine);

describe('use-shell-instruction (hadolint DL4005)', () => {
  test('reports the ln command with its span', () => {
    const [d] = lint('FROM debian:bookworm-slim\nRUN rm /bin/sh && ln -sfv /bin/bash /bin/sh');
    expect(d?.span).toEqual({ line: 2, column: 19, endLine: 2, endColumn: 44 });
    expect(d?.severity).toBe('warning');
  });

  test('checks ONBUILD triggers', () => {
    expect(lines('FROM debian:bookworm-slim\nONBUILD RUN ln -sfv /bin/bash /bin/sh')).toEqual([2]);
  });

  test('other symlinks and other commands mentioning /bin/sh are fine', () => {
    expect(lines('FROM debian:bookworm-slim\nRUN ln -sf /bin/true /sbin/initctl')).toEqual([]);
    expect(lines('FROM debian:bookworm-slim\nRUN ln -s foo bar && unrelated && something_with /bin/sh')).toEqual([]);
  });

  test('like hadolint, any `ln` argument equal to /bin/sh counts, quoted or not, but not /bin/ln', () => {
    expect(lines('FROM debian:bookworm-slim\nRUN ln -s /bin/sh /usr/local/bin/posix-sh')).toEqual([2]);
    expect(lines('FROM debian:bookworm-slim\nRUN ln -sf /bin/bash "/bin/sh"')).toEqual([2]);
    expect(lines('FROM debian:bookworm-slim\nRUN /bin/ln -sf /bin/bash /bin/sh')).toEqual([]);
  });
});
