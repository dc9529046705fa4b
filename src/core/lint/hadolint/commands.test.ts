import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import type { Instruction, ParsedDockerfile } from '../../parse/model.ts';
import { argsNoFlags, cleanedAfterInstall, cmdHasAllArgs, cmdHasArgs, countFlag, flagArgs, hadolintCommands, hadolintHasPipe, hasAnyFlag, hasExactSpan, type HCommand } from './commands.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});

/** The Dockerfile and its first RUN (or ONBUILD RUN trigger). */
function firstRun(text: string): [ParsedDockerfile, Instruction] {
  const df = linter.lint(text, { rules: [] }).dockerfile;
  const i = df.instructions.find((x) => x.keyword === 'RUN' || x.trigger?.keyword === 'RUN');
  if (!i) throw new Error('no RUN');
  return [df, i.trigger ?? i];
}
const cmds = (text: string) => hadolintCommands(...firstRun(text));
const run = (script: string) => cmds(`FROM debian\nRUN ${script}`);
const names = (script: string) => run(script).map((c) => c.name);
const one = (script: string): HCommand => {
  const c = run(script)[0];
  if (!c) throw new Error(`no command in ${script}`);
  return c;
};

describe('hadolintCommands', () => {
  test('literal names as written; wrapped commands and sh -c strings are not looked into; nested ones count', () => {
    expect(names('sudo apt-get install x && env A=1 wget y && sh -c "curl z" && /usr/bin/apt-get update && if true; then rm -rf /tmp/a; fi && echo $(date)')).toEqual([
      'sudo', 'env', 'sh', '/usr/bin/apt-get', 'true', 'rm', 'echo', 'date',
    ]);
    expect(names('$PIP install six')).toEqual([]);
  });

  test('`exec x`, `command x`, `builtin x`, `busybox x` count as x, with x still an argument', () => {
    expect(run('command wget -q x').map((c) => [c.name, c.args.map((a) => a.text)])).toEqual([['wget', ['wget', '-q', 'x']]]);
    expect(names('exec wget -q x && builtin cd /x && busybox wget y && exec -a name -- pip install six')).toEqual(['wget', 'cd', 'wget', 'pip']);
    expect(one('exec pip install six').nameWord.span.column).toBe(10);
  });

  test('`command -v x` stays `command`; `command $X` has no literal name and is dropped', () => {
    expect(names('command -v curl && command - x')).toEqual(['command', 'command']);
    expect(names('command $X install')).toEqual([]);
  });

  test('arguments: simplified text for comparisons, value as written, exact spans', () => {
    const [c] = run('apt-get install "curl=$V" lib{a,b}-dev');
    expect(c?.args.map((a) => [a.text, a.value, a.word.span.column, hasExactSpan(a.word)])).toEqual([
      ['install', 'install', 13, true],
      ['curl=${VAR}', 'curl=$V', 21, true],
      ['lib-dev', 'lib{a,b}-dev', 31, true],
    ]);
  });

  test('the exec form is read as its words joined by spaces', () => {
    expect(run('["apt-get", "install", "-y", "curl"]').map((c) => [c.name, c.args.map((a) => a.text)])).toEqual([['apt-get', ['install', '-y', 'curl']]]);
    expect(run('["/bin/sh", "-c", "apt-get update && apt-get install -y curl > /log"]').map((c) => [c.name, c.args.map((a) => a.text)])).toEqual([
      ['/bin/sh', ['-c', 'apt-get', 'update']],
      ['apt-get', ['install', '-y', 'curl']],
    ]);
  });

  test('a RUN under a non-POSIX SHELL is still read as shell text, with approximate spans', () => {
    const found = cmds('FROM debian\nSHELL ["pwsh", "-c"]\nRUN apt-get update; sudo ls');
    expect(found.map((c) => c.name)).toEqual(['apt-get', 'sudo']);
    expect(found[0]?.cmd.span).toMatchObject({ line: 3, column: 5, endColumn: 28 });
    expect(found[0]?.args.map((a) => hasExactSpan(a.word))).toEqual([false]);
  });

  test('heredocs: the body when the arguments start with the marker, else only the text before it', () => {
    const body = cmds('FROM debian\nRUN <<EOF\napt-get update\nsudo ls\nEOF');
    expect(body.map((c) => [c.name, c.cmd.span.line, c.cmd.span.column])).toEqual([['apt-get', 3, 1], ['sudo', 4, 1]]);
    expect(cmds('FROM debian\nRUN <<EOF bash\napt-get update\nEOF').map((c) => c.name)).toEqual(['bash', 'apt-get']);
    expect(cmds('FROM debian\nRUN bash <<EOF\napt-get update\nEOF').map((c) => c.name)).toEqual(['bash']);
    expect(cmds('FROM python:3\nRUN python3 <<EOF > /out\nimport os\nEOF').map((c) => c.name)).toEqual(['python3']);
    // language-docker keeps the rest of the marker's line and the body, whatever the program.
    expect(cmds('FROM debian\nRUN <<EOF cat > /x\napt-get install foo\nEOF').map((c) => c.name)).toEqual(['cat', 'apt-get']);
    expect(cmds('FROM debian\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nEOF').map((c) => c.name)).toEqual(['import']);
  });

  test('ONBUILD RUN triggers', () => {
    expect(cmds('FROM debian\nONBUILD RUN exec apt-get install x').map((c) => c.name)).toEqual(['apt-get']);
  });
});

