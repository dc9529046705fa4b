import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { usePinnedDnfPackages as rule } from './use-pinned-dnf-packages.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM fedora:40\n${body}`).length;

describe('use-pinned-dnf-packages (hadolint DL3041)', () => {
  test.each([
    'dnf install -y tomcat && dnf clean all',
    'microdnf install -y tomcat && microdnf clean all',
    'dnf install -y rpm-sign && dnf clean all',
    'microdnf install -y rpm-sign && microdnf clean all',
    'dnf module install -y tomcat && dnf clean all',
    'microdnf module install -y tomcat && microdnf clean all',
  ])('flags %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(1);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(1);
  });

  test.each([
    'dnf install -y tomcat-9.0.1 && dnf clean all',
    'microdnf install -y tomcat-9.0.1 && microdnf clean all',
    'notdnf install openssl-1:1.1.1k',
    'notdnf install tomcat',
    'dnf install -y rpm-sign-4.16.1.3 && dnf clean all',
    'microdnf install -y rpm-sign-4.16.1.3 && microdnf clean all',
    'dnf install -y openssl-1:1.1.1k',
    'microdnf install -y openssl-1:1.1.1k',
    'dnf module install -y tomcat:9 && dnf clean all',
    'microdnf module install -y tomcat:9 && microdnf clean all',
    'notdnf module install tomcat',
    'dnf group install -y "Development Tools"',
  ])('accepts %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(0);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(0);
  });

  test('a version in a declared variable counts', () => {
    expect(count('ARG V=2.46.0\nRUN dnf install -y git-core-${V}')).toBe(0);
    expect(count('RUN dnf install -y git-core-${V}')).toBe(1);
  });
});
