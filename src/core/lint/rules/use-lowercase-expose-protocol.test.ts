import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useLowercaseExposeProtocol } from './use-lowercase-expose-protocol.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(`FROM alpine\n${text}`, { rules: [useLowercaseExposeProtocol] }).diagnostics;

describe('use-lowercase-expose-protocol (BuildKit ExposeProtoCasing)', () => {
  test('reports each port with an uppercase protocol, with its span and fix', () => {
    const found = lint('EXPOSE 80/TCP 443 8000-8010/Udp');
    expect(found.map((d) => d.span)).toEqual([
      { line: 2, column: 8, endLine: 2, endColumn: 14 },
      { line: 2, column: 19, endLine: 2, endColumn: 32 },
    ]);
    expect(found.map((d) => d.fix?.edits[0]?.text)).toEqual(['80/tcp', '8000-8010/udp']);
  });

  test('accepts lowercase, missing and variable protocols', () => {
    expect(lint('EXPOSE 80/tcp 53/udp 132/sctp 8080 9000/$PROTO')).toEqual([]);
  });
});
