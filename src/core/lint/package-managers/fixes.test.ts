import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter } from '../../../node/engine.ts';
import type { Instruction } from '../../parse/model.ts';
import { parseDockerfile } from '../../parse/parse.ts';
import type { ShellParser } from '../../shell/types.ts';
import { hadolintCommands } from '../hadolint/index.ts';
import { appendToRun, insertAfter, insertAfterArg } from './fixes.ts';

let shell: ShellParser;
beforeAll(async () => {
  shell = (await createNodeLinter()).shell;
});
const run = (line: string): Instruction => parseDockerfile(`FROM debian:bookworm\n${line}`, { shell }).dockerfile.instructions[1] as Instruction;

describe('fixes', () => {
  test('insertAfter puts text right after a word', () => {
    const r = run('RUN yum install a');
    const word = r.shell?.commands[0]?.args[0];
    if (!word) throw new Error('no word');
    expect(insertAfter(r, word, ' -y')).toEqual({ span: { line: 2, column: 16, endLine: 2, endColumn: 16 }, text: ' -y' });
  });

  test('insertAfter refuses the exec form', () => {
    const r = run('RUN ["yum", "install", "a"]');
    const word = r.shell?.commands[0]?.args[0];
    if (!word) throw new Error('no word');
    expect(insertAfter(r, word, ' -y')).toBeNull();
  });

  test('insertAfterArg inserts after the first listed argument of every command, or not at all', () => {
    const edits = (line: string) => {
      const { dockerfile } = parseDockerfile(`FROM debian:bookworm\n${line}`, { shell });
      const r = dockerfile.instructions[1] as Instruction;
      return insertAfterArg(r, hadolintCommands(dockerfile, r), ['install', 'in'], ' -y');
    };
    expect(edits('RUN yum install a && zypper in b')?.map((e) => e.span.column)).toEqual([16, 31]);
    expect(edits('RUN yum install a && echo b')).toBeNull();
    expect(edits('RUN ["yum", "install", "a"]')).toBeNull();
    expect(edits('RUN <<EOF cat > /x\nyum install a\nEOF')).toBeNull();
  });

  test('appendToRun appends at the end of a multi-line && chain', () => {
    expect(appendToRun(run('RUN a \\\n && b'), ' && c', 'Add c')?.edits).toEqual([{ span: { line: 3, column: 6, endLine: 3, endColumn: 6 }, text: ' && c' }]);
  });

  test.each(['RUN a || b', 'RUN a; b', 'RUN a | b', 'RUN ["a", "b"]', 'RUN <<EOF\na\nEOF'])('appendToRun refuses %s', (line) => {
    expect(appendToRun(run(line), ' && c', 'Add c')).toBeUndefined();
  });

  test('appendToRun accepts nested commands inside an && chain', () => {
    expect(appendToRun(run('RUN if a; then b; fi && c'), ' && d', 'Add d')).toBeDefined();
  });
});
