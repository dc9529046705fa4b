import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { useZypperNonInteractive as rule } from './use-zypper-non-interactive.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM opensuse/leap:15.6\n${body}`).length;

describe('use-zypper-non-interactive (hadolint DL3034)', () => {
  test.each(['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'])('flags zypper %s without -n (also as ONBUILD)', (sub) => {
    expect(count(`RUN zypper ${sub} httpd=2.4.58 && zypper clean`)).toBe(1);
    expect(count(`ONBUILD RUN zypper ${sub} httpd=2.4.58 && zypper clean`)).toBe(1);
  });

  test.each(['zypper install -n httpd', 'zypper -n install httpd', 'zypper install --non-interactive httpd', 'zypper install -y httpd', 'zypper install --no-confirm httpd', 'zypper refresh'])(
    'accepts %s (also as ONBUILD)',
    (cmd) => {
      expect(count(`RUN ${cmd}`)).toBe(0);
      expect(count(`ONBUILD RUN ${cmd}`)).toBe(0);
    },
  );

  test('the fix adds the global -n option', () => {
    const text = 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper in curl && zypper rm vim';
    const d = findings(text);
    expect(d).toHaveLength(1);
    expect(applyFixes(text, d).text).toBe('FROM opensuse/leap:15.6\nRUN zypper refresh && zypper -n in curl && zypper -n rm vim');
  });
});
