import { describe, expect, test } from 'vitest';
import { flagNames, simplifyWord, splitShellText } from './words.ts';

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
    ["$'a b'", 'a b'],
    ['$"msg"', ''],
  ])('%s → %s', (raw, expected) => {
    expect(simplifyWord(raw)).toBe(expected);
  });

  test.each([
    ['git-$V', 'git-$V'],
    ['"git-${V:-1}"', 'git-${V:-1}'],
    ['lib{a,b}-dev', 'lib{a,b}-dev'],
    ["'a b'", 'a b'],
    ['a\\ b', 'a b'],
  ])('keeping expansions: %s → %s', (raw, expected) => {
    expect(simplifyWord(raw, true)).toBe(expected);
  });
});

test('flagNames splits like hadolint', () => {
  expect(flagNames('-qy')).toEqual(['q', 'y']);
  expect(flagNames('--yes')).toEqual(['yes']);
  expect(flagNames('--target-release=bookworm')).toEqual(['target-release']);
  expect(flagNames('--index-url=x')).toEqual(['index-url']);
  expect(flagNames('-q=2')).toEqual(['q', '=', '2']);
  expect(flagNames('-')).toEqual([]);
  expect(flagNames('--')).toEqual([]);
  expect(flagNames('curl')).toEqual([]);
});

describe('splitShellText', () => {
  const commands = (text: string) => splitShellText(text).commands;

  test('splits commands at operators and newlines, keeping words as written', () => {
    expect(commands(`curl -fsSL "https://x/a b" | sh -s -- 'y z'`)).toEqual([['curl', '-fsSL', '"https://x/a b"'], ['sh', '-s', '--', "'y z'"]]);
    expect(commands('a && b || c; d & e |& f\ng')).toEqual([['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g']]);
  });

  test('quoted and escaped operators stay in their word', () => {
    expect(commands(`echo "a|b" 'c;d' e\\|f`)).toEqual([['echo', '"a|b"', "'c;d'", 'e\\|f']]);
    expect(commands('echo $(date | tr a b) `x;y`')).toEqual([['echo', '$(date | tr a b)', '`x;y`']]);
  });

  test('drops comments and redirections with their targets', () => {
    expect(commands('make 2>&1 >> log # build it\nls &>/dev/null <in')).toEqual([['make'], ['ls']]);
    expect(commands('cat > /x <<EOF && echo\nbody; rm -rf /\nEOF\nnext')).toEqual([['cat'], ['echo'], ['next']]);
  });

  test('joins continuation lines', () => {
    expect(commands('apt-get install \\\n  curl')).toEqual([['apt-get', 'install', 'curl']]);
  });

  test('compound-command keywords name no command', () => {
    expect(commands('if [ -f x ]; then apt-get update; fi')).toEqual([['apt-get', 'update']]);
    expect(commands('for d in a b; do mkdir "$d"; done')).toEqual([['mkdir', '"$d"']]);
    expect(commands('{ a; } && ! b')).toEqual([['a'], ['b']]);
  });

  test('finds pipes, not `||`', () => {
    expect(splitShellText('a | b').hasPipe).toBe(true);
    expect(splitShellText('a |& b').hasPipe).toBe(true);
    expect(splitShellText('a || b').hasPipe).toBe(false);
    expect(splitShellText('echo "a | b"').hasPipe).toBe(false);
  });
});
