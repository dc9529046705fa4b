import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useValidLabelKeys } from './use-valid-label-keys.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(`FROM debian\n${text}`, { rules: [useValidLabelKeys] }).diagnostics;

describe('use-valid-label-keys (hadolint DL3048)', () => {
  test.each([
    'LABEL com.docker.label="foo"',
    'LABEL io.docker.label="foo"',
    'LABEL org.dockerproject.label="foo"',
    'LABEL invalid$character="foo"',
    'LABEL .invalid ="foo"',
    'LABEL -invalid ="foo"',
    'LABEL 1invalid ="foo"',
    'LABEL invalid..character="foo"',
    'LABEL invalid--character="foo"',
    'LABEL Maintainer="foo"',
    'LABEL com.example/app="foo"',
    'LABEL build_date="foo"',
    'LABEL trailing.="foo"',
  ])('reports %s', (text) => {
    expect(lint(text)).toHaveLength(1);
  });

  test.each(['LABEL org.valid-key.label3="foo"', 'LABEL validlabel="foo"', 'LABEL "quoted.key"="foo"', 'LABEL a=1 b=2', 'ONBUILD LABEL Invalid=1'])('accepts %s', (text) => {
    expect(lint(text)).toEqual([]);
  });

  test('reports once per LABEL, on the first bad key', () => {
    const found = lint('LABEL ok=1 Bad=2 Worse_=3');
    expect(found).toHaveLength(1);
    expect(found[0]?.span).toEqual({ line: 2, column: 12, endLine: 2, endColumn: 15 });
    expect(found[0]?.message).toContain('`bad`');
  });

  test('suggests your own namespace for a reserved one', () => {
    expect(lint('LABEL com.docker.title=x')[0]?.message).toContain('`com.example.title`');
  });
});
