import { describe, expect, it } from 'vitest';
import { decodeDebianIndex, DebianIndexFormatError } from '../src/core/simulate/debian/index.ts';
import {
  encodeIndex,
  mergePackages,
  parsePackages,
  parseRelations,
  parseReleaseFields,
  parseStanzas,
} from './debian-index.ts';

// Excerpts in the shape of the real bookworm Packages files (fields trimmed).
const MAIN = `Package: base-files
Version: 12.4+deb12u5
Installed-Size: 394
Maintainer: Santiago Vila <sanvila@debian.org>
Architecture: amd64
Replaces: base, dpkg (<= 1.15.0), miscutils
Provides: base
Pre-Depends: awk
Breaks: debian-security-support (<< 2019.04.25), initscripts (<< 2.88dsf-13.3), sendfile (<< 2.1b.20080616-5.2~)
Description: Debian base system miscellaneous files
 This package contains the basic filesystem hierarchy of a Debian system, and
 several important miscellaneous files.
 .
 It also contains /etc/os-release.
Tag: admin::configuring, implemented-in::shell,
 protocol::ssl, role::app-data
Essential: yes
Section: admin
Priority: required
Filename: pool/main/b/base-files/base-files_12.4+deb12u5_amd64.deb
Size: 70752

Package: mawk
Version: 1.3.4.20200120-3.1
Installed-Size: 263
Architecture: amd64
Multi-Arch: foreign
Provides: awk
Pre-Depends: libc6 (>= 2.29)
Priority: required
Size: 119920

Package: curl
Version: 7.88.1-10+deb12u8
Installed-Size: 489
Architecture: amd64
Depends: libc6 (>= 2.34), libcurl4 (= 7.88.1-10+deb12u8), zlib1g (>= 1:1.1.4)
Priority: optional
Size: 315764

Package: libcurl4
Version: 7.88.1-10+deb12u8
Installed-Size: 840
Architecture: amd64
Depends: libbrotli1 (>= 0.6.0), libc6 (>= 2.34), libgssapi-krb5-2 (>= 1.17) | libk5crypto3, python3:any
Recommends: ca-certificates
Priority: optional
Size: 390000

Package: libc6
Version: 2.36-9+deb12u7
Installed-Size: 12986
Architecture: amd64
Depends: libgcc-s1
Recommends: libidn2-0 (>= 2.0.5~)
Priority: optional
Size: 2757936

Package: node-tap-parser
Version: 11.0.2+~cs2.1.4-1
Installed-Size: 161
Architecture: all
Depends: node-minipass, node-yaml (>= 2.0.1~), nodejs:any
Provides: node-events-to-array (= 1.1.2), node-tap-yaml (= 1.0.2), node-yaml (= 1.10.2)
Priority: optional
Size: 30000

Package: node-yaml
Version: 2.1.3-2
Installed-Size: 700
Architecture: all
Priority: optional
Size: 150000

Package: gawk
Version: 1:5.2.1-2
Installed-Size: 3000
Architecture: amd64
Provides: awk
Suggests: gawk-doc
Priority: optional
Size: 600000

Package: odd
Version: 1.0
Installed-Size: 1
Architecture: amd64
Depends: a (< 2) | b (> 1), c [amd64]
Priority: bogus
`;

const SECURITY = `Package: libc6
Version: 2.36-9+deb12u10
Installed-Size: 13001
Architecture: amd64
Depends: libgcc-s1
Recommends: libidn2-0 (>= 2.0.5~)
Priority: optional
Size: 2760000

Package: curl
Version: 7.88.1-10+deb12u1
Installed-Size: 480
Architecture: amd64
Depends: libc6 (>= 2.34), libcurl4 (= 7.88.1-10+deb12u1)
Priority: optional
Size: 300000
`;

