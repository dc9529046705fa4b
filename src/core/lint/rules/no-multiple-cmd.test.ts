import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noMultipleCmd } from './no-multiple-cmd.ts';
import { noMultipleEntrypoints } from './no-multiple-entrypoints.ts';
import { noMultipleHealthchecks } from './no-multiple-healthchecks.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});

// One spec for the three rules: hadolint DL4003 (CMD), DL4004 (ENTRYPOINT) and DL3012 (HEALTHCHECK) share the logic.
describe.each([
  ['no-multiple-cmd', noMultipleCmd, 'CMD', 'bash', 'another'],
  ['no-multiple-entrypoints', noMultipleEntrypoints, 'ENTRYPOINT', 'bash', 'another'],
  ['no-multiple-healthchecks', noMultipleHealthchecks, 'HEALTHCHECK', 'CMD /bin/bla1', 'CMD /bin/bla2'],
] as const)('%s', (_id, rule, keyword, a, b) => {
  const lines = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics.map((d) => d.span.line);

  test('reports the second one in a stage, on its line', () => {
    expect(lines(`FROM debian\n${keyword} ${a}\nRUN foo\n${keyword} ${b}`)).toEqual([4]);
  });

  test('reports every one after the first', () => {
    expect(lines(`FROM debian\n${keyword} ${a}\n${keyword} ${b}\n${keyword} ${a}`)).toEqual([3, 4]);
  });

  test('accepts one per stage', () => {
    expect(lines(`FROM debian AS one\n${keyword} ${a}\nRUN foo\nFROM debian AS two\n${keyword} ${b}`)).toEqual([]);
  });

  test('still reports a duplicate in an earlier stage', () => {
    expect(lines(`FROM debian AS one\n${keyword} ${a}\nRUN foo\n${keyword} ${b}\nFROM debian AS two\n${keyword} ${b}`)).toEqual([4]);
  });

  test('accepts none, and a single one', () => {
    expect(lines('FROM busybox')).toEqual([]);
    expect(lines(`FROM busybox\n${keyword} ${a}`)).toEqual([]);
  });

  test('does not count ONBUILD triggers', () => {
    expect(lines(`FROM debian\nONBUILD ${keyword} ${a}\n${keyword} ${b}`)).toEqual([]);
  });

  test('counts instructions before the first FROM as their own group', () => {
    expect(lines(`${keyword} ${a}\n${keyword} ${b}\nFROM debian\n${keyword} ${a}`)).toEqual([2]);
  });
});
