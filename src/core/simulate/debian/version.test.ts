import { describe, expect, it } from 'vitest';
import { compareDebianVersions } from './version.ts';

const sign = (n: number) => Math.sign(n);

describe('compareDebianVersions (dpkg verrevcmp)', () => {
  it.each([
    // [a, b, expected sign of compare(a, b)]
    ['1.0', '1.0', 0],
    ['1.0', '1.0-0', 0], // an empty revision equals "0" for dpkg
    ['01', '1', 0],
    ['1.0~rc1', '1.0', -1],
    ['1.0~', '1.0', -1],
    ['1.0~~', '1.0~', -1],
    ['1.0', '1.0a', -1],
    ['1.0a', '1.0+', -1], // letters sort before other characters
    ['1.0', '1.0.1', -1],
    ['2.4', '2.30', -1],
    ['1.0-1', '1.0-1+b1', -1],
    ['1.0-1~bpo12+1', '1.0-1', -1],
    ['2.36-9+deb12u10', '2.36-9+deb12u9', 1],
    ['1:0.1', '9.9', 1], // the epoch wins
    ['7.88.1-10+deb12u8', '7.88.1-10+deb12u14', -1],
    ['3.0.22-1~deb12u2', '3.0.20-1~deb12u2', 1],
    ['1.69~deb13u1', '1.69', -1],
    ['2:6.3.0+dfsg-3', '6.3.0+dfsg-3', 1],
  ] as const)('%s vs %s -> %i', (a, b, expected) => {
    expect(sign(compareDebianVersions(a, b))).toBe(expected);
    expect(sign(compareDebianVersions(b, a))).toBe(-expected || 0);
  });

  it('sorts a list like dpkg', () => {
    const sorted = ['1.0-1', '1.0~rc1-1', '1:0.9', '1.0', '1.0+dfsg-1', '0.9.10', '0.9.9'].sort(compareDebianVersions);
    expect(sorted).toEqual(['0.9.9', '0.9.10', '1.0~rc1-1', '1.0', '1.0-1', '1.0+dfsg-1', '1:0.9']);
  });
});
