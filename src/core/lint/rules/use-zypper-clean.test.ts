import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useZypperClean as rule } from './use-zypper-clean.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM opensuse/leap:15.6\n${body}`).length;

describe('use-zypper-clean (hadolint DL3036)', () => {
  test.each(['zypper install -y mariadb=10.11', 'zypper -n in mariadb', 'zypper clean && zypper -n install mariadb'])('flags %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(1);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(1);
  });

  test.each(['zypper install -y mariadb=10.11 && zypper clean', 'zypper install -y mariadb=10.11 && zypper cc', 'zypper -n in mariadb && zypper clean -a', 'zypper -n refresh'])(
    'accepts %s (also as ONBUILD)',
    (cmd) => {
      expect(count(`RUN ${cmd}`)).toBe(0);
      expect(count(`ONBUILD RUN ${cmd}`)).toBe(0);
    },
  );

  test('a cache or tmpfs mount on /var/cache/zypp replaces the cleanup', () => {
    expect(count('RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb')).toBe(0);
    expect(count('RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb')).toBe(0);
    expect(count('ONBUILD RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb')).toBe(0);
    expect(count('RUN --mount=type=cache,target=/var/cache/apt zypper install -y mariadb')).toBe(1);
  });
});
