import { beforeAll, describe, expect, test } from 'vitest';
import { loadShellParser } from '../../node/shell-binaries.ts';
import { parseShellScript } from './commands.ts';
import { flagValue, hasFlag, pipInvocation, positionals, subcommand } from './query.ts';
import type { ShellParser } from './types.ts';

let parser: ShellParser;
beforeAll(async () => {
  parser = await loadShellParser();
});

const script = (text: string) =>
  parseShellScript(parser, text, (s, e) => ({ line: 1, column: s + 1, endLine: 1, endColumn: e + 1 }));

describe('commands', () => {
  test('lists commands joined by && ; || and pipes, with the operator after each', () => {
    const s = script('apt-get update && apt-get install -y curl; echo ok || true | cat');
    expect(s.commands.map((c) => [c.name, c.next])).toEqual([
      ['apt-get', '&&'],
      ['apt-get', ';'],
      ['echo', '||'],
      ['true', '|'],
      ['cat', null],
    ]);
    expect(s.hasPipe).toBe(true);
  });

  test('unquotes words and keeps expansions as text', () => {
    const s = script(`pip install "django==4.2" 'x y' $PKG "a\${B}c"`);
    expect(s.commands[0]?.args.map((a) => [a.value, a.dynamic])).toEqual([
      ['install', false],
      ['django==4.2', false],
      ['x y', false],
      ['$PKG', true],
      ['a${B}c', true],
    ]);
  });

  test('`command -v x` only looks x up; `command x` runs it', () => {
    const s = script('command -v curl && command -pV wget && command -p gcc --version');
    expect(s.commands.map((c) => (c.via ? `${c.name}<${c.via}` : c.name))).toEqual(['command', 'command', 'command', 'gcc<command']);
  });

  test('finds commands inside sh -c, sudo, env, if bodies and substitutions', () => {
    const s = script(`sudo -u app env A=1 npm ci && sh -c 'apk add curl' && if true; then rm -rf /x; fi && echo $(uname -m)`);
    const names = s.commands.map((c) => `${c.name}${c.via ? `<${c.via}` : ''}${c.nested ? '*' : ''}`);
    expect(names).toEqual(['sudo', 'env<sudo', 'npm<env', 'sh', 'apk<sh -c*', 'true*', 'rm*', 'echo', 'uname*']);
    expect(s.commands.find((c) => c.name === 'npm')?.assignments).toEqual([{ name: 'A', value: '1' }]);
  });

  test('variable assignments before a command', () => {
    const s = script('DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata');
    expect(s.commands[0]?.assignments).toEqual([{ name: 'DEBIAN_FRONTEND', value: 'noninteractive' }]);
    expect(s.commands[0]?.name).toBe('apt-get');
  });

  test('exact spans in script coordinates', () => {
    const s = script('set -eux; apk add --no-cache curl');
    expect(s.commands[1]?.span).toEqual({ line: 1, column: 11, endLine: 1, endColumn: 34 });
    expect(s.commands[1]?.args[1]?.span).toEqual({ line: 1, column: 19, endLine: 1, endColumn: 29 });
  });

  test('reports a syntax error without throwing', () => {
    const s = script('echo "unterminated && rm -rf /');
    expect(s.hasError).toBe(true);
  });
});

describe('queries', () => {
  test('short flag bundles, long flags with values, positionals after value flags', () => {
    const [cmd] = script('apt-get -qy -t bookworm-backports install --no-install-recommends=true curl -- -weird').commands;
    if (!cmd) throw new Error('no command');
    expect(hasFlag(cmd, '-y')).toBe(true);
    expect(hasFlag(cmd, '--yes', '-q')).toBe(true);
    expect(hasFlag(cmd, '--no-install-recommends')).toBe(true);
    expect(hasFlag(cmd, '-x')).toBe(false);
    expect(flagValue(cmd, '-t', '--target-release')).toBe('bookworm-backports');
    expect(positionals(cmd, ['-t']).map((w) => w.value)).toEqual(['install', 'curl', '-weird']);
    expect(subcommand(cmd, ['-t'])).toBe('install');
  });

  test('python -m pip is pip', () => {
    const [cmd] = script('python3 -m pip install --no-cache-dir flask').commands;
    if (!cmd) throw new Error('no command');
    expect(pipInvocation(cmd)?.args.map((a) => a.value)).toEqual(['install', '--no-cache-dir', 'flask']);
  });
});