describe('parseStanzas', () => {
  it('splits stanzas, joins continuation lines and keeps field order', () => {
    const stanzas = parseStanzas(MAIN);
    expect(stanzas).toHaveLength(9);
    const base = stanzas[0];
    expect(base?.get('Package')).toBe('base-files');
    expect(base?.get('Description')).toBe(
      'Debian base system miscellaneous files\nThis package contains the basic filesystem hierarchy of a Debian system, and\nseveral important miscellaneous files.\n.\nIt also contains /etc/os-release.',
    );
    expect(base?.get('Essential')).toBe('yes');
    expect(parseStanzas('\n\nA: 1\r\n\r\n\r\nA: 2\n')).toHaveLength(2);
  });

  it('reads the Date of a clear-signed InRelease', () => {
    const rel = parseReleaseFields(
      '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nOrigin: Debian\nSuite: stable\nVersion: 13.8\nCodename: trixie\nDate: Sat, 21 Nov 2026 09:15:44 UTC\nMD5Sum:\n abc 1 main/x\n-----BEGIN PGP SIGNATURE-----\n',
    );
    expect(rel.get('Date')).toBe('Sat, 21 Nov 2026 09:15:44 UTC');
    expect(rel.get('Version')).toBe('13.8');
  });
});

describe('parseRelations', () => {
  it('parses alternatives, versions and architecture qualifiers', () => {
    expect(parseRelations('libc6 (>= 2.34), libgssapi-krb5-2 (>= 1.17) | libk5crypto3, python3:any')).toEqual([
      [{ name: 'libc6', versioned: true, op: '>=', version: '2.34' }],
      [
        { name: 'libgssapi-krb5-2', versioned: true, op: '>=', version: '1.17' },
        { name: 'libk5crypto3', versioned: false },
      ],
      [{ name: 'python3', arch: 'any', versioned: false }],
    ]);
  });

  it('maps the obsolete < and > operators and ignores architecture restrictions', () => {
    expect(parseRelations('a (< 2) | b (> 1), c [amd64], d (=1.0)')).toEqual([
      [
        { name: 'a', versioned: true, op: '<=', version: '2' },
        { name: 'b', versioned: true, op: '>=', version: '1' },
      ],
      [{ name: 'c', versioned: false }],
      [{ name: 'd', versioned: true, op: '=', version: '1.0' }],
    ]);
    expect(parseRelations(undefined)).toEqual([]);
    expect(parseRelations(' ')).toEqual([]);
  });
});

describe('parsePackages + mergePackages', () => {
  const all = [...parsePackages(MAIN, 0), ...parsePackages(SECURITY, 1)];
  const merged = mergePackages(all);

  it('reads the fields the simulator needs', () => {
    const base = all.find((p) => p.name === 'base-files');
    expect(base).toMatchObject({
      version: '12.4+deb12u5',
      installedSizeKiB: 394,
      debSize: 70752,
      priority: 'required',
      essential: true,
      preDepends: [[{ name: 'awk', versioned: false }]],
      provides: [{ name: 'base', versioned: false }],
    });
    expect(all.find((p) => p.name === 'odd')?.priority).toBe('extra');
  });

  it('keeps the highest version of each package across suites (dpkg order)', () => {
    const libc6 = merged.packages.find((p) => p.name === 'libc6');
    expect(libc6?.version).toBe('2.36-9+deb12u10');
    expect(libc6?.installedSizeKiB).toBe(13001);
    // deb12u8 > deb12u1: the main suite's curl wins
    expect(merged.packages.find((p) => p.name === 'curl')?.version).toBe('7.88.1-10+deb12u8');
    expect(merged.packages.map((p) => p.name)).toEqual([...merged.packages.map((p) => p.name)].sort());
  });

  it("records apt's package creation order (first mention, `name:any` excluded)", () => {
    const order = [...merged.aptOrder.entries()].sort((a, b) => a[1] - b[1]).map(([n]) => n);
    expect(order.slice(0, 8)).toEqual(['base-files', 'awk', 'base', 'mawk', 'libc6', 'curl', 'libcurl4', 'zlib1g']);
    expect(order.indexOf('gawk-doc')).toBeGreaterThan(order.indexOf('gawk'));
    expect(order).not.toContain('nodejs');
    expect(order).not.toContain('python3');
  });
});

