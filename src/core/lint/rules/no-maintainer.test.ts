import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { noMaintainer } from './no-maintainer.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noMaintainer] }).diagnostics;
const fixed = (text: string) => applyFixes(text, lint(text)).text;

describe('no-maintainer (hadolint DL4000)', () => {
  test('reports MAINTAINER anywhere, also before FROM', () => {
    expect(lint('FROM busybox\nMAINTAINER hudu@mail.com')).toHaveLength(1);
    expect(lint('MAINTAINER Lukas\nFROM debian')).toHaveLength(1);
    expect(lint('FROM debian')).toEqual([]);
  });

  test('leaves ONBUILD MAINTAINER to no-invalid-onbuild-trigger', () => {
    expect(lint('FROM debian\nONBUILD MAINTAINER x')).toEqual([]);
  });

  test('keeps the text literal in the label', () => {
    expect(fixed('FROM debian\nMAINTAINER Jo $USER "x" \\o/')).toBe('FROM debian\nLABEL org.opencontainers.image.authors="Jo \\$USER \\"x\\" \\\\o/"');
  });

  test('uses the escape character of the file', () => {
    expect(fixed('# escape=`\nFROM debian\nMAINTAINER "a" C:\\x')).toBe('# escape=`\nFROM debian\nLABEL org.opencontainers.image.authors="`"a`" C:\\x"');
  });

  test('keeps lowercase keywords lowercase', () => {
    expect(fixed('from debian\nmaintainer jo')).toBe('from debian\nlabel org.opencontainers.image.authors="jo"');
  });

  test('offers no fix for a multi-line MAINTAINER', () => {
    expect(lint('FROM debian\nMAINTAINER jo \\\n  doe')[0]?.fix).toBeUndefined();
  });
});
