import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noHostPortInExpose } from './no-host-port-in-expose.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(`FROM alpine\n${text}`, { rules: [noHostPortInExpose] }).diagnostics;

describe('no-host-port-in-expose (BuildKit ExposeInvalidFormat)', () => {
  test.each([
    ['8080:80', '80'],
    ['127.0.0.1:8080:80/udp', '80/udp'],
    ['[::1]:8080:80', '80'],
    ['8000-8001:80-81', '80-81'],
  ])('reports %s and keeps the container port %s', (word, container) => {
    const found = lint(`EXPOSE ${word}`);
    expect(found).toHaveLength(1);
    expect(found[0]?.span).toEqual({ line: 2, column: 8, endLine: 2, endColumn: 8 + word.length });
    expect(found[0]?.fix?.edits[0]?.text).toBe(container);
  });

  test('reports each mapping of an EXPOSE', () => {
    expect(lint('EXPOSE 80 8080:80 8443:443')).toHaveLength(2);
  });

  test('accepts container ports and ranges', () => {
    expect(lint('EXPOSE 80 443/tcp 9000-9010 ${PORT}')).toEqual([]);
  });
});
