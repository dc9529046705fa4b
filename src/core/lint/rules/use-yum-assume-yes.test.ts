import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { useYumAssumeYes as rule } from './use-yum-assume-yes.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM rockylinux:9\n${body}`).length;

describe('use-yum-assume-yes (hadolint DL3030)', () => {
  test.each(['yum install httpd-2.4.57 && yum clean all', 'yum groupinstall Tools', 'yum localinstall /tmp/a.rpm', 'yum -q install httpd'])('flags %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(1);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(1);
  });

  test.each(['yum install -y httpd-2.4.57 && yum clean all', 'yum -y install httpd', 'yum install -qy httpd', 'yum --assumeyes install httpd', 'yum update', 'bash -c `# not a yum command`'])(
    'accepts %s (also as ONBUILD)',
    (cmd) => {
      expect(count(`RUN ${cmd}`)).toBe(0);
      expect(count(`ONBUILD RUN ${cmd}`)).toBe(0);
    },
  );

  test('fixes every yum install of the RUN', () => {
    const text = 'FROM rockylinux:9\nRUN yum install epel-release-9 && yum groupinstall Tools';
    const d = findings(text);
    expect(d).toHaveLength(1);
    expect(applyFixes(text, d).text).toBe('FROM rockylinux:9\nRUN yum install -y epel-release-9 && yum groupinstall -y Tools');
  });
});
