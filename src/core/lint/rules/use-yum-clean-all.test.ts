import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useYumCleanAll as rule } from './use-yum-clean-all.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM centos:7\n${body}`).length;

describe('use-yum-clean-all (hadolint DL3032)', () => {
  test.each([
    'yum install -y mariadb-5.5.68',
    'yum clean all && yum install -y mariadb-5.5.68',
    'yum install -y bash && yum clean',
    'yum install -y bash && yum clean cache',
    'yum install -y bash && rm -rf /var/lib/apt/lists/*',
    'yum install -y bash && rm -rf /var/cache/libdnf5',
    'yum install -y bash && rm -r -f /var/cache/yum/*',
  ])('flags %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(1);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(1);
  });

  test.each([
    'yum install -y mariadb-5.5.68 && yum clean all',
    'yum install -y bash && rm -rf /var/cache/yum/*',
    'rm -rf /foo/bar && yum install -y bash && rm -rf /var/cache/yum/*',
    'yum -y install bash && yum -q clean all',
    'bash -c `# not a yum command`',
  ])('accepts %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(0);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(0);
  });

  test('like hadolint, a cache mount does not replace the cleanup', () => {
    expect(count('RUN --mount=type=cache,target=/var/cache/yum yum install -y bash')).toBe(1);
  });

  test('every stage is checked', () => {
    expect(findings('FROM centos:7 AS build\nRUN yum install -y gcc\nFROM scratch\nCOPY --from=build /x /x')).toHaveLength(1);
  });
});
