import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noCopyWholeFilesystem as rule } from './no-copy-whole-filesystem.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('no-copy-whole-filesystem (hadolint DL3067)', () => {
  test('root to root from another stage is reported on the paths', () => {
    expect(lint('COPY --from=build / /')).toMatchObject([{ span: { line: 1, column: 19, endLine: 1, endColumn: 22 }, severity: 'warning' }]);
    expect(lint('COPY --from=build "/" "/"')).toHaveLength(1);
    expect(lint('FROM a\nCOPY --from=build ["/", "/"]')).toHaveLength(1);
    expect(lint('FROM a\nCOPY --from=build /etc / /')).toHaveLength(1);
  });

  test('without --from, from a subdirectory or into a subdirectory it passes', () => {
    expect(lint('COPY / /')).toEqual([]);
    expect(lint('COPY --from=build /app /')).toEqual([]);
    expect(lint('COPY --from=build / /app')).toEqual([]);
  });
});
