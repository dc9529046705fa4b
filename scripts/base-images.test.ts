import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTable, INPUT_PATH, OUTPUT_PATH, printedFigure, readInput, serializeTable, type Input } from './base-images.ts';

const input = readInput(readFileSync(INPUT_PATH, 'utf8'));

const minimal = (over: Partial<Input['images'][number]> = {}): Input => ({
  about: [],
  images: [
    {
      image: 'debian',
      tag: 'bookworm',
      resolvedTag: 'bookworm',
      printed: '116.57 MB',
      os: { family: 'debian', release: 'bookworm' },
      confidence: 'measured',
      source: { repo: 'docker-library/repo-info', path: 'repos/debian/local/bookworm.md', commit: '857995de', field: 'Virtual Size' },
      date: '2026-07-13',
      note: null,
      aliases: ['12'],
      ...over,
    },
  ],
});

describe('scripts/base-images.ts', () => {
  it('data/base-images.json is exactly what the curated input gives (run `node scripts/base-images.ts`)', () => {
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(serializeTable(buildTable(input)));
  });

  it('reads printed figures with the range their rounding allows', () => {
    expect(printedFigure('124.30 MB')).toEqual({ value: 124_300_000, low: 124_295_000, high: 124_305_000 });
    expect(printedFigure('1.02 GB')).toEqual({ value: 1_020_000_000, low: 1_015_000_000, high: 1_025_000_000 });
    expect(printedFigure('~ 1.13 Gb')).toEqual({ value: 1_130_000_000, low: 1_125_000_000, high: 1_135_000_000 });
    expect(printedFigure('342.2 MB')).toEqual({ value: 342_200_000, low: 342_150_000, high: 342_250_000 });
    expect(printedFigure('around 2 MiB')).toBeNull();
  });

  it('every entry has a source with a date; git sources become links to the commit', () => {
    const table = buildTable(input);
    for (const [key, e] of Object.entries(table.images)) {
      expect(e.source.text, key).not.toBe('');
      expect(e.source.date, key).toBeTruthy();
      expect(e.bytes.low, key).toBeLessThanOrEqual(e.bytes.value);
      expect(e.bytes.value, key).toBeLessThanOrEqual(e.bytes.high);
    }
    expect(table.images['debian:bookworm']?.source).toEqual({
      text: 'docker-library/repo-info repos/debian/local/bookworm.md @857995de (Virtual Size)',
      url: 'https://github.com/docker-library/repo-info/blob/857995de/repos/debian/local/bookworm.md',
      date: '2026-07-13',
    });
    expect(table.aliases['debian:12']).toEqual({ of: 'debian:bookworm', approximate: null, spread: 0, os: null, compressed: null });
  });

  it('rejects a key defined twice (entry or alias)', () => {
    const twice = minimal();
    twice.images.push({ ...(twice.images[0] as Input['images'][number]), tag: '12', aliases: [] });
    expect(() => buildTable(twice)).toThrow('debian:12 is defined twice: by debian:bookworm and by debian:12');
  });

  it('rejects input without a source, with an unreadable figure, or with a range that misses the value', () => {
    expect(() => readInput(JSON.stringify({ ...minimal(), images: [{ ...minimal().images[0], source: undefined }] }))).toThrow(/images\.0\.source/);
    expect(() => buildTable(minimal({ printed: 'about a hundred MB' }))).toThrow('cannot read the printed figure');
    expect(() => buildTable(minimal({ printed: '~20 MB', value: '30 MB', range: ['18 MB', '24 MB'], rangeWhy: 'x' }))).toThrow('does not contain');
    expect(() => readInput(JSON.stringify(minimal({ printed: '~20 MB', value: '20 MB', range: ['18 MB', '24 MB'] })))).toThrow(/rangeWhy/);
    expect(() => readInput('{')).toThrow('not JSON');
  });

  it('approximate aliases carry why, a spread and the OS they point at', () => {
    const table = buildTable(input);
    expect(table.aliases['python:3.12-slim']).toMatchObject({ of: 'python:3.12-slim-bookworm', spread: 0.1, os: { family: 'debian', release: 'trixie', slim: true } });
    expect(table.aliases['python:3.12-slim']?.approximate).toContain('trixie');
    expect(table.aliases['python:3.12-slim']?.compressed?.bytes).toBe(43_188_023);
  });
});
