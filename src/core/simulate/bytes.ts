/** Byte ranges: arithmetic, parsing sizes people write ("120MB", "1.2 GiB") and SI formatting. */
import type { Bytes } from './types.ts';

export const ZERO: Bytes = Object.freeze({ value: 0, low: 0, high: 0 });

export function exact(n: number): Bytes {
  return { value: n, low: n, high: n };
}

/** A range; `value` is clamped into [low, high]. */
export function range(value: number, low: number, high: number): Bytes {
  const lo = Math.min(low, high);
  const hi = Math.max(low, high);
  return { value: Math.min(Math.max(value, lo), hi), low: lo, high: hi };
}

export function add(a: Bytes, b: Bytes): Bytes {
  return { value: a.value + b.value, low: a.low + b.low, high: a.high + b.high };
}

export function sum(items: Iterable<Bytes>): Bytes {
  let out: Bytes = { ...ZERO };
  for (const b of items) out = add(out, b);
  return out;
}

export function isExact(b: Bytes): boolean {
  return b.low === b.high;
}

export function scale(b: Bytes, factor: number): Bytes {
  return { value: b.value * factor, low: b.low * factor, high: b.high * factor };
}

export function roundBytes(b: Bytes): Bytes {
  return { value: Math.round(b.value), low: Math.round(b.low), high: Math.round(b.high) };
}

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/**
 * Parses a size as people write it: `120MB`, `120 MB`, `1.2GB`, `300MiB`, `4096` (bytes).
 * MB/GB are decimal (as `docker images` shows them), MiB/GiB binary. Null when it is not a size.
 */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  const factor = unit === '' ? 1 : UNITS[unit];
  if (factor === undefined || !Number.isFinite(n)) return null;
  const bytes = Math.round(n * factor);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

const SI = ['B', 'kB', 'MB', 'GB', 'TB'];

/** SI units with three significant digits, as dive (go-humanize) prints them: `0 B`, `812 B`, `19.6 MB`, `1.02 GB`. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '? B';
  const sign = n < 0 ? '-' : '';
  let v = Math.abs(n);
  if (v < 1000) return `${sign}${Math.round(v)} B`;
  let unit = 0;
  while (v >= 999.5 && unit < SI.length - 1) {
    v /= 1000;
    unit++;
  }
  const digits = v >= 99.95 ? 0 : v >= 9.995 ? 1 : 2;
  const text = v.toFixed(digits).replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
  return `${sign}${text} ${SI[unit] as string}`;
}

/** `19.6 MB`, or `19.6 MB (19.6–31.6 MB)` when the range is wider than the rounding. */
export function formatRange(b: Bytes): string {
  const value = formatBytes(b.value);
  const low = formatBytes(b.low);
  const high = formatBytes(b.high);
  if (low === high) return value;
  return `${value} (${low}–${high})`;
}
