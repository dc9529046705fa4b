import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { keepLayerCountLow } from './keep-layer-count-low.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [keepLayerCountLow] }).diagnostics;
const repeat = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

describe('keep-layer-count-low', () => {
  test('counts layers of the stages the final stage builds on and reports the 100th', () => {
    const text = `FROM debian:bookworm-slim AS base\n${repeat(60, (i) => `RUN touch /a${i}`)}\nFROM base\n${repeat(60, (i) => `COPY f${i} /f${i}`)}`;
    const found = lint(text);
    expect(found).toHaveLength(1);
    // Line 1 is FROM, lines 2-61 the 60 RUNs, 62 the second FROM; the 40th COPY is on line 102.
    expect(found[0]?.span).toEqual({ line: 102, column: 1, endLine: 102, endColumn: 5 });
    expect(found[0]?.message).toContain('120 layers');
    expect(found[0]?.severity).toBe('warning');
  });

  test('instructions without a filesystem layer do not count', () => {
    const text = `FROM debian:bookworm-slim\n${repeat(99, (i) => `RUN touch /a${i}`)}\n${repeat(50, (i) => `ENV V${i}=1\nLABEL l${i}=x\nWORKDIR /w${i}`)}`;
    expect(lint(text)).toEqual([]);
  });

  test('stages that are only copied from do not count', () => {
    const text = `FROM debian:bookworm-slim AS build\n${repeat(120, (i) => `RUN touch /a${i}`)}\nFROM debian:bookworm-slim\nCOPY --from=build /a1 /a1`;
    expect(lint(text)).toEqual([]);
  });

  test('ADD counts, ONBUILD triggers do not', () => {
    expect(lint(`FROM debian:bookworm-slim\n${repeat(100, (i) => `ADD f${i} /f${i}`)}`)).toHaveLength(1);
    expect(lint(`FROM debian:bookworm-slim\n${repeat(100, (i) => `ONBUILD RUN touch /a${i}`)}`)).toEqual([]);
  });
});
