import { beforeAll, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noApkVirtualLeftBehind as rule } from './no-apk-virtual-left-behind.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

test.each([
  ['RUN apk add --no-cache --virtual .build-deps gcc && make && apk del .build-deps', 0],
  ['RUN apk add --no-cache --virtual .build-deps gcc && make && apk del --purge .build-deps', 0],
  ['RUN apk add --no-cache --virtual .build-deps gcc && make && apk --no-network del .build-deps', 0],
  ['RUN apk add --no-cache --virtual .build-deps gcc && make', 1],
  ['RUN apk add --no-cache -t .build-deps gcc && make && apk del .other', 1],
  ['RUN apk add --no-cache --virtual=.build-deps gcc && make', 1],
  ['RUN apk add --no-cache gcc && make', 0],
  ['RUN apk add --no-cache --virtual .a gcc && apk add --no-cache --virtual .b curl && apk del .a', 0],
  ['RUN apk add --no-cache --virtual .a gcc && apk add --no-cache --virtual .b g++ && apk del .a', 1],
  // Groups that hold build tooling: by name (build, fetch, tmp/temp, compile, dev) or by their literal packages.
  ['RUN apk add --no-cache --virtual build-dependencies $DEPS && make', 1],
  ['RUN apk add --no-cache --virtual .fetch-deps wget gnupg && wget -q https://example.com/x', 1],
  ['RUN apk add --no-cache --virtual .tmp-tools $TOOLS', 1],
  ['RUN apk add --no-cache --virtual .temp-deps jq', 1],
  ['RUN apk add --no-cache --virtual .compile-deps $DEPS', 1],
  ['RUN apk add --no-cache --virtual .dev-deps $DEPS', 1],
  ['RUN apk add --no-cache --virtual .mydeps libffi-dev openssl-dev && pip install --no-cache-dir cffi==1.17.1', 1],
  ['RUN apk add --no-cache --virtual .mydeps build-base', 1],
  ['RUN apk add --no-cache --virtual .mydeps $PHPIZE_DEPS icu-libs', 1],
  ['RUN apk add --no-cache --virtual .mydeps ${buildDeps}', 1],
  ['RUN apk add --no-cache --virtual .mydeps $runDeps', 0],
  // Runtime groups are meant to stay (the official images' scanelf idiom, persistent deps).
  ['RUN apk add --no-cache --virtual .persistent-deps ca-certificates curl tar xz', 0],
  ['RUN apk add --no-cache --virtual .device-tools usbutils', 0],
])('%s → %i', (run, n) => {
  expect(lint(`FROM alpine:3.20\n${run}`)).toHaveLength(n);
});

test('runtime-dependency groups of the official images are not reported', () => {
  const text = [
    'FROM alpine:3.20',
    'RUN set -eux; \\',
    '  apk add --no-cache --virtual .build-deps gcc make musl-dev; \\',
    '  make -C /src install; \\',
    '  runDeps="$(scanelf --needed --nobanner --format \'%n#p\' --recursive /usr/local | tr \',\' \'\\n\' | sort -u | awk \'{ print "so:" $1 }\')"; \\',
    '  apk add --no-network --virtual .myservice-rundeps $runDeps; \\',
    '  apk add --no-cache --virtual .myservice-so-deps $soDeps; \\',
    '  apk del --no-network .build-deps',
  ].join('\n');
  expect(lint(text)).toEqual([]);
});

test('a build group with only variable packages is still reported, on the flag and the name', () => {
  const [d] = lint('FROM ruby:3.3-alpine\nRUN apk add --no-cache --virtual .gem-build $GEM_DEPS && bundle install');
  expect(d?.span).toEqual({ line: 2, column: 24, endLine: 2, endColumn: 44 });
});

test('span covers the flag and the name', () => {
  const [d] = lint('FROM alpine\nRUN apk add --no-cache --virtual .build-deps gcc');
  expect(d?.span).toEqual({ line: 2, column: 24, endLine: 2, endColumn: 45 });
  expect(d?.message).toContain('apk del .build-deps');
});

test('a later RUN does not count, and the message says so', () => {
  const [d] = lint('FROM alpine AS base\nRUN apk add --no-cache --virtual .deps gcc\nFROM base\nRUN apk del .deps');
  expect(d?.message).toContain('line 4');
  expect(d?.message).toContain('later layer');
});

test('stages that do not ship are not checked', () => {
  expect(lint('FROM alpine AS build\nRUN apk add --no-cache --virtual .deps gcc\nFROM alpine\nCOPY --from=build /x /x')).toHaveLength(0);
});
