import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { noAptListsLeftBehind as rule } from './no-apt-lists-left-behind.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const lines = (text: string) => lint(text).map((d) => d.instructionLine);
/** The same Dockerfile with every RUN turned into ONBUILD RUN (hadolint's onbuild spec variant). */
const onbuild = (text: string) => text.replace(/^RUN /gm, 'ONBUILD RUN ');

describe('hadolint DL3009 spec cases', () => {
  test('no cleanup in a single stage', () => {
    const df = 'FROM scratch\nRUN apt-get update && apt-get install python';
    expect(lines(df)).toEqual([2]);
    expect(lines(onbuild(df))).toEqual([2]);
  });
  test('no cleanup in a stage that is not used later: only the ONBUILD variant is reported', () => {
    const df = 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN echo hey!';
    expect(lines(df)).toEqual([]);
    expect(lines(onbuild(df))).toEqual([2]);
  });
  test('no cleanup in the last stage', () => {
    const df = 'FROM ubuntu as foo\nRUN hey!\nFROM scratch\nRUN apt-get update && apt-get install python';
    expect(lines(df)).toEqual([4]);
    expect(lines(onbuild(df))).toEqual([4]);
  });
  test('no cleanup in a stage that a later FROM builds on', () => {
    const df = 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM foo\nRUN hey!';
    expect(lines(df)).toEqual([2]);
    expect(lines(onbuild(df))).toEqual([2]);
  });
  test('cleanup in a reused stage', () => {
    const df = 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\nFROM foo\nRUN hey!';
    expect(lines(df)).toEqual([]);
    expect(lines(onbuild(df))).toEqual([]);
  });
  test('cleanup', () => {
    const df = 'FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*';
    expect(lines(df)).toEqual([]);
    expect(lines(onbuild(df))).toEqual([]);
  });
  test('a cache mount on the lists directory, also without FROM', () => {
    const df = 'RUN --mount=type=cache,target=/var/lib/apt/lists \\\n    apt-get update && apt-get install python';
    expect(lines(df)).toEqual([]);
    expect(lines(onbuild(df))).toEqual([]);
  });
  test('cache mounts on /var/lib/apt and /var/cache/apt', () => {
    const df = 'RUN --mount=type=cache,target=/var/lib/apt \\\n    --mount=type=cache,target=/var/cache/apt \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python';
    expect(lines(df)).toEqual([]);
    expect(lines(onbuild(df))).toEqual([]);
    const split = 'RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt \\\n    --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install foo';
    expect(lines(split)).toEqual([]);
  });
  test('a cache mount on /var/cache/apt only, or on /var/lib/apt only, is not enough', () => {
    const cacheOnly = 'RUN --mount=type=cache,target=/var/cache/apt \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python';
    expect(lines(cacheOnly)).toEqual([1]);
    expect(lines(onbuild(cacheOnly))).toEqual([1]);
    const libOnly = 'RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install python';
    expect(lines(libOnly)).toEqual([2]);
  });
});

describe('beyond the spec, as hadolint behaves', () => {
  test('apt and aptitude updates count (hadolint 2.14+)', () => {
    expect(lines('FROM debian\nRUN apt update && apt install -y curl')).toEqual([2]);
    expect(lines('FROM debian\nRUN aptitude update && aptitude install -y curl')).toEqual([2]);
  });
  test('tmpfs mounts count as cleanup; the target only has to contain the path', () => {
    expect(lines('FROM debian\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update')).toEqual([]);
    expect(lines('FROM debian\nRUN --mount=type=tmpfs,target=/var/lib/apt --mount=type=tmpfs,target=/var/cache/apt apt-get update')).toEqual([]);
    expect(lines('FROM debian\nRUN --mount=type=bind,target=/var/lib/apt/lists apt-get update')).toEqual([2]);
  });
  test('hadolint accepts any rm with `-rf` or with `/var/lib/apt/lists/*`', () => {
    expect(lines('FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /tmp/build')).toEqual([]);
    expect(lines('FROM debian\nRUN apt-get update && apt-get install -y curl && rm -fr /var/lib/apt/lists/*')).toEqual([]);
    expect(lines('FROM debian\nRUN apt-get update && apt-get install -y curl && rm -r -f /var/lib/apt/lists')).toEqual([2]);
    expect(lines('FROM debian\nRUN apt-get update && apt-get install -y curl && rm -fr /var/lib/apt/lists')).toEqual([2]);
  });
  test('`sudo apt-get update` and `/usr/bin/apt-get update` are not seen, as in hadolint', () => {
    expect(lines('FROM debian\nRUN sudo apt-get update')).toEqual([]);
    expect(lines('FROM debian\nRUN /usr/bin/apt-get update')).toEqual([]);
  });
  test('two stages with the same FROM line are both checked', () => {
    expect(lines('FROM debian:bookworm\nRUN apt-get update\nFROM debian:bookworm\nRUN echo')).toEqual([2]);
  });
  test('a stage whose alias equals an image name is checked', () => {
    expect(lines('FROM golang AS golang\nRUN apt-get update\nFROM debian AS final\nCOPY --from=golang /go/bin/x /x')).toEqual([2]);
  });
  test('ONBUILD triggers are checked in every stage', () => {
    expect(lines('FROM debian AS a\nONBUILD RUN apt-get update\nFROM debian AS b\nRUN echo')).toEqual([2]);
  });
  test('RUN before any FROM: checked when the last FROM is a bare scratch', () => {
    expect(lines('RUN apt-get update\nFROM scratch')).toEqual([1]);
    expect(lines('RUN apt-get update\nFROM debian')).toEqual([]);
  });
});

describe('Layerlab additions', () => {
  test('`apt-get dist-clean` (trixie) cleans the lists', () => {
    expect(lines('FROM debian:trixie\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean')).toEqual([]);
    expect(lines('FROM debian:trixie\nRUN apt update && apt install -y curl && apt dist-clean')).toEqual([]);
  });
  test('`apt-get install --update` (apt >= 2.9) refreshes the lists', () => {
    const [d] = lint('FROM debian:trixie\nRUN apt-get install --update -y curl');
    expect(d?.message).toContain('install --update');
    expect(lines('FROM debian:trixie\nRUN apt-get install --update -y curl && rm -rf /var/lib/apt/lists/*')).toEqual([]);
  });
});

describe('span and fix', () => {
  test('reported on the update command', () => {
    const [d] = lint('FROM debian\nRUN set -eux; \\\n    apt-get update; \\\n    apt-get install -y curl');
    expect(d?.span).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 19 });
    expect(d?.instructionLine).toBe(2);
  });
  test('the fix appends to the last line of a multi-line RUN', () => {
    const text = 'FROM debian\nRUN apt-get update \\\n && apt-get install -y curl';
    const found = lint(text);
    expect(applyFixes(text, found).text).toBe('FROM debian\nRUN apt-get update \\\n && apt-get install -y curl && rm -rf /var/lib/apt/lists/*');
  });
  test('no fix after a dangling `;`, a trailing comment, or for a heredoc', () => {
    expect(lint('FROM debian\nRUN apt-get update;')[0]?.fix).toBeUndefined();
    expect(lint('FROM debian\nRUN apt-get update \\\n && apt-get install -y curl # tools')[0]?.fix).toBeUndefined();
    expect(lint('FROM debian\nRUN <<EOF\napt-get update\nEOF')[0]?.fix).toBeUndefined();
  });
});
