import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useDnfCleanAll as rule } from './use-dnf-clean-all.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM fedora:40\n${body}`).length;

describe('use-dnf-clean-all (hadolint DL3040)', () => {
  test.each([
    'dnf install -y mariadb-10.11',
    'microdnf install -y mariadb-10.11',
    'dnf in -y mariadb-10.11',
    'dnf install -y mariadb-10.11 && microdnf clean all',
    'microdnf clean all && dnf install -y mariadb-10.11',
    'rm -rf /var/cache/libdnf5 && dnf install -y mariadb-10.11',
    'rm -rf /var/cache/libdnf5 && microdnf install -y mariadb-10.11',
    'dnf -y upgrade',
    'dnf -y up',
    'dnf -y upgrade-minimal',
    'dnf -y up-min',
    'dnf -y reinstall',
    'dnf -y rei',
  ])('flags %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(1);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(1);
  });

  test.each([
    'dnf install -y mariadb-10.11 && dnf clean all',
    'dnf in -y mariadb-10.11 && dnf clean all',
    'microdnf install -y mariadb-10.11 && microdnf clean all',
    'dnf install -y mariadb-10.11 && rm -rf /var/cache/yum/*',
    'microdnf install -y mariadb-10.11 && rm -rf /var/cache/libdnf5*',
    'dnf -y upgrade && dnf clean all',
    'dnf -y up-min && dnf clean all',
    'dnf -y rei && dnf clean all',
    'notdnf install mariadb',
  ])('accepts %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(0);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(0);
  });

  test.each(['cache', 'tmpfs'])('a %s mount on the libdnf5 cache replaces the cleanup', (type) => {
    expect(count(`RUN --mount=type=${type},target=/var/cache/libdnf5 dnf install -y mariadb`)).toBe(0);
    expect(count(`RUN --mount=type=${type},target=/var/cache/libdnf5 microdnf install -y mariadb`)).toBe(0);
    expect(count(`ONBUILD RUN --mount=type=${type},target=/var/cache/libdnf5 dnf in -y mariadb`)).toBe(0);
    expect(count(`RUN --mount=type=${type},target=/root/.cache/libdnf5 dnf install -y mariadb`)).toBe(0);
  });

  test('names the tool that needs cleaning', () => {
    const d = findings('FROM fedora:40\nRUN dnf install -y tar-1.35 && dnf clean all && microdnf install -y gzip-1.13');
    expect(d).toHaveLength(1);
    expect(d[0]?.message).toContain('`&& microdnf clean all`');
  });
});
