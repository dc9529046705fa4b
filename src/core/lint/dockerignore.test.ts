import { describe, expect, test } from 'vitest';
import { cleanPath, compileDockerignore, dirPath, normalizeDockerignorePattern, readDockerignore } from './dockerignore.ts';

const excluded = (patterns: string[], path: string) => compileDockerignore(patterns).match(path).excluded;

describe('readDockerignore', () => {
  test('drops comments and blank lines, trims, and normalizes paths like Docker', () => {
    const text = '\uFEFF# build output\n\n  node_modules  \r\n/dist/\n./tmp//cache/\n! /keep.txt\n!./docs\n';
    expect(readDockerignore(text)).toEqual(['node_modules', 'dist', 'tmp/cache', '!keep.txt', '!docs']);
  });

  test('only a # in the first column starts a comment', () => {
    expect(readDockerignore('  # not a comment\n#comment')).toEqual(['# not a comment']);
  });

  test('keeps a lone root and resolves dot segments', () => {
    expect(normalizeDockerignorePattern('/')).toBe('/');
    expect(normalizeDockerignorePattern('a/../b')).toBe('b');
    expect(normalizeDockerignorePattern('   ')).toBeNull();
  });
});

describe('path helpers (Go path.Clean / path.Dir)', () => {
  test.each([
    ['', '.'],
    ['./', '.'],
    ['a//b/./c/', 'a/b/c'],
    ['../a', '../a'],
    ['a/../../b', '../b'],
    ['/../a', '/a'],
  ])('cleanPath(%j) is %j', (input, expected) => {
    expect(cleanPath(input)).toBe(expected);
  });

  test.each([
    ['a.txt', '.'],
    ['./tmp/x.txt', 'tmp'],
    ['a/b/c', 'a/b'],
    ['/a', '/'],
  ])('dirPath(%j) is %j', (input, expected) => {
    expect(dirPath(input)).toBe(expected);
  });
});

describe('compileDockerignore', () => {
  test('an exact name excludes the entry and everything below it', () => {
    expect(excluded(['node_modules'], 'node_modules')).toBe(true);
    expect(excluded(['node_modules'], 'node_modules/react/index.js')).toBe(true);
    expect(excluded(['node_modules'], 'src/node_modules')).toBe(false);
    expect(excluded(['node_modules'], 'node_modules_backup')).toBe(false);
  });

  test('* and ? do not cross directory separators', () => {
    expect(excluded(['*.log'], 'debug.log')).toBe(true);
    expect(excluded(['*.log'], 'logs/debug.log')).toBe(false);
    expect(excluded(['*/*.log'], 'logs/debug.log')).toBe(true);
    expect(excluded(['file?.txt'], 'file1.txt')).toBe(true);
    expect(excluded(['file?.txt'], 'file10.txt')).toBe(false);
  });

  test('** matches any number of directories, including none', () => {
    expect(excluded(['**/*.pyc'], 'app.pyc')).toBe(true);
    expect(excluded(['**/*.pyc'], 'pkg/sub/mod.pyc')).toBe(true);
    expect(excluded(['**/__pycache__'], '__pycache__')).toBe(true);
    expect(excluded(['**/__pycache__'], 'pkg/__pycache__/m.cpython-312.pyc')).toBe(true);
    expect(excluded(['docs/**/*.md'], 'docs/a.md')).toBe(true);
    expect(excluded(['docs/**/*.md'], 'docs/x/y/a.md')).toBe(true);
    expect(excluded(['docs/**/*.md'], 'src/a.md')).toBe(false);
  });

  test('a trailing ** matches what is inside the directory, not the directory itself', () => {
    expect(excluded(['build/**'], 'build/out.o')).toBe(true);
    expect(excluded(['build/**'], 'build')).toBe(false);
    expect(excluded(['**'], 'anything/at/all')).toBe(true);
  });

  test('character classes and escapes follow filepath.Match', () => {
    expect(excluded(['[a-c].txt'], 'b.txt')).toBe(true);
    expect(excluded(['[a-c].txt'], 'd.txt')).toBe(false);
    expect(excluded(['[^a].txt'], 'b.txt')).toBe(true);
    expect(excluded(['[^a].txt'], 'a.txt')).toBe(false);
    expect(excluded(['\\*.txt'], '*.txt')).toBe(true);
    expect(excluded(['\\*.txt'], 'a.txt')).toBe(false);
  });

  test('regexp characters in names are literal', () => {
    expect(excluded(['a+b.(1).txt'], 'a+b.(1).txt')).toBe(true);
    expect(excluded(['v1.0'], 'v1x0')).toBe(false);
  });

  test('! re-includes, and the last matching pattern wins', () => {
    const patterns = ['*.md', '!README.md'];
    expect(excluded(patterns, 'CHANGELOG.md')).toBe(true);
    expect(excluded(patterns, 'README.md')).toBe(false);
    expect(excluded(['!README.md', '*.md'], 'README.md')).toBe(true);
    expect(excluded(['*', '!src', 'src/secret.txt'], 'src/app.py')).toBe(false);
    expect(excluded(['*', '!src', 'src/secret.txt'], 'src/secret.txt')).toBe(true);
    expect(excluded(['*', '!src'], 'tests/test_app.py')).toBe(true);
  });

  test('an exclusion does not re-include a file below an excluded parent unless it matches that file', () => {
    expect(excluded(['data', '!data/keep.csv'], 'data/keep.csv')).toBe(false);
    expect(excluded(['data', '!data/keep.csv'], 'data/other.csv')).toBe(true);
  });

  test('paths are matched as written, so a leading ./ can meet a leading wildcard', () => {
    // BuildKit's CopyIgnoredFile documentation example: `*/tmp/*` excludes `./tmp/helloworld.txt`.
    expect(excluded(['*/tmp/*'], './tmp/helloworld.txt')).toBe(true);
    expect(excluded(['tmp'], './tmp/helloworld.txt')).toBe(true);
  });

  test('reports the deciding pattern as written', () => {
    const m = compileDockerignore(['  *.log ', '!keep.log', 'keep.log']);
    expect(m.match('a.log')).toEqual({ excluded: true, pattern: '  *.log ' });
    expect(m.match('keep.log')).toEqual({ excluded: true, pattern: 'keep.log' });
    expect(m.match('a.txt')).toEqual({ excluded: false, pattern: null });
  });

  test('skips patterns Docker rejects instead of throwing', () => {
    const m = compileDockerignore(['!', '[a-', 'trailing\\', '[]', 'ok.txt']);
    expect(m.invalid).toEqual(['!', '[a-', 'trailing\\', '[]']);
    expect(m.match('ok.txt').excluded).toBe(true);
    expect(m.match('[a-').excluded).toBe(false);
  });

  test('no patterns exclude nothing', () => {
    expect(excluded([], 'anything')).toBe(false);
  });
});
