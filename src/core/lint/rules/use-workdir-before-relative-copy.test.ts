import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useWorkdirBeforeRelativeCopy as rule } from './use-workdir-before-relative-copy.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('use-workdir-before-relative-copy (hadolint DL3045)', () => {
  test('absolute, Windows and variable destinations pass without WORKDIR', () => {
    for (const dest of ['/usr/local/bin/blubb.sh', '"/usr/local/bin/blubb.sh"', 'c:\\system32\\blubb.sh', '"d:\\mypath\\blubb.sh"', 'c:/system32/blubb.sh', '${SRC_BASE_ENV}', '$SRC_BASE_ENV', '"${SRC_BASE_ENV}"', '"$SRC_BASE_ENV"']) {
      expect(lint(`COPY bla.sh ${dest}`), dest).toEqual([]);
    }
  });

  test('a relative destination without WORKDIR is reported on the destination', () => {
    expect(lint('COPY bla.sh blubb.sh')).toMatchObject([{ span: { line: 1, column: 13, endLine: 1, endColumn: 21 }, severity: 'warning' }]);
    expect(lint('COPY bla.sh "blubb.sh"')).toHaveLength(1);
    expect(lint('COPY a b')).toHaveLength(1);
  });

  test('WORKDIR in the same stage, including a Windows one, makes it pass', () => {
    expect(lint('FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh')).toEqual([]);
    expect(lint('FROM scratch\nWORKDIR c:\\system32\nCOPY bla.sh blubb.sh')).toEqual([]);
  });

  test('WORKDIR of a previous stage that is not inherited does not count', () => {
    expect(lint('FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo bar').map((d) => d.span.line)).toEqual([4]);
    expect(lint('FROM microsoft/windowsservercore as stage1\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore\nCOPY foo bar')).toHaveLength(1);
  });

  test('WORKDIR of the stage this one is built on counts, also several levels deep', () => {
    expect(lint('FROM debian:buster as base\nWORKDIR /usr\nFROM debian:buster as stage-inbetween\nRUN foo\nFROM base\nCOPY foo bar')).toEqual([]);
    expect(lint('FROM debian:buster as base1\nWORKDIR /usr\nFROM base1 as base2\nRUN foo\nFROM base2\nCOPY foo bar')).toEqual([]);
  });

  test('ONBUILD WORKDIR and ONBUILD COPY are not checked', () => {
    expect(lint('FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar')).toEqual([]);
    expect(lint('FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nCOPY foo bar')).toHaveLength(1);
  });

  test('hadolint keys unnamed stages by image name, so they share the WORKDIR flag', () => {
    expect(lint('FROM debian:buster\nWORKDIR /app\nFROM debian:bookworm\nCOPY foo bar')).toEqual([]);
    expect(lint('FROM debian:buster AS a\nWORKDIR /app\nFROM debian:bookworm\nCOPY foo bar')).toHaveLength(1);
  });

  test('WORKDIR before the first FROM does not carry into the stage', () => {
    expect(lint('WORKDIR /app\nFROM debian:buster\nCOPY foo bar')).toHaveLength(1);
    expect(lint('WORKDIR /app\nCOPY foo bar')).toEqual([]);
  });

  test('a quoted destination with a space is split at the space, as hadolint and the builder split it', () => {
    // hadolint (language-docker) and BuildKit split plain-form COPY arguments at spaces even inside quotes,
    // so the destination is `Files\tool\tool.exe"`, a relative fragment: reported, with a hint to use JSON form.
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY bin\\tool.exe "C:\\Program Files\\tool\\tool.exe"';
    const [d] = lint(text);
    expect(d?.span).toEqual({ line: 3, column: 31, endLine: 3, endColumn: 51 });
    expect(d?.message).toContain('JSON form');
    expect(lint('# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY bin\\tool.exe "C:\\Tools\\tool.exe"')).toEqual([]);
    expect(lint('# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY bin\\tool.exe \'C:\\Tools\\tool.exe\'')).toEqual([]);
    expect(lint('# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY ["bin\\\\tool.exe", "C:\\\\Program Files\\\\tool\\\\tool.exe"]')).toEqual([]);
  });

  test('JSON form and heredoc destinations', () => {
    expect(lint('FROM a\nCOPY ["a", "b/"]')).toHaveLength(1);
    expect(lint('FROM a\nCOPY ["a", "/b/"]')).toEqual([]);
    expect(lint('FROM a\nCOPY <<EOF motd\nhi\nEOF')).toHaveLength(1);
  });

  test('ADD is not checked (hadolint checks COPY only)', () => {
    expect(lint('FROM a\nADD foo bar')).toEqual([]);
  });
});
