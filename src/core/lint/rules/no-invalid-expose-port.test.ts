import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noInvalidExposePort } from './no-invalid-expose-port.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noInvalidExposePort] }).diagnostics;

describe('no-invalid-expose-port (hadolint DL3011)', () => {
  test.each(['80000', '40000-80000/tcp', '80000-80001', '65536/udp', '70000-${END}'])('reports EXPOSE %s', (port) => {
    expect(lint(`FROM alpine:3.20\nEXPOSE ${port}`)).toHaveLength(1);
  });

  test.each(['60000', '65535', '0', '${FOOBAR}', '40000-60000/tcp', '40000-${FOOBAR}', '$PORT/udp', '53/UDP'])('accepts EXPOSE %s', (port) => {
    expect(lint(`FROM alpine:3.20\nEXPOSE ${port}`)).toEqual([]);
  });

  test('reports once per EXPOSE, on the first bad port, naming all of them', () => {
    const found = lint('FROM alpine:3.20\nEXPOSE 80 99999 443 123456/udp');
    expect(found).toHaveLength(1);
    expect(found[0]?.span).toEqual({ line: 2, column: 11, endLine: 2, endColumn: 16 });
    expect(found[0]?.message).toContain('`99999`, `123456/udp`');
  });

  test('ignores ONBUILD EXPOSE, as hadolint does', () => {
    expect(lint('FROM alpine:3.20\nONBUILD EXPOSE 99999')).toEqual([]);
  });
});
