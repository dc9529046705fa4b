import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noSingleQuotedJson } from './no-single-quoted-json.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(`FROM alpine\n${text}`, { rules: [noSingleQuotedJson] }).diagnostics;

describe('no-single-quoted-json', () => {
  test('reports RUN, COPY, ADD and VOLUME, and ONBUILD triggers', () => {
    for (const line of ["RUN ['a']", "COPY ['a', '/b/']", "ADD ['a', '/b/']", "VOLUME ['/data']", "ONBUILD RUN ['make']"]) {
      expect(lint(line), line).toHaveLength(1);
    }
  });

  test('leaves CMD and ENTRYPOINT to use-exec-form-cmd, except in ONBUILD', () => {
    expect(lint("CMD ['a']\nENTRYPOINT ['b']")).toEqual([]);
    expect(lint("ONBUILD CMD ['a']")).toHaveLength(1);
  });

  test('fixes the arguments after flags', () => {
    const [d] = lint("COPY --chown=app:app ['a b', '/dst/']");
    expect(d?.fix?.edits).toEqual([{ span: { line: 2, column: 22, endLine: 2, endColumn: 38 }, text: '["a b", "/dst/"]' }]);
  });

  test('accepts double quotes and shell text with brackets', () => {
    expect(lint('RUN ["a"]\nRUN echo [\'a\'] done\nRUN [ -f x ] && echo y')).toEqual([]);
  });
});
