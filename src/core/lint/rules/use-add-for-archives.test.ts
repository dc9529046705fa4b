import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useAddForArchives as rule } from './use-add-for-archives.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const lines = (text: string) => lint(text).map((d) => d.instructionLine);

test('hadolint DL3010 spec cases', () => {
  expect(lines('COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar')).toEqual([1]);
  expect(lines('COPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xf packaged-app.tar')).toEqual([1]);
  expect(lines('COPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar')).toEqual([1]);
  expect(lines('COPY build\\foo\\bar.tar.gz "C:\\Program Files\\Foo"\nRUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"')).toEqual([1]);
  expect(lines('COPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"\nRUN tar -xf foo.tar.gz')).toEqual([1]);
  expect(lines('COPY packaged-app.tar /usr/src/app\nFROM debian:11 as newstage')).toEqual([]);
  expect(lines('COPY package.json /usr/src/app')).toEqual([]);
  expect(lines('COPY --from=builder /usr/local/share/some.tar /opt/some.tar')).toEqual([]);
});

test('only the last stage is reported, as hadolint starts over at every FROM', () => {
  expect(lines('FROM debian AS a\nCOPY a.tar /a/\nRUN tar -xf /a/a.tar\nFROM debian\nRUN echo')).toEqual([]);
  expect(lines('FROM debian AS a\nCOPY a.tar /a/\nFROM debian\nRUN tar -xf /a/a.tar')).toEqual([]);
});

test('when the target is an archive name, only the target is remembered', () => {
  expect(lines('FROM debian\nCOPY dist/app.tgz /tmp/bundle.tgz\nRUN tar -xzf /tmp/bundle.tgz')).toEqual([2]);
  expect(lines('FROM debian\nCOPY dist/app.tgz /tmp/bundle.tgz\nRUN tar -xzf /tmp/app.tgz')).toEqual([]);
});

test('one finding per copied archive that is unpacked', () => {
  const found = lint('FROM debian\nCOPY a.tar b.tar.gz c.zip /src/\nRUN tar -xf /src/a.tar && gunzip /src/b.tar.gz && unzip /src/c.zip');
  expect(found.map((d) => d.span)).toEqual([
    { line: 2, column: 6, endLine: 2, endColumn: 11 },
    { line: 2, column: 12, endLine: 2, endColumn: 20 },
  ]);
});

test('hadolint quirks: tar needs a dash flag with x (or --extract/--get); --exclude counts', () => {
  expect(lines('FROM debian\nCOPY a.tar /src/\nRUN tar xf /src/a.tar')).toEqual([]);
  expect(lines('FROM debian\nCOPY a.tar /src/\nRUN tar --get --file /src/a.tar')).toEqual([2]);
  expect(lines('FROM debian\nCOPY a.tar /src/\nRUN tar -c --exclude=x -f /out/a.tar /src')).toEqual([2]);
  expect(lines('FROM debian\nCOPY a.tar /src/\nRUN tar --extract --file=/src/a.tar')).toEqual([]);
});

test('ADD and ONBUILD are not checked', () => {
  expect(lines('FROM debian\nADD a.tar /src/\nRUN tar -xf /src/a.tar')).toEqual([]);
  expect(lines('FROM debian\nONBUILD COPY a.tar /src/\nONBUILD RUN tar -xf /src/a.tar')).toEqual([]);
});

test('message suggests ADD only for tar archives', () => {
  expect(lint('FROM debian\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz')[0]?.message).toContain('ADD app.tar.gz');
  expect(lint('FROM debian\nCOPY data.gz /tmp/\nRUN gunzip /tmp/data.gz')[0]?.message).not.toContain('ADD');
});
