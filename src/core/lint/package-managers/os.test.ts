import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import type { ShellCommand } from '../../shell/types.ts';
import { apkVirtualName, hasAutoRemoveIdiom, isBuildTool, osPackageCommand, osPackageCommands, packageBaseName, refreshesAptLists, removes } from './os.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});

function commands(script: string): readonly ShellCommand[] {
  const run = linter.lint(`FROM debian\nRUN ${script}`, { rules: [] }).dockerfile.instructions[1];
  return run?.shell?.commands ?? [];
}

function one(script: string) {
  const c = commands(script)[0];
  if (!c) throw new Error('no command');
  const p = osPackageCommand(c);
  if (!p) throw new Error('not a package command');
  return { ...p, pkgs: p.packages.map((w) => w.value) };
}

describe('osPackageCommand', () => {
  test('apt-get with options before and after the subcommand', () => {
    const p = one('apt-get -o Dpkg::Options::=--force-confold -y install -t bookworm-backports --no-install-recommends curl git=1:2.39');
    expect([p.family, p.tool, p.subcommand, p.action, p.pkgs]).toEqual(['apt', 'apt-get', 'install', 'install', ['curl', 'git=1:2.39']]);
  });
  test('apt actions', () => {
    expect(one('apt-get update').action).toBe('update');
    expect(one('apt full-upgrade -y').action).toBe('upgrade');
    expect(one('aptitude safe-upgrade').action).toBe('upgrade');
    expect(one('apt-get purge -y --auto-remove gcc').pkgs).toEqual(['gcc']);
    expect(one('apt-get dist-clean').action).toBe('clean');
  });
  test('apk with global options', () => {
    const p = one('apk --no-cache -X https://x/edge add --virtual .deps gcc musl-dev');
    expect([p.family, p.subcommand, p.action, p.pkgs]).toEqual(['apk', 'add', 'install', ['gcc', 'musl-dev']]);
    expect(one('apk del .deps').action).toBe('remove');
  });
  test('yum, dnf and zypper', () => {
    expect(one('yum install -y gcc make').pkgs).toEqual(['gcc', 'make']);
    expect(one('dnf -y --setopt=tsflags=nodocs install gcc').pkgs).toEqual(['gcc']);
    expect(one('dnf group install -y "Development Tools"').pkgs).toEqual(['Development Tools']);
    expect(one('microdnf remove gcc').action).toBe('remove');
    expect(one('zypper -n in gcc').pkgs).toEqual(['gcc']);
  });
  test('other commands are not package commands', () => {
    const [c] = commands('pip install x');
    expect(c && osPackageCommand(c)).toBeNull();
  });
});

test('refreshesAptLists: update, and install --update (apt >= 2.9)', () => {
  expect(refreshesAptLists(one('apt-get update'))).toBe(true);
  expect(refreshesAptLists(one('apt-get install --update -y curl'))).toBe(true);
  expect(refreshesAptLists(one('apt-get install -y curl'))).toBe(false);
  expect(refreshesAptLists(one('apk update'))).toBe(false);
});

test('apkVirtualName', () => {
  expect(apkVirtualName(one('apk add --virtual .build-deps gcc'))?.name).toBe('.build-deps');
  expect(apkVirtualName(one('apk add -t .fetch curl'))?.name).toBe('.fetch');
  expect(apkVirtualName(one('apk add --virtual=.x curl'))?.name).toBe('.x');
  expect(apkVirtualName(one('apk add curl'))).toBeUndefined();
});

test('packageBaseName', () => {
  expect(packageBaseName('curl=7.88.1-10')).toBe('curl');
  expect(packageBaseName('git~2.45')).toBe('git');
  expect(packageBaseName('libc6:amd64')).toBe('libc6');
  expect(packageBaseName('golang/bookworm-backports')).toBe('golang');
  expect(packageBaseName('./x.deb')).toBe('./x.deb');
});

describe('isBuildTool', () => {
  test.each(['gcc', 'g++', 'gcc-12', 'clang-16', 'make', 'cmake', 'build-essential', 'build-base', 'musl-dev', 'libc6-dev', 'linux-headers', 'python3-dev', 'libpq-dev=15.8-0+deb12u1', 'openssl-devel', 'gcc-c++', 'Development Tools'])('%s is a build tool', (p) => {
    expect(isBuildTool(p)).toBe(true);
  });
  test.each(['curl', 'libpq5', 'python3', 'ca-certificates', 'udev', '$BUILD_DEPS', './tool.deb', 'make-guile'])('%s is not', (p) => {
    expect(isBuildTool(p)).toBe(false);
  });
});

test('removes: names, virtual groups, variables', () => {
  const cmds = osPackageCommands(commands('apk add --virtual .deps gcc && apt-get install -y make && apk del .deps && apt-get purge -y make && apt-get purge -y $DEPS'));
  const [apkAdd, aptInstall, apkDel, aptPurge, aptPurgeVar] = cmds;
  if (!apkAdd || !aptInstall || !apkDel || !aptPurge || !aptPurgeVar) throw new Error('missing');
  expect(removes(apkDel, apkAdd, 'gcc')).toBe(true);
  expect(removes(aptPurge, aptInstall, 'make')).toBe(true);
  expect(removes(aptPurge, apkAdd, 'gcc')).toBe(false);
  expect(removes(aptPurgeVar, aptInstall, 'anything')).toBe(true);
  expect(removes(aptInstall, aptInstall, 'make')).toBe(false);
});

test('hasAutoRemoveIdiom (official images)', () => {
  expect(hasAutoRemoveIdiom(commands("apt-get install -y gcc && apt-mark auto '.*' > /dev/null && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false"))).toBe(true);
  expect(hasAutoRemoveIdiom(commands('apt-get install -y gcc && apt-get purge -y --auto-remove'))).toBe(false);
});