describe('encodeIndex -> decodeDebianIndex', () => {
  const merged = mergePackages([...parsePackages(MAIN, 0), ...parsePackages(SECURITY, 1)]);
  const encoded = encodeIndex(merged, {
    release: 'bookworm',
    minbaseExtra: ['usr-is-merged'],
    sources: [],
    generated: '2026-11-23T00:00:00.000Z',
    generator: 'scripts/debian-index.ts',
    command: 'node scripts/debian-index.ts bookworm',
    notes: [],
  });
  const index = decodeDebianIndex(JSON.parse(JSON.stringify(encoded)));

  it('writes compact columns', () => {
    expect(encoded.header.packageCount).toBe(9);
    expect(encoded.flags).toHaveLength(9);
    // base-files: required + Essential
    expect(encoded.flags[0]).toBe('R');
    expect(encoded.debSize[0]).toBe(Math.ceil(70752 / 1024));
    // `base` (provided, never depended on) is dropped; awk and dependency targets stay
    const names = encoded.names.split('\n');
    expect(names).not.toContain('base');
    expect(names).toEqual(expect.arrayContaining(['awk', 'libgcc-s1', 'node-minipass', 'nodejs', 'a', 'b', 'c']));
  });

  it('round-trips packages, relations and provides', () => {
    const curl = index.packages.get('curl');
    expect(curl).toMatchObject({
      version: '7.88.1-10+deb12u8',
      installedSizeKiB: 489,
      debSizeKiB: 309,
      priority: 'optional',
      essential: false,
    });
    expect(curl?.depends).toEqual([
      [{ name: 'libc6', versioned: true }],
      [{ name: 'libcurl4', versioned: true }],
      [{ name: 'zlib1g', versioned: true }],
    ]);
    expect(index.packages.get('libcurl4')?.depends[2]).toEqual([
      { name: 'libgssapi-krb5-2', versioned: true },
      { name: 'libk5crypto3', versioned: false },
    ]);
    expect(index.packages.get('libcurl4')?.recommends).toEqual([[{ name: 'ca-certificates', versioned: false }]]);
    expect(index.packages.get('base-files')).toMatchObject({ priority: 'required', essential: true });
    expect(index.packages.get('mawk')?.provides).toEqual(['awk']);
    expect(index.packages.has('awk')).toBe(false);
    expect(index.virtualNames.has('awk')).toBe(true);
    expect(index.packages.size).toBe(9);
    expect([...index.packages.keys()]).toEqual([...merged.packages.map((p) => p.name)]);
  });

  it('keeps version constraints only where a versioned Provides exists', () => {
    expect(index.packages.get('node-tap-parser')?.depends[1]).toEqual([
      { name: 'node-yaml', versioned: true, constraint: { op: '>=', version: '2.0.1~' } },
    ]);
    expect(index.providers.get('node-yaml')).toEqual([{ pkg: index.packages.get('node-tap-parser'), version: '1.10.2' }]);
  });

  it("orders providers like apt: Essential, Priority, then the later-created package", () => {
    expect(index.providers.get('awk')?.map((p) => p.pkg.name)).toEqual(['mawk', 'gawk']);
  });

  it('rejects other documents', () => {
    expect(() => decodeDebianIndex({ format: 'x' })).toThrow(DebianIndexFormatError);
    expect(() => decodeDebianIndex({ ...encoded, flags: 'r' })).toThrow(/column lengths/);
    expect(() => decodeDebianIndex({ ...encoded, depends: encoded.depends.replace(/^[^ ]*/, 'zzzzz') })).not.toThrow();
    const broken = decodeDebianIndex({ ...encoded, depends: encoded.depends.replace(/^[^ ]*/, 'zzzzz') });
    expect(() => broken.packages.get(broken.packages.keys().next().value ?? '')?.depends).toThrow(DebianIndexFormatError);
  });
});
