import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter } from '../../../node/engine.ts';
import type { Instruction } from '../../parse/model.ts';
import { parseDockerfile } from '../../parse/parse.ts';
import type { ShellParser } from '../../shell/types.ts';
import { hadolintCommands, type HCommand } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';
import {
  dnfNeedsYes, isDnfClean, isDnfInstall, isYumClean, isZypperDistUpgrade, knownVarsAtRuns, rpmInstallArgs, rpmModuleIsPinned, rpmPackageIsPinned, subcommandWord,
  yumNeedsYes, zypperNeedsNonInteractive, zypperPackageIsPinned, zypperPackages,
} from './rpm.ts';

let shell: ShellParser;
beforeAll(async () => {
  shell = (await createNodeLinter()).shell;
});
const one = (script: string): HCommand => {
  const { dockerfile } = parseDockerfile(`FROM fedora:40\nRUN ${script}`, { shell });
  const c = hadolintCommands(dockerfile, dockerfile.instructions[1] as Instruction)[0];
  if (!c) throw new Error(`no command in ${script}`);
  return c;
};

describe('rpm helpers', () => {
  test('assume-yes checks', () => {
    expect(yumNeedsYes(one('yum install a'))).toBe(true);
    expect(yumNeedsYes(one('yum -y install a'))).toBe(false);
    expect(dnfNeedsYes(one('microdnf groupinstall a'))).toBe(true);
    expect(dnfNeedsYes(one('dnf install --assumeyes a'))).toBe(false);
    expect(zypperNeedsNonInteractive(one('zypper si a'))).toBe(true);
    expect(zypperNeedsNonInteractive(one('zypper --no-confirm si a'))).toBe(false);
    expect(subcommandWord(one('yum -q groupinstall a'), ['install', 'groupinstall'])?.value).toBe('groupinstall');
  });

  test('cleanup checks', () => {
    expect(isYumClean(one('yum clean all'))).toBe(true);
    expect(isYumClean(one('yum clean'))).toBe(false);
    expect(isYumClean(one('rm -rf /var/cache/yum/*'))).toBe(true);
    expect(isYumClean(one('rm -rf /var/cache/yum'))).toBe(false);
    expect(isDnfInstall(one('dnf up-min'), 'dnf')).toBe(true);
    expect(isDnfInstall(one('dnf up-min'), 'microdnf')).toBe(false);
    expect(isDnfClean(one('rm -rf /tmp/x'), 'dnf')).toBe(true);
    expect(isDnfClean(one('microdnf clean all'), 'dnf')).toBe(false);
    expect(isZypperDistUpgrade(one('zypper -n dup'))).toBe(true);
  });

  test('rpmInstallArgs separates packages and modules', () => {
    expect(rpmInstallArgs(one('yum install -y a b'), 'yum')).toEqual({ packages: ['a', 'b'], modules: [] });
    expect(rpmInstallArgs(one('yum module install -y a'), 'yum')).toEqual({ packages: [], modules: ['a'] });
    expect(rpmInstallArgs(one('dnf group install -y a'), 'dnf')).toEqual({ packages: [], modules: [] });
    expect(rpmInstallArgs(one('yum group install -y a'), 'yum')).toEqual({ packages: ['group', 'a'], modules: [] });
    expect(rpmInstallArgs(one('dnf localinstall a'), 'dnf')).toEqual({ packages: [], modules: [] });
  });

  test('rpmPackageIsPinned', () => {
    const none = new Set<string>();
    for (const p of ['a-1', 'rpm-sign-4.16', 'gcc-c++-11', 'openssl-1:3.0', 'java-17-openjdk', 'x-1.rpm']) expect(rpmPackageIsPinned(p, none)).toBe(true);
    for (const p of ['a', 'rpm-sign', 'python3-pip', 'a-1/2', 'a-${V}']) expect(rpmPackageIsPinned(p, none)).toBe(false);
    expect(rpmPackageIsPinned('a-${V}', new Set(['V']))).toBe(true);
    expect(rpmPackageIsPinned('a-$V', new Set(['V']))).toBe(true);
    expect(rpmPackageIsPinned('a-$VER', new Set(['V']))).toBe(false);
    expect(rpmPackageIsPinned('${A}', new Set(['A']))).toBe(false);
    expect(rpmModuleIsPinned('nodejs:20')).toBe(true);
  });

  test('zypper packages', () => {
    expect(zypperPackages(one('zypper -n in a=1 b'))).toEqual(['a=1', 'b']);
    expect(zypperPackageIsPinned('a>=1')).toBe(true);
    expect(zypperPackageIsPinned('a')).toBe(false);
  });

  test('knownVarsAtRuns tracks ARGs globally, ENVs per stage chain, triggers apart', () => {
    const { dockerfile } = parseDockerfile(
      'ARG G=1\nFROM a AS one\nENV E1=1\nRUN one\nFROM one\nARG A2\nRUN two\nFROM b\nRUN three\nONBUILD ENV T=1\nONBUILD RUN four',
      { shell },
    );
    const known = knownVarsAtRuns(dockerfile);
    const byText = new Map(runs(dockerfile).map((i) => [i.argsText.trim(), [...known(i)].sort()]));
    expect(byText.get('one')).toEqual(['E1', 'G']);
    expect(byText.get('two')).toEqual(['A2', 'E1', 'G']);
    expect(byText.get('three')).toEqual(['A2', 'G']);
    expect(byText.get('four')).toEqual(['T']);
  });
});
