import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { noRedundantTargetPlatform } from './no-redundant-target-platform.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noRedundantTargetPlatform] }).diagnostics;

describe('no-redundant-target-platform (hadolint DL3065)', () => {
  test('$TARGETPLATFORM and ${TARGETPLATFORM} are reported on the flag', () => {
    expect(lint('FROM --platform=$TARGETPLATFORM alpine:3.24')).toMatchObject([{ span: { line: 1, column: 6, endLine: 1, endColumn: 32 }, severity: 'warning' }]);
    expect(lint('FROM --platform=${TARGETPLATFORM} alpine:3.24')).toHaveLength(1);
  });

  test('other values pass', () => {
    for (const text of ['FROM alpine:3.24', 'FROM --platform=$FOOBAR alpine:3.24', 'FROM --platform=foobar alpine:3.24', 'FROM --platform=foobar/arm64 alpine:3.24', 'FROM --platform=$BUILDPLATFORM alpine:3.24']) {
      expect(lint(text), text).toEqual([]);
    }
  });

  test('only the exact spellings count, as in hadolint', () => {
    expect(lint('FROM --platform="$TARGETPLATFORM" alpine:3.24')).toEqual([]);
    expect(lint('FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.24')).toEqual([]);
  });

  test('the fix removes the flag', () => {
    const text = 'FROM --platform=$TARGETPLATFORM   alpine:3.24 AS app\nRUN true';
    expect(applyFixes(text, lint(text)).text).toBe('FROM alpine:3.24 AS app\nRUN true');
  });

  test('no fix when the image is on the next line', () => {
    const [d] = lint('FROM --platform=$TARGETPLATFORM \\\n  alpine:3.24');
    expect(d).toBeDefined();
    expect(d?.fix).toBeUndefined();
  });
});
