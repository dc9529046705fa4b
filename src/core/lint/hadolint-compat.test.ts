import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../node/engine.ts';
import type { Instruction } from '../parse/model.ts';
import { argsNoFlags, countFlag, flagArgs, flagNames, hadolintCheckedStages, hadolintCommands, hadolintImageName, hasAnyFlag, simplifyWord } from './hadolint-compat.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});

function parse(text: string) {
  return linter.lint(text, { rules: [] }).dockerfile;
}

function firstRun(text: string): Instruction {
  const i = parse(text).instructions.find((x) => x.keyword === 'RUN' || x.trigger?.keyword === 'RUN');
  if (!i) throw new Error('no RUN');
  return i.trigger ?? i;
}

describe('simplifyWord (ShellCheck oversimplify)', () => {
  test.each([
    ['curl', 'curl'],
    ['"curl=7.88"', 'curl=7.88'],
    ["'a b'", 'a b'],
    ['$PKG', '${VAR}'],
    ['${PKG}', '${VAR}'],
    ['"$UID"', '${VAR}'],
    ['curl=${CURL_VERSION}', 'curl=${VAR}'],
    ['$(cat /tmp/pkgs)', '${VAR}'],
    ['`cat x`', '${VAR}'],
    ['$((1+2))', '${VAR}'],
    ['"pre-${V:-a/b}-post"', 'pre-${VAR}-post'],
    ['a\\ b', 'a b'],
    ['/var/lib/apt/lists/*', '/var/lib/apt/lists/*'],
    ['lib{a,b}-dev', 'lib-dev'],
    ['{}', '{}'],
    ['$1', '${VAR}'],
    ['100$', '100$'],
    ['"C:\\Program Files\\x"', 'C:\\Program Files\\x'],
  ])('%s → %s', (raw, expected) => {
    expect(simplifyWord(raw)).toBe(expected);
  });
});

test('flagNames splits like hadolint', () => {
  expect(flagNames('-qy')).toEqual(['q', 'y']);
  expect(flagNames('--yes')).toEqual(['yes']);
  expect(flagNames('--target-release=bookworm')).toEqual(['target-release']);
  expect(flagNames('-q=2')).toEqual(['q', '=', '2']);
  expect(flagNames('-')).toEqual([]);
  expect(flagNames('--')).toEqual([]);
  expect(flagNames('curl')).toEqual([]);
});

describe('hadolintCommands', () => {
  test('skips wrapped commands, sh -c strings and paths, keeps nested ones', () => {
    const run = firstRun('FROM debian\nRUN sudo apt-get install x && env A=1 wget y && sh -c "curl z" && /usr/bin/apt-get update && if true; then rm -rf /tmp/a; fi && echo $(date)');
    expect(hadolintCommands(run).map((c) => c.name)).toEqual(['sudo', 'env', 'sh', '/usr/bin/apt-get', 'true', 'rm', 'echo', 'date']);
  });

  test('`command x` and `exec x` count as x; `command -v x` does not', () => {
    expect(hadolintCommands(firstRun('FROM debian\nRUN command wget -q x')).map((c) => c.name)).toEqual(['wget']);
    expect(hadolintCommands(firstRun('FROM debian\nRUN exec wget -q x')).map((c) => c.name)).toEqual(['wget']);
    expect(hadolintCommands(firstRun('FROM debian\nRUN command -v curl')).map((c) => c.name)).toEqual(['command']);
  });

  test('the exec form is read as shell text', () => {
    const cmds = hadolintCommands(firstRun('FROM debian\nRUN ["apt-get", "install", "-y", "curl"]'));
    expect(cmds.map((c) => [c.name, c.args.map((a) => a.text)])).toEqual([['apt-get', ['install', '-y', 'curl']]]);
    const split = hadolintCommands(firstRun('FROM debian\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install -y curl"]'));
    expect(split.map((c) => c.name)).toEqual(['/bin/sh', 'apt-get']);
  });

  test('flag helpers', () => {
    const [c] = hadolintCommands(firstRun('FROM debian\nRUN apt-get install -qq -t bookworm-backports --target-release=x foo bar'));
    if (!c) throw new Error('no command');
    expect(hasAnyFlag(c, ['q'])).toBe(true);
    expect(countFlag(c, 'q')).toBe(2);
    expect(flagArgs(c, 't').map((a) => a.text)).toEqual(['bookworm-backports']);
    // As in hadolint, the argument after `--target-release=x` is dropped too.
    expect(argsNoFlags(c, ['t', 'target-release']).map((a) => a.text)).toEqual(['install', 'bar']);
  });
});

describe('hadolintCheckedStages', () => {
  test('last stage and stages used by a FROM', () => {
    expect([...hadolintCheckedStages(parse('FROM a AS x\nRUN a\nFROM x\nRUN b\nFROM c\nRUN c'))]).toEqual([0, 2]);
  });
  test('a stage whose FROM line equals the last one counts too', () => {
    expect([...hadolintCheckedStages(parse('FROM debian:bookworm\nRUN a\nFROM debian:bookworm\nRUN b'))]).toEqual([0, 1]);
  });
  test('an alias equal to any FROM image name counts (even its own)', () => {
    expect([...hadolintCheckedStages(parse('FROM golang AS golang\nRUN a\nFROM scratch AS final\nCOPY --from=golang /x /x'))]).toEqual([0, 1]);
  });
  test('instructions before any FROM count when there is no FROM or the last is a bare scratch', () => {
    expect(hadolintCheckedStages(parse('RUN a')).has(-1)).toBe(true);
    expect(hadolintCheckedStages(parse('RUN a\nFROM scratch')).has(-1)).toBe(true);
    expect(hadolintCheckedStages(parse('RUN a\nFROM debian')).has(-1)).toBe(false);
  });
  test('image names drop registry, tag and digest', () => {
    expect(hadolintImageName('docker.io/library/python:3.12@sha256:abc')).toBe('library/python');
    expect(hadolintImageName('localhost:5000/app:1')).toBe('app');
    expect(hadolintImageName('builder')).toBe('builder');
  });
});
