import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter } from '../../../node/engine.ts';
import type { Instruction } from '../../parse/model.ts';
import { parseDockerfile } from '../../parse/parse.ts';
import type { ShellParser } from '../../shell/types.ts';
import { hadolintCommands, type HCommand } from '../hadolint/index.ts';
import {
  gemIsPinned, gemPackages, goModuleIsPinned, goModules, listOf, isPipInstall, isPipWrapper, isYarnCacheClean, isYarnInstall, pipInstallKeepsCache, pipInstallWord,
  pipPackageIsPinned, scriptDisablesPipCache, unpinnedNpmPackages, unpinnedPipPackages,
} from './languages.ts';

let shell: ShellParser;
beforeAll(async () => {
  shell = (await createNodeLinter()).shell;
});
const cmds = (script: string) => {
  const { dockerfile } = parseDockerfile(`FROM debian:bookworm\nRUN ${script}`, { shell });
  return hadolintCommands(dockerfile, dockerfile.instructions[1] as Instruction);
};
const one = (script: string): HCommand => {
  const c = cmds(script)[0];
  if (!c) throw new Error(`no command in ${script}`);
  return c;
};

describe('pip', () => {
  test('isPipInstall: pip* with install anywhere, or python* -m pip install', () => {
    expect(isPipInstall(one('pip3.12 --quiet install six'))).toBe(true);
    expect(isPipInstall(one('python3 -m pip install six'))).toBe(true);
    expect(isPipInstall(one('python3 -m pip --quiet install six'))).toBe(false);
    expect(isPipInstall(one('pip download six'))).toBe(false);
  });

  test('pipx and pipenv are wrappers, not pip', () => {
    expect(isPipWrapper(one('pipx install black'))).toBe(true);
    expect(isPipWrapper(one('python -m pipenv install'))).toBe(true);
    expect(isPipWrapper(one('pip install pipenvx'))).toBe(false);
  });

  test('pipInstallWord finds the install word of both spellings', () => {
    expect(pipInstallWord(one('pip -q install six'))?.value).toBe('install');
    expect(pipInstallWord(one('python -m pip install six'))?.span.column).toBe(19);
  });

  test('unpinnedPipPackages', () => {
    expect(unpinnedPipPackages(one('pip install six attrs==24.2.0 click'))).toEqual(['six', 'click']);
    expect(unpinnedPipPackages(one('pip install -r requirements.txt six'))).toEqual([]);
    expect(unpinnedPipPackages(one('pip install -t /opt six==1'))).toEqual([]);
    expect(unpinnedPipPackages(one('pipenv install six'))).toEqual([]);
  });

  test('pipPackageIsPinned', () => {
    for (const p of ['a==1', 'a>=1', 'a<2', 'a~=1.0', 'a!=1', 'x.whl', 'x.tar.gz', 'dir/pkg', 'git+https://h/r.git@v1', 'svn+https://h/r@5']) expect(pipPackageIsPinned(p)).toBe(true);
    for (const p of ['a', 'git+https://h/r.git', 'hg+https://h/r', 'a.zip']) expect(pipPackageIsPinned(p)).toBe(false);
  });

  test('pipInstallKeepsCache', () => {
    expect(pipInstallKeepsCache(one('pip install six'))).toBe(true);
    expect(pipInstallKeepsCache(one('pip install --no-cache-dir six'))).toBe(false);
    expect(pipInstallKeepsCache(one('pipenv install'))).toBe(false);
  });

  test('scriptDisablesPipCache reads the first PIP_NO_CACHE_DIR= in the script', () => {
    expect(scriptDisablesPipCache('PIP_NO_CACHE_DIR=1 pip install x')).toBe(true);
    expect(scriptDisablesPipCache('export PIP_NO_CACHE_DIR=yes; pip install x')).toBe(true);
    expect(scriptDisablesPipCache('PIP_NO_CACHE_DIR=0 pip install x')).toBe(false);
    expect(scriptDisablesPipCache('pip install x')).toBe(false);
  });
});

describe('npm, yarn', () => {
  test('unpinnedNpmPackages', () => {
    expect(unpinnedNpmPackages(one('npm install -g a b@1 @s/c @s/d@2'))).toEqual(['a', '@s/c']);
    expect(unpinnedNpmPackages(one('npm install'))).toEqual([]);
    expect(unpinnedNpmPackages(one('npm run install a'))).toEqual([]);
    expect(unpinnedNpmPackages(one('npm install ./x y.tgz git://h/r.git#v1 git://h/r.git'))).toEqual(['git://h/r.git']);
  });

  test('yarn install and yarn cache clean', () => {
    expect(isYarnInstall(one('yarn install --frozen-lockfile'))).toBe(true);
    expect(isYarnInstall(one('yarn add x'))).toBe(false);
    expect(isYarnCacheClean(one('yarn cache clean'))).toBe(true);
  });
});

describe('gem, go', () => {
  test('gemPackages', () => {
    expect(gemPackages(one('gem install a b:1'))).toEqual(['a', 'b:1']);
    expect(gemPackages(one('gem i a -v 1'))).toEqual([]);
    expect(gemPackages(one('gem install a:1 -- --with-x b'))).toEqual(['a:1']);
    expect(gemPackages(one('gem install --no-document a b'))).toEqual(['b']);
    expect(gemPackages(one('gem list'))).toEqual([]);
    expect(gemIsPinned('a:1')).toBe(true);
  });

  test('goModules and goModuleIsPinned', () => {
    expect(goModules(cmds('go install a/b@v1 ./c && go get d')).map((m) => m.module)).toEqual(['a/b@v1', './c', 'd']);
    expect(goModules(cmds('go run a@v1 arg && go install b')).map((m) => m.module)).toEqual(['a@v1']);
    expect(goModuleIsPinned('a@v1.2.3')).toBe(true);
    expect(goModuleIsPinned('./cmd/...')).toBe(true);
    expect(goModuleIsPinned('a@latest')).toBe(false);
    expect(goModuleIsPinned('a')).toBe(false);
  });
});

describe('listOf', () => {
  test('joins names for messages', () => {
    expect(listOf(['a'])).toBe('`a`');
    expect(listOf(['a', 'b', 'c'])).toBe('`a`, `b` and `c`');
    expect(listOf(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('`a`, `b`, `c`, `d` and 2 more');
  });
});
