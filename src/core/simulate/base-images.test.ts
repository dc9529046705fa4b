import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitImageRef } from '../parse/image-ref.ts';
import type { ImageRef } from '../parse/model.ts';
import { imageKey, largestImage, lookupBaseImage, parseBaseImageTable } from './base-images.ts';

const table = parseBaseImageTable(JSON.parse(readFileSync(new URL('../../../data/base-images.json', import.meta.url), 'utf8')));

const ref = (text: string): ImageRef => ({ raw: text, resolved: text, unresolvedVars: [], ...splitImageRef(text) });

describe('base-image lookup', () => {
  it('an exact entry: bytes, source and OS from the table', () => {
    const r = lookupBaseImage(table, ref('debian:bookworm-slim'));
    expect(r).toMatchObject({ found: true, entry: 'debian:bookworm-slim', bytes: { value: 74_830_000, low: 74_825_000, high: 74_835_000 }, approximate: null });
    expect(r.found && r.os).toEqual({ family: 'debian', release: 'bookworm', packageManager: 'apt', libc: 'glibc', slim: true });
    expect(r.found && r.compressed?.bytes).toBe(28_232_590);
  });

  it('Docker Hub spellings are the same image: docker.io/, library/, index.docker.io', () => {
    for (const text of ['docker.io/library/python:3.12-slim-bookworm', 'library/python:3.12-slim-bookworm', 'index.docker.io/library/python:3.12-slim-bookworm']) {
      expect(imageKey(ref(text))).toBe('python:3.12-slim-bookworm');
      expect(lookupBaseImage(table, ref(text)).found).toBe(true);
    }
  });

  it('an exact alias gives the same numbers; an approximate one widens the range and says why', () => {
    const exactAlias = lookupBaseImage(table, ref('debian:12'));
    expect(exactAlias).toMatchObject({ found: true, entry: 'debian:bookworm', approximate: null, bytes: { value: 116_570_000 } });
    const moved = lookupBaseImage(table, ref('python:3.12-slim'));
    expect(moved).toMatchObject({ found: true, entry: 'python:3.12-slim-bookworm', bytes: { value: 124_300_000, low: Math.round(124_295_000 * 0.9), high: Math.round(124_305_000 * 1.1) } });
    expect(moved.found && moved.approximate).toContain('trixie');
    expect(moved.found && moved.os.release).toBe('trixie');
  });

  it('unknown tags, untagged (latest) images and unknown images are unknown, with known tags as suggestions', () => {
    const latest = lookupBaseImage(table, ref('python'));
    expect(latest).toMatchObject({ found: false, scratch: false });
    expect(!latest.found && !latest.scratch && latest.reason).toContain('"latest" moves');
    expect(!latest.found && !latest.scratch && latest.suggestions).toContain('python:3.12-slim');
    const other = lookupBaseImage(table, ref('myco/base:1'));
    expect(other).toEqual({ found: false, scratch: false, reason: 'myco/base:1 is not in Layerlab\'s base-image table', suggestions: [] });
    expect(lookupBaseImage(table, ref('python:3.99')).found).toBe(false);
  });

  it('a measured `latest` entry is used for an untagged reference (nginx)', () => {
    expect(lookupBaseImage(table, ref('nginx'))).toMatchObject({ found: true, entry: 'nginx:latest' });
  });

  it('digests: with a tag the tag is used (and said so); a digest alone is unknown', () => {
    const both = lookupBaseImage(table, ref('alpine:3.21@sha256:' + 'a'.repeat(64)));
    expect(both.found && both.approximate).toContain('pinned by digest');
    expect(lookupBaseImage(table, ref('alpine@sha256:' + 'a'.repeat(64))).found).toBe(false);
  });

  it('scratch is special; unresolved variables and a missing table are unknown', () => {
    expect(lookupBaseImage(table, ref('scratch'))).toEqual({ found: false, scratch: true });
    const unresolved: ImageRef = { raw: '${BASE}', resolved: null, unresolvedVars: ['BASE'], registry: null, name: '${BASE}', tag: null, digest: null };
    expect(lookupBaseImage(table, unresolved)).toMatchObject({ found: false, reason: 'the image name uses $BASE without a default value, so the image is not known' });
    expect(lookupBaseImage(null, ref('debian:bookworm'))).toMatchObject({ found: false, reason: 'no base-image data was loaded' });
  });

  it('non-Hub registries keep their host: gcr.io distroless', () => {
    expect(lookupBaseImage(table, ref('gcr.io/distroless/static-debian12'))).toMatchObject({ found: true, confidence: 'documented' });
    expect(largestImage(table)?.key).toBe('node:22.23.1-bookworm');
  });

  it('rejects a broken table', () => {
    expect(() => parseBaseImageTable({ format: 'x' })).toThrow('base-image table is invalid');
    const bad = JSON.parse(JSON.stringify(table)) as { aliases: Record<string, { of: string }> };
    (bad.aliases['debian:12'] as { of: string }).of = 'debian:nope';
    expect(() => parseBaseImageTable(bad)).toThrow('which is not an entry');
  });
});
