import { describe, expect, it } from 'vitest';
import { indexFromStanzas, type Stanza } from '../../../../test/debian/fixture.ts';
import { debootstrapMinbase } from './minbase.ts';

const s = (Package: string, fields: Omit<Stanza, 'Package'> = {}): Stanza => ({ Package, 'Installed-Size': '100', ...fields });

describe('debootstrapMinbase', () => {
  const stanzas = [
    s('base-files', { Priority: 'required', Essential: 'yes', 'Pre-Depends': 'awk' }),
    s('mawk', { Priority: 'required', Provides: 'awk', Depends: 'libc6' }),
    s('libc6', { Priority: 'optional', Depends: 'libgcc-s1' }),
    s('libgcc-s1', { Priority: 'optional' }),
    s('dpkg', { Priority: 'required', Essential: 'yes', 'Pre-Depends': 'tar | busybox-tar, libc6 (>= 2.34)' }),
    s('tar', { Priority: 'optional' }),
    s('busybox-tar', { Priority: 'optional' }),
    s('essential-not-required', { Priority: 'optional', Essential: 'yes' }),
    s('init-system-helpers', { Priority: 'required', Depends: 'usrmerge | usr-is-merged, perl-base' }),
    s('usrmerge', { Priority: 'optional', Depends: 'perl' }),
    s('perl', { Priority: 'standard' }),
    s('perl-base', { Priority: 'required' }),
    s('usr-is-merged', { Priority: 'optional' }),
    s('apt', { Priority: 'important', Depends: 'libapt-pkg6.0, gpgv | gpgv2, adduser', Recommends: 'ca-certificates' }),
    s('libapt-pkg6.0', { Priority: 'optional' }),
    s('gpgv', { Priority: 'optional' }),
    s('gpgv2', { Priority: 'optional' }),
    s('adduser', { Priority: 'important' }),
    s('ca-certificates', { Priority: 'optional' }),
    s('bash', { Priority: 'optional' }),
  ];

  it('installs Priority: required, Essential, apt and their Depends closure with first alternatives only', () => {
    const base = debootstrapMinbase(indexFromStanzas([stanzas], 'test', ['usr-is-merged']));
    expect([...base.names].sort()).toEqual(
      [
        'adduser',
        'apt',
        'base-files',
        'dpkg',
        'essential-not-required',
        'gpgv',
        'init-system-helpers',
        'libapt-pkg6.0',
        'libc6',
        'libgcc-s1',
        'mawk',
        'perl-base',
        'tar',
        'usr-is-merged',
      ].sort(),
    );
    // virtual first alternative (awk) is dropped, usrmerge is excluded, no Recommends
    expect(base.names.has('usrmerge')).toBe(false);
    expect(base.names.has('ca-certificates')).toBe(false);
    expect(base.installedSizeKiB).toBe(base.names.size * 100);
  });

  it('adds usr-is-merged only where the release header asks for it', () => {
    const base = debootstrapMinbase(indexFromStanzas([stanzas], 'test', []));
    expect(base.names.has('usr-is-merged')).toBe(false);
  });
});
