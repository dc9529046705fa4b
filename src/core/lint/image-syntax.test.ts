import { describe, expect, test } from 'vitest';
import { parseDockerfile } from '../parse/parse.ts';
import { copyOperands, dropQuotes, rawImageFromText, rawImageParts } from './image-syntax.ts';

describe('rawImageParts (hadolint FROM reading)', () => {
  test.each([
    ['debian', { registry: null, name: 'debian', tag: null, digest: null }],
    ['python:3.12-slim', { registry: null, name: 'python', tag: '3.12-slim', digest: null }],
    ['gcr.io/distroless/static:nonroot', { registry: 'gcr.io', name: 'distroless/static', tag: 'nonroot', digest: null }],
    ['mcr.microsoft.com/dotnet/sdk:8.0', { registry: 'mcr.microsoft.com', name: 'dotnet/sdk', tag: '8.0', digest: null }],
    ['docker.io/library/node:latest', { registry: 'docker.io', name: 'library/node', tag: 'latest', digest: null }],
    ['ruby@sha256:f1dbca0f5dbc9', { registry: null, name: 'ruby', tag: null, digest: 'sha256:f1dbca0f5dbc9' }],
    ['node:latest@sha256:abc', { registry: null, name: 'node', tag: 'latest', digest: 'sha256:abc' }],
    // language-docker needs `domain.tld/`: no dot, no registry, and the port reads as a tag.
    ['localhost:5000/app', { registry: null, name: 'localhost', tag: '5000/app', digest: null }],
    ['registry.example.com:5000/team/app:1.0', { registry: 'registry.example.com:5000', name: 'team/app', tag: '1.0', digest: null }],
    ['${BASE}', { registry: null, name: '${BASE}', tag: null, digest: null }],
    ['${BASE:-alpine:3.20}', { registry: null, name: '${BASE:-alpine:3.20}', tag: null, digest: null }],
    ['${REGISTRY}/app', { registry: null, name: '${REGISTRY}/app', tag: null, digest: null }],
    ['node:${NODE_VERSION}-slim', { registry: null, name: 'node', tag: '${NODE_VERSION}-slim', digest: null }],
    ['registry.example.com/${IMAGE}', { registry: 'registry.example.com', name: '${IMAGE}', tag: null, digest: null }],
  ])('%s', (text, expected) => {
    expect(rawImageParts(text)).toEqual(expected);
  });
});

describe('rawImageFromText (COPY --from / mount from=)', () => {
  test.each([
    ['build', { registry: null, name: 'build' }],
    ['nginx:1.27', { registry: null, name: 'nginx:1.27' }],
    ['untrusted.com/repo/image:tag', { registry: 'untrusted.com', name: 'repo/image:tag' }],
    ['localhost:5000/app', { registry: null, name: 'localhost:5000/app' }],
    ['0', { registry: null, name: '0' }],
  ])('%s', (text, expected) => {
    expect(rawImageFromText(text)).toEqual(expected);
  });
});

test('dropQuotes strips quotes at both ends only', () => {
  expect(dropQuotes('"/app/"')).toBe('/app/');
  expect(dropQuotes(`'"x"'`)).toBe('x');
  expect(dropQuotes('a"b')).toBe('a"b');
});

describe('copyOperands', () => {
  const second = (text: string) => {
    const { dockerfile } = parseDockerfile(text);
    const i = dockerfile.instructions[1];
    if (!i) throw new Error('no instruction');
    return copyOperands(i, dockerfile);
  };
  test('plain words keep their quotes and spans; like the builder, quotes do not group words', () => {
    const ops = second('FROM a\nCOPY foo "bar baz" dest/');
    expect(ops?.sources.map((s) => s.value)).toEqual(['foo', '"bar', 'baz"']);
    expect(ops?.dest).toEqual({ value: 'dest/', span: { line: 2, column: 20, endLine: 2, endColumn: 25 }, json: false });
  });
  test('JSON form gives unquoted values', () => {
    const ops = second('FROM a\nCOPY ["a b", "c", "/d/"]');
    expect(ops?.sources.map((s) => s.value)).toEqual(['a b', 'c']);
    expect(ops?.dest.value).toBe('/d/');
    expect(ops?.dest.json).toBe(true);
  });
  test('heredoc bodies are not operands', () => {
    const ops = second('FROM a\nCOPY <<EOF /etc/motd\nhello world\nEOF');
    expect(ops?.sources.map((s) => s.value)).toEqual(['<<EOF']);
    expect(ops?.dest.value).toBe('/etc/motd');
  });
  test('backslashes are kept as written (Windows paths)', () => {
    expect(second('FROM a\nCOPY bla.sh c:\\system32\\blubb.sh')?.dest.value).toBe('c:\\system32\\blubb.sh');
  });
  test('a single operand is not a COPY', () => {
    expect(second('FROM a\nCOPY foo')).toBeNull();
  });
  test('continuation lines', () => {
    const ops = second('FROM a\nCOPY a \\\n  b \\\n  c/');
    expect(ops?.sources.map((s) => s.value)).toEqual(['a', 'b']);
    expect(ops?.dest.span.line).toBe(4);
  });
});
