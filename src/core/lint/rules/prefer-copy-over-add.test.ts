import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { preferCopyOverAdd as rule } from './prefer-copy-over-add.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('prefer-copy-over-add (hadolint DL3020)', () => {
  test('archives and URLs pass, with or without quotes', () => {
    for (const src of ['file.tar', 'file.gz', 'file.bz2', 'file.xz', 'file.tgz', 'rootfs.tar.xz', 'x.tbz2', 'x.Z', 'http://file.com', 'https://example.com/tool', '"file.tgz"', '"http://file.com"']) {
      expect(lint(`ADD ${src} /usr/src/app/`), src).toEqual([]);
    }
  });

  test('local files, folders and zip files are reported on the keyword', () => {
    expect(lint('ADD file /usr/src/app/')).toMatchObject([{ span: { line: 1, column: 1, endLine: 1, endColumn: 4 }, severity: 'error' }]);
    expect(lint('ADD file.zip /usr/src/app/')).toHaveLength(1);
    expect(lint('ADD "file.zip" /usr/src/app/')[0]?.message).toContain('does not unpack');
    expect(lint('ADD . /app')).toHaveLength(1);
    expect(lint('ADD FILE.TGZ /app/')).toHaveLength(1);
  });

  test('one local source among archives is enough', () => {
    expect(lint('ADD a.tar.gz config.yml /app/')).toHaveLength(1);
  });

  test('JSON form and heredocs', () => {
    expect(lint('FROM a\nADD ["a.tgz", "/x/"]')).toEqual([]);
    expect(lint('FROM a\nADD ["app.py", "/x/"]')).toHaveLength(1);
    expect(lint('FROM a\nADD <<EOF /etc/motd\nhi\nEOF')).toHaveLength(1);
  });

  test('the fix keeps the keyword case and flags', () => {
    const text = 'FROM a\nadd --chown=app:app --chmod=644 conf /etc/app/\nADD src /src';
    expect(applyFixes(text, lint(text)).text).toBe('FROM a\ncopy --chown=app:app --chmod=644 conf /etc/app/\nCOPY src /src');
  });

  test('no fix when ADD would unpack or download something, or uses ADD-only flags', () => {
    expect(lint('ADD a.tar.gz config.yml /app/')[0]?.fix).toBeUndefined();
    expect(lint('ADD --checksum=sha256:abc file /app/')[0]?.fix).toBeUndefined();
  });

  test('ONBUILD ADD is not checked (hadolint does not)', () => {
    expect(lint('FROM a\nONBUILD ADD . /app')).toEqual([]);
  });
});
