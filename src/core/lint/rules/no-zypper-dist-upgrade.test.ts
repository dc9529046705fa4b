import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noZypperDistUpgrade as rule } from './no-zypper-dist-upgrade.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM opensuse/leap:15.6\n${body}`).length;

describe('no-zypper-dist-upgrade (hadolint DL3035)', () => {
  test.each(['zypper dist-upgrade', 'zypper dup', 'zypper -n dup --no-recommends'])('flags %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(1);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(1);
  });

  test.each(['zypper -n update', 'zypper -n patch', 'apt-get dist-upgrade'])('accepts %s', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(0);
  });

  test('reports the zypper command', () => {
    const d = findings('FROM opensuse/leap:15.6\nRUN zypper ref && zypper -n dup');
    expect(d[0]?.span).toEqual({ line: 2, column: 19, endLine: 2, endColumn: 32 });
    expect(d[0]?.message).toContain('`zypper dup`');
  });
});
