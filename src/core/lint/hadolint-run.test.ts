import { describe, expect, test } from 'vitest';
import { tokenizeShell } from './hadolint-run.ts';

describe('tokenizeShell', () => {
  test('splits words and operators, removing quotes', () => {
    expect(tokenizeShell(`curl -fsSL "https://x/a b" | sh -s -- 'y z'`)).toEqual(['curl', '-fsSL', 'https://x/a b', '|', 'sh', '-s', '--', 'y z']);
    expect(tokenizeShell('a && b || c; d & e |& f')).toEqual(['a', '&&', 'b', '||', 'c', ';', 'd', '&', 'e', '|&', 'f']);
  });

  test('quoted and escaped operators are part of words', () => {
    expect(tokenizeShell(`echo "a|b" 'c;d' e\\|f`)).toEqual(['echo', 'a|b', 'c;d', 'e|f']);
  });

  test('drops redirections and comments, keeps newlines as separators', () => {
    expect(tokenizeShell('make 2>&1 >> log # build it\nls &>/dev/null')).toEqual(['make', '2', '1', 'log', '\n', 'ls', '/dev/null']);
  });

  test('joins continuation lines', () => {
    expect(tokenizeShell('apt-get install \\\n  curl')).toEqual(['apt-get', 'install', 'curl']);
  });
});