describe('hadolintHasPipe', () => {
  const pipe = (text: string) => hadolintHasPipe(...firstRun(text));
  test.each([
    ['RUN a | b', true],
    ['RUN a || b', false],
    [`RUN sh -c 'a | b'`, false],
    ['RUN ["sh", "-c", "a | b"]', true],
    ['RUN ["sh", "-c", "a || b"]', false],
    ['RUN <<EOF\na | b\nEOF', true],
    ['RUN bash <<EOF\na | b\nEOF', false],
    ['SHELL ["pwsh", "-c"]\nRUN Get-ChildItem | Select-Object Name', true],
  ])('%s → %s', (line, expected) => {
    expect(pipe(`FROM debian\n${line}`)).toBe(expected);
  });
});

describe('queries', () => {
  test('cmdHasArgs matches any listed word; cmdHasAllArgs needs every one', () => {
    const c = one('yum clean metadata');
    expect(cmdHasArgs(c, 'yum', ['clean', 'all'])).toBe(true);
    expect(cmdHasArgs(c, ['dnf', 'yum'], ['clean'])).toBe(true);
    expect(cmdHasArgs(c, ['dnf'], ['clean'])).toBe(false);
    expect(cmdHasAllArgs(c, 'yum', ['clean', 'all'])).toBe(false);
    expect(cmdHasAllArgs(one('yum clean all'), 'yum', ['clean', 'all'])).toBe(true);
  });

  test('flags: bundles, long flags, counts and the argument after a flag', () => {
    const c = one('apt-get install -qq -t bookworm-backports --target-release=x --setopt=y foo bar');
    expect(hasAnyFlag(c, ['q'])).toBe(true);
    expect(hasAnyFlag(c, ['setopt'])).toBe(true);
    expect(hasAnyFlag(c, ['y'])).toBe(false);
    expect(countFlag(c, 'q')).toBe(2);
    expect(flagArgs(c, 't').map((a) => a.text)).toEqual(['bookworm-backports']);
  });

  test('argsNoFlags drops flags and the word after the listed ones (also after `--flag=value`, as hadolint)', () => {
    const c = one('pip install -i https://x --user --prefix=/p six -- seven');
    expect(argsNoFlags(c).map((a) => a.text)).toEqual(['install', 'https://x', 'six', '--', 'seven']);
    expect(argsNoFlags(c, ['i', 'prefix']).map((a) => a.text)).toEqual(['install', '--', 'seven']);
  });

  test('cleanedAfterInstall wants the first cleanup after the first install', () => {
    const install = (c: HCommand) => cmdHasArgs(c, 'yum', ['install']);
    const clean = (c: HCommand) => cmdHasArgs(c, 'yum', ['clean']);
    expect(cleanedAfterInstall(run('yum install a && yum clean all'), install, clean)).toBe(true);
    expect(cleanedAfterInstall(run('yum clean all && yum install a'), install, clean)).toBe(false);
    expect(cleanedAfterInstall(run('yum install a'), install, clean)).toBe(false);
    expect(cleanedAfterInstall(run('echo hi'), install, clean)).toBe(true);
  });
});
