import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { usePinnedYumPackages as rule } from './use-pinned-yum-packages.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM rockylinux:9\n${body}`).length;

describe('use-pinned-yum-packages (hadolint DL3033)', () => {
  test.each(['yum install -y tomcat && yum clean all', 'yum install -y rpm-sign', 'yum install -y python3-pip', 'yum module install -y tomcat && yum clean all', 'yum install -y ${PKG}'])(
    'flags %s (also as ONBUILD)',
    (cmd) => {
      expect(count(`RUN ${cmd}`)).toBe(1);
      expect(count(`ONBUILD RUN ${cmd}`)).toBe(1);
    },
  );

  test.each([
    'yum install -y tomcat-9.2 && yum clean all',
    'yum install -y openssl-1:1.1.1k',
    'yum install -y rpm-sign-4.16.1.3',
    'yum install -y gcc-c++-1.1.1',
    'yum install -y /tmp/app.rpm-1.x86_64.rpm',
    'yum module install -y tomcat:9 && yum clean all',
    'bash -c `# not a yum command`',
    'yum -y update',
  ])('accepts %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(0);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(0);
  });

  test('a version in a variable counts when an ENV or ARG declares it first', () => {
    expect(count('ENV version=2.51.0-2.el9\nRUN yum -y install git-core-${version}')).toBe(0);
    expect(count('ARG version=2.51.0-2.el9\nRUN yum -y install git-core-$version')).toBe(0);
    expect(count('RUN yum -y install git-core-${version}')).toBe(1);
    expect(count('RUN yum -y install git-core-${version}\nARG version=1')).toBe(1);
  });

  test('ARGs count across stages; ENVs only in the stage and the stages built on it', () => {
    expect(findings('FROM rockylinux:9 AS build\nARG version=2.51.0\nFROM rockylinux:9\nRUN yum -y install git-core-${version}')).toHaveLength(0);
    expect(findings('FROM rockylinux:9 AS build\nENV version=2.51.0\nFROM build\nRUN yum -y install git-core-${version}')).toHaveLength(0);
    expect(findings('FROM rockylinux:9 AS build\nENV version=2.51.0\nFROM rockylinux:9\nRUN yum -y install git-core-${version}')).toHaveLength(1);
  });

  test('ONBUILD RUN sees only ONBUILD ARG/ENV', () => {
    expect(count('ONBUILD ARG version=1.0\nONBUILD RUN yum -y install git-core-${version}')).toBe(0);
    expect(count('ARG version=1.0\nONBUILD RUN yum -y install git-core-${version}')).toBe(1);
  });

  test('reports once per RUN, naming the first unpinned package', () => {
    const d = findings('FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum install -y tar gzip');
    expect(d).toHaveLength(1);
    expect(d[0]?.message).toContain('`tar`');
  });
});
