import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { usePinnedAptPackages as rule } from './use-pinned-apt-packages.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const lines = (text: string) => lint(text).map((d) => d.instructionLine);
const both = (run: string) => [lines(`FROM debian\n${run}`), lines(`FROM debian\nONBUILD ${run}`)];

test('hadolint DL3008 spec cases (plain and ONBUILD)', () => {
  expect(both('RUN apt-get update && apt-get install python')).toEqual([[2], [2]]);
  expect(both('RUN apt-get update \\\n && apt-get -yqq --no-install-recommends install nodejs=0.10 \\\n && rm -rf /var/lib/apt/lists/*')).toEqual([[], []]);
  expect(both('RUN apt-get update && apt-get install --no-install-recommends -y \\\npython-demjson=2.2.2* \\\nwget=1.16.1* \\\ngit=1:2.5.0* \\\nruby=1:2.1.*')).toEqual([[], []]);
  expect(both('RUN apt-get install -y python=1.2.2')).toEqual([[], []]);
  expect(both('RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb')).toEqual([[], []]);
  expect(both('RUN apt-get -y --no-install-recommends install nodejs=0.10')).toEqual([[], []]);
  expect(
    both(
      'RUN set -e &&\\\n echo "deb http://http.debian.net/debian jessie-backports main" > /etc/apt/sources.list.d/jessie-backports.list &&\\\n apt-get update &&\\\n apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\\\n rm -rf /var/lib/apt/lists/*',
    ),
  ).toEqual([[], []]);
});

test('one finding per RUN, on the first unpinned package, listing all of them', () => {
  const found = lint('FROM debian\nRUN apt-get install -y curl=7 git && apt-get install -y make git');
  expect(found).toHaveLength(1);
  expect(found[0]?.span).toEqual({ line: 2, column: 31, endLine: 2, endColumn: 34 });
  expect(found[0]?.message).toContain('`git`, `make`');
});

test('hadolint quirks: the word after --target-release=x is skipped; variables are unpinned unless they contain = or /', () => {
  expect(lines('FROM debian\nRUN apt-get install -y --target-release=bookworm-backports curl')).toEqual([]);
  expect(lines('FROM debian\nRUN apt-get install -y $PACKAGES')).toEqual([2]);
  expect(lines('FROM debian\nRUN apt-get install -y "curl=${CURL_VERSION}"')).toEqual([]);
  expect(lines('FROM debian\nRUN apt-get install -y -o Dpkg::Options::=--force-confold curl=7')).toEqual([]);
});

test('commands hadolint does not see: sudo, sh -c, apt', () => {
  expect(lines('FROM debian\nRUN sudo apt-get install -y curl')).toEqual([]);
  expect(lines('FROM debian\nRUN sh -c "apt-get install -y curl"')).toEqual([]);
  expect(lines('FROM debian\nRUN apt install -y curl')).toEqual([]);
});

test('the exec form is checked', () => {
  expect(lines('FROM debian\nRUN ["apt-get", "install", "-y", "curl"]')).toEqual([2]);
});
