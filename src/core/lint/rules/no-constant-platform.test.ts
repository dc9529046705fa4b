import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noConstantPlatform } from './no-constant-platform.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noConstantPlatform] }).diagnostics;

describe('no-constant-platform (hadolint DL3029)', () => {
  test('a constant platform is reported on the flag', () => {
    expect(lint('FROM --platform=linux debian:jessie')).toMatchObject([{ span: { line: 1, column: 6, endLine: 1, endColumn: 22 }, severity: 'warning' }]);
    expect(lint('FROM --platform=linux/arm64/v8 debian:jessie AS arm')).toHaveLength(1);
  });

  test('no flag, BUILDPLATFORM and TARGETPLATFORM in any spelling pass', () => {
    for (const value of ['$BUILDPLATFORM', '"$BUILDPLATFORM"', '${BUILDPLATFORM}', '${BUILDPLATFORM:-}', '"${BUILDPLATFORM:-}"', '$TARGETPLATFORM', '${TARGETPLATFORM:-linux/amd64}']) {
      expect(lint(`FROM --platform=${value} debian:jessie`), value).toEqual([]);
    }
    expect(lint('FROM debian:jessie')).toEqual([]);
  });

  test('other variables are reported too, as in hadolint', () => {
    expect(lint('ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM debian:jessie')).toHaveLength(1);
  });

  test('each FROM is checked', () => {
    expect(lint('FROM --platform=linux/amd64 a:1 AS x\nFROM --platform=$BUILDPLATFORM b:1 AS y\nFROM --platform=linux/arm64 c:1').map((d) => d.span.line)).toEqual([1, 3]);
  });
});
