import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { useLowercaseStageName as rule } from './use-lowercase-stage-name.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('use-lowercase-stage-name (BuildKit StageNameCasing)', () => {
  test('a name with capitals is reported on the name', () => {
    expect(lint('FROM alpine:3 AS Builder')).toMatchObject([{ span: { line: 1, column: 18, endLine: 1, endColumn: 25 }, severity: 'warning' }]);
    expect(lint('from alpine:3 as BUILD')).toHaveLength(1);
  });

  test('lower-case names and unnamed stages pass', () => {
    expect(lint('FROM alpine:3 AS builder-2.x_y')).toEqual([]);
    expect(lint('FROM alpine:3')).toEqual([]);
  });

  test('the fix renames the stage and its later references written in another case', () => {
    const text = [
      'FROM golang:1.22 AS Build',
      'RUN go build -o /app .',
      'FROM Build AS Test',
      'RUN --mount=type=bind,from=BUILD,target=/b go test ./...',
      'FROM alpine:3.20',
      'COPY --from=Build /app /app',
      'COPY --from=other /x /x',
    ].join('\n');
    const found = lint(text);
    expect(found.map((d) => d.span.line)).toEqual([1, 3]);
    expect(applyFixes(text, found.slice(0, 1)).text).toBe(
      [
        'FROM golang:1.22 AS build',
        'RUN go build -o /app .',
        'FROM build AS Test',
        'RUN --mount=type=bind,from=build,target=/b go test ./...',
        'FROM alpine:3.20',
        'COPY --from=build /app /app',
        'COPY --from=other /x /x',
      ].join('\n'),
    );
  });
});
