import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { useSingleRunForRelatedCommands } from './use-single-run-for-related-commands.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [useSingleRunForRelatedCommands] }).diagnostics;
const lines = (body: string) => lint(`FROM debian:bookworm-slim\n${body}`).map((d) => d.instructionLine - 1);

describe('use-single-run-for-related-commands (hadolint DL3059)', () => {
  test('cases from hadolint: consecutive, comments between, other instructions between', () => {
    expect(lines('')).toEqual([]);
    expect(lines('RUN /foo.sh')).toEqual([]);
    expect(lines('RUN /foo.sh\nWORKDIR /\nRUN /bar.sh')).toEqual([]);
    expect(lines('RUN /foo.sh\nRUN /bar.sh')).toEqual([2]);
    expect(lines('RUN /foo.sh\n# a comment\nRUN /bar.sh')).toEqual([3]);
    expect(lines('RUN /foo.sh\n# a comment\n# another comment\nRUN /bar.sh')).toEqual([4]);
    expect(lines('# a comment\nRUN /foo.sh')).toEqual([]);
  });

  test('cases from hadolint: flags must be identical', () => {
    expect(lines('RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh')).toEqual([]);
    expect(lines('RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh')).toEqual([]);
    expect(lines('RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh')).toEqual([2]);
  });

  test('flags are compared as parsed: option order and the default mount type do not matter', () => {
    expect(lines('RUN --mount=type=cache,target=/root/.cache a\nRUN --mount=target=/root/.cache,type=cache b')).toEqual([2]);
    expect(lines('RUN --mount=target=/src a\nRUN --mount=type=bind,dst=/src b')).toEqual([2]);
    expect(lines('RUN --network=none a\nRUN --network=host b')).toEqual([]);
    expect(lines('RUN --mount=type=cache,target=/c,ro a\nRUN --mount=type=cache,target=/c,readonly=true b')).toEqual([2]);
    expect(lines('RUN --mount=type=cache,target=/c,ro a\nRUN --mount=type=cache,target=/c,rw b')).toEqual([]);
  });

  test('cases from hadolint: a RUN with two or more commands resets the check', () => {
    expect(lines('RUN foo && bar\nRUN foobar')).toEqual([]);
    expect(lines('RUN foo; bar\nRUN foobar')).toEqual([]);
    expect(lines('RUN foobar\nRUN foo && bar')).toEqual([]);
    expect(lines('RUN foobar\nRUN foo; bar')).toEqual([]);
    expect(lines('RUN foo && bar\nRUN foo; bar')).toEqual([]);
    expect(lines('RUN foo && bar\nRUN foo\nRUN bar')).toEqual([3]);
  });

  test('counts commands as hadolint does: substitutions count, sh -c strings and wrapped commands do not', () => {
    expect(lines('RUN echo "$(date)" > /built-at\nRUN foo')).toEqual([]);
    expect(lines('RUN sh -c "a && b"\nRUN c')).toEqual([2]);
    expect(lines('RUN sudo -u app make\nRUN c')).toEqual([2]);
    expect(lines('RUN FOO=bar\nRUN c')).toEqual([2]);
  });

  test('under a non-POSIX SHELL the text is still split into commands, as hadolint parses it as shell', () => {
    const pwsh = 'SHELL ["pwsh", "-Command"]\n';
    expect(lines(`${pwsh}RUN Write-Host a; Write-Host b\nRUN Write-Host c`)).toEqual([]);
    expect(lines(`${pwsh}RUN Write-Host a\nRUN Write-Host c`)).toEqual([3]);
  });

  test('heredocs count as hadolint reads them: the body after a leading marker, else only the text before it', () => {
    expect(lines('RUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nRUN b')).toEqual([]);
    expect(lines('RUN <<EOF\n# just one command\napt-get update\nEOF\nRUN b')).toEqual([5]);
    expect(lines('RUN python3 <<EOF\nimport os; os.mkdir("/a"); os.mkdir("/b")\nEOF\nRUN b')).toEqual([4]);
    expect(lines('RUN bash <<EOF\nmkdir /a\nmkdir /b\nEOF\nRUN b')).toEqual([5]);
    expect(lines('RUN <<EOF sh -c "cat > /x"\necho hi\nEOF\nRUN b')).toEqual([]);
  });

  test('ONBUILD RUNs are not checked and reset the check', () => {
    expect(lines('ONBUILD RUN a\nONBUILD RUN b')).toEqual([]);
    expect(lines('RUN a\nONBUILD RUN b\nRUN c')).toEqual([]);
  });

  test('a new stage resets the check', () => {
    expect(lines('RUN a\nFROM debian:bookworm-slim\nRUN b')).toEqual([]);
  });

  test('three single RUNs give two findings whose fixes join all three', () => {
    const text = 'FROM debian:bookworm-slim\nRUN mkdir /data\nRUN chown 1000 /data\nRUN chmod 700 /data';
    const found = lint(text);
    expect(found.map((d) => d.span)).toEqual([
      { line: 3, column: 1, endLine: 3, endColumn: 21 },
      { line: 4, column: 1, endLine: 4, endColumn: 20 },
    ]);
    expect(found[1]?.message).toContain('line 3');
    expect(applyFixes(text, found).text).toBe('FROM debian:bookworm-slim\nRUN mkdir /data && chown 1000 /data && chmod 700 /data');
  });

  test('the fix keeps the shared flags and drops blank lines between', () => {
    const text = 'FROM debian:bookworm-slim\nRUN --network=none a\n\nRUN --network=none b';
    expect(applyFixes(text, lint(text)).text).toBe('FROM debian:bookworm-slim\nRUN --network=none a && b');
  });

  test.each([
    ['a comment sits between them', 'RUN a\n# why\nRUN b'],
    ['the first changes the shell state', 'RUN cd /src\nRUN make'],
    ['the first exports a variable', 'RUN export PATH=/opt/bin:$PATH\nRUN tool --version'],
    ['the first runs in the background', 'RUN a &\nRUN b'],
    ['the first has a trailing comment', 'RUN a # note\nRUN b'],
    ['one spans several lines', 'RUN a \\\n  --flag\nRUN b'],
    ['one is in exec form', 'RUN ["a"]\nRUN b'],
    ['one uses a heredoc', 'RUN <<EOF\na\nEOF\nRUN b'],
    ['one has no command', 'RUN FOO=1\nRUN b'],
  ])('offers no fix when %s', (_why, body) => {
    const found = lint(`FROM debian:bookworm-slim\n${body}`);
    expect(found).toHaveLength(1);
    expect(found[0]?.fix).toBeUndefined();
  });
});
