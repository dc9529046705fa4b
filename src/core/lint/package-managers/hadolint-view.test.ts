import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter } from '../../../node/engine.ts';
import type { Instruction } from '../../parse/model.ts';
import { parseDockerfile } from '../../parse/parse.ts';
import type { ShellParser } from '../../shell/types.ts';
import { argValuesNoFlags, cleanedAfterInstall, cmdHasAllArgs, cmdHasArgs, envPairs, flagNames, hadolintCommands, hasAnyFlag, hasCacheOrTmpfsMountWith } from './hadolint-view.ts';

let shell: ShellParser;
beforeAll(async () => {
  shell = (await createNodeLinter()).shell;
});
const instruction = (line: string): Instruction => parseDockerfile(`FROM debian:bookworm\n${line}`, { shell }).dockerfile.instructions[1] as Instruction;
const cmds = (script: string) => hadolintCommands(instruction(`RUN ${script}`));

describe('hadolintCommands', () => {
  test('keeps direct and nested commands by their literal name', () => {
    expect(cmds('a x && if true; then b y; fi; echo $(c z)').map((c) => c.name)).toEqual(['a', 'true', 'b', 'echo', 'c']);
    expect(cmds('/usr/bin/pip install six').map((c) => c.name)).toEqual(['/usr/bin/pip']);
  });

  test('drops commands run by sudo, env or sh -c, and dynamic names', () => {
    expect(cmds('sudo pip install six').map((c) => c.name)).toEqual(['sudo']);
    expect(cmds('env A=1 pip install six').map((c) => c.name)).toEqual(['env']);
    expect(cmds('sh -c "pip install six"').map((c) => c.name)).toEqual(['sh']);
    expect(cmds('$PIP install six')).toEqual([]);
  });

  test('exec and command count as the program they run', () => {
    expect(cmds('exec pip install six').map((c) => [c.name, c.args])).toEqual([['pip', ['install', 'six']]]);
    expect(cmds('command pip install six').map((c) => c.name)).toEqual(['pip']);
  });

  test('the exec form is one command', () => {
    expect(hadolintCommands(instruction('RUN ["pip", "install", "six"]')).map((c) => [c.name, c.args])).toEqual([['pip', ['install', 'six']]]);
  });
});

describe('flags and arguments', () => {
  test('flagNames splits like hadolint', () => {
    expect(flagNames('-qy')).toEqual(['q', 'y']);
    expect(flagNames('--index-url=x')).toEqual(['index-url']);
    expect(flagNames('--')).toEqual([]);
    expect(flagNames('-')).toEqual([]);
    expect(flagNames('six')).toEqual([]);
  });

  test('cmdHasArgs matches any listed word; cmdHasAllArgs needs every one', () => {
    const [c] = cmds('yum clean metadata');
    if (!c) throw new Error('no command');
    expect(cmdHasArgs(c, 'yum', ['clean', 'all'])).toBe(true);
    expect(cmdHasArgs(c, ['dnf'], ['clean'])).toBe(false);
    expect(cmdHasAllArgs(c, 'yum', ['clean', 'all'])).toBe(false);
  });

  test('hasAnyFlag sees bundles and long flags', () => {
    const [c] = cmds('yum -qy install --setopt=x a');
    if (!c) throw new Error('no command');
    expect(hasAnyFlag(c, ['y'])).toBe(true);
    expect(hasAnyFlag(c, ['setopt'])).toBe(true);
    expect(hasAnyFlag(c, ['n'])).toBe(false);
  });

  test('argValuesNoFlags drops flags and the word after the listed ones', () => {
    const [c] = cmds('pip install -i https://x --user --prefix=/p six -- seven');
    if (!c) throw new Error('no command');
    expect(argValuesNoFlags(c)).toEqual(['install', 'https://x', 'six', '--', 'seven']);
    expect(argValuesNoFlags(c, ['i', 'prefix'])).toEqual(['install', '--', 'seven']);
  });

  test('cleanedAfterInstall wants the first cleanup after the first install', () => {
    const install = (c: { name: string; args: string[] }) => c.name === 'yum' && c.args.includes('install');
    const clean = (c: { name: string; args: string[] }) => c.name === 'yum' && c.args.includes('clean');
    expect(cleanedAfterInstall(cmds('yum install a && yum clean all'), install, clean)).toBe(true);
    expect(cleanedAfterInstall(cmds('yum clean all && yum install a'), install, clean)).toBe(false);
    expect(cleanedAfterInstall(cmds('yum install a'), install, clean)).toBe(false);
    expect(cleanedAfterInstall(cmds('echo hi'), install, clean)).toBe(true);
  });
});

describe('instructions', () => {
  test('hasCacheOrTmpfsMountWith matches cache and tmpfs targets containing the fragment', () => {
    expect(hasCacheOrTmpfsMountWith(instruction('RUN --mount=type=cache,target=/home/u/.cache/pip pip install x'), '.cache/pip')).toBe(true);
    expect(hasCacheOrTmpfsMountWith(instruction('RUN --mount=type=tmpfs,target=/root/.cache/pip pip install x'), '.cache/pip')).toBe(true);
    expect(hasCacheOrTmpfsMountWith(instruction('RUN --mount=type=bind,target=/root/.cache/pip pip install x'), '.cache/pip')).toBe(false);
    expect(hasCacheOrTmpfsMountWith(instruction('RUN --mount=type=cache,target=/var/cache/apt pip install x'), '.cache/pip')).toBe(false);
  });

  test('envPairs reads both ENV forms and ARG', () => {
    expect(envPairs(instruction('ENV A=1 B="two"'))).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'two' }]);
    expect(envPairs(instruction('ENV PIP_NO_CACHE_DIR true'))).toEqual([{ name: 'PIP_NO_CACHE_DIR', value: 'true' }]);
    expect(envPairs(instruction('ARG VERSION'))).toEqual([{ name: 'VERSION', value: '' }]);
    expect(envPairs(instruction('RUN true'))).toEqual([]);
  });
});
