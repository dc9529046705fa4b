import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noSelfReferencingEnv } from './no-self-referencing-env.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(`FROM debian\n${text}`, { rules: [noSelfReferencingEnv] }).diagnostics;

describe('no-self-referencing-env (hadolint DL3044)', () => {
  test.each([
    ['a braced reference', 'ENV BLA="blubb" BLUBB="${BLA}/blubb"'],
    ['a bare reference', 'ENV BLA="blubb" BLUBB="$BLA/blubb"'],
    ['the whole value', 'ENV BLA="blubb" BLUBB="$BLA"'],
    ['the whole braced value', 'ENV BLA="blubb" BLUBB="${BLA}"'],
    ['one exact match among partial ones', 'ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"'],
    ['a variable redefined twice in one ENV', 'ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}'],
    ['a reference on a continuation line', 'ENV A=1 \\\n    B=$A'],
    ['a reference to a variable defined later in the ENV', 'ENV A=$B B=1'],
  ])('reports %s', (_name, text) => {
    expect(lint(text)).toHaveLength(1);
  });

  test.each([
    ['separate ENV instructions', 'ENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"'],
    ['a longer name ending in it', 'ENV BLA="blubb" BLUBB="${FOOBLA}/blubb"'],
    ['a longer name starting with it', 'ENV BLA="blubb" BLUBB="${BLAFOO}/blubb"'],
    ['a bare longer name ending in it', 'ENV BLA="blubb" BLUBB="$FOOBLA/blubb"'],
    ['a bare longer name starting with it', 'ENV BLA="blubb" BLUBB="$BLAFOO/blubb"'],
    ['the name as plain text', 'ENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"'],
    ['a name defined by an earlier ARG', 'ARG BLA\nENV BLA=${BLA}'],
    ['a name defined by an earlier legacy ENV', 'ENV BLA blubb\nENV BLA=${BLA}'],
    ['a variable on its own right-hand side', 'ENV PATH=/bla:${PATH}'],
    ['the same self-reference in two ENVs', 'ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}'],
    ['a default-value expansion (not recognised by hadolint)', 'ENV A=1 B=${A:-2}'],
    ['an ONBUILD ENV (not checked by hadolint)', 'ONBUILD ENV A=1 B=$A'],
  ])('accepts %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  test('names defined in an earlier stage still count (hadolint does not reset at FROM)', () => {
    expect(lint('ENV A=1\nFROM debian\nENV A=2 B=$A')).toEqual([]);
  });

  test('reports the pair that uses the variable', () => {
    const [d] = lint('ENV APP=/srv APP_BIN="$APP/bin"');
    expect(d?.span).toEqual({ line: 2, column: 14, endLine: 2, endColumn: 32 });
    expect(d?.message).toContain('`$APP`');
  });
});
