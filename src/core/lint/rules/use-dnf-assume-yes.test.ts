import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useDnfAssumeYes as rule } from './use-dnf-assume-yes.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM fedora:40\n${body}`).length;

describe('use-dnf-assume-yes (hadolint DL3038)', () => {
  test.each(['dnf install httpd-2.4.62 && dnf clean all', 'microdnf install httpd-2.4.62 && microdnf clean all', 'dnf groupinstall Tools', 'dnf localinstall /tmp/a.rpm'])(
    'flags %s (also as ONBUILD)',
    (cmd) => {
      expect(count(`RUN ${cmd}`)).toBe(1);
      expect(count(`ONBUILD RUN ${cmd}`)).toBe(1);
    },
  );

  test.each(['dnf install -y httpd-2.4.62 && dnf clean all', 'microdnf install -y httpd-2.4.62 && microdnf clean all', 'notdnf install httpd', 'dnf --assumeyes install httpd', 'dnf -y upgrade'])(
    'accepts %s (also as ONBUILD)',
    (cmd) => {
      expect(count(`RUN ${cmd}`)).toBe(0);
      expect(count(`ONBUILD RUN ${cmd}`)).toBe(0);
    },
  );

  test('names the tool in the message', () => {
    expect(findings('FROM fedora:40\nRUN microdnf install tar')[0]?.message).toContain('`microdnf install`');
  });
});
