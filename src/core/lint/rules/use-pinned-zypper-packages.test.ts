import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { usePinnedZypperPackages as rule } from './use-pinned-zypper-packages.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM opensuse/leap:15.6\n${body}`).length;

describe('use-pinned-zypper-packages (hadolint DL3037)', () => {
  test.each(['zypper install -y tomcat && zypper clean', 'zypper -n in tomcat=9.0.96 git'])('flags %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(1);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(1);
  });

  test.each([
    'zypper install -y tomcat=9.0.96 && zypper clean',
    'zypper install -y tomcat\\>=9.0 && zypper clean',
    'zypper install -y tomcat\\>9.0 && zypper clean',
    'zypper install -y tomcat\\<=9.0 && zypper clean',
    'zypper install -y tomcat\\<9.0 && zypper clean',
    'zypper install -y tomcat-9.0.96-1.rpm && zypper clean',
    'zypper -n remove tomcat',
  ])('accepts %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(0);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(0);
  });
});
