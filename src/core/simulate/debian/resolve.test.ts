import { describe, expect, it } from 'vitest';
import { indexFromStanzas, type Stanza } from '../../../../test/debian/fixture.ts';
import { resolveAptInstall, resolveAptPurge } from './resolve.ts';

const s = (Package: string, fields: Omit<Stanza, 'Package'> = {}): Stanza => ({ Package, 'Installed-Size': '10', ...fields });

const index = indexFromStanzas([
  [
    s('libc6', { Priority: 'required', 'Installed-Size': '13000', Size: '2800000' }),
    s('mawk', { Priority: 'required', Essential: 'yes', Provides: 'awk', Depends: 'libc6' }),
    s('app', { Depends: 'liba (>= 1.2), libc6', Recommends: 'app-doc', 'Installed-Size': '100', Size: '2048' }),
    s('liba', { Depends: 'libc6 (>= 2.36)', 'Installed-Size': '20', Size: '1025' }),
    s('app-doc', { Depends: 'doc-base', Recommends: 'doc-viewer' }),
    s('doc-base'),
    s('doc-viewer'),
    // alternatives
    s('picky', { Depends: 'first | second' }),
    s('first'),
    s('second'),
    s('also-second', { Depends: 'second' }),
    // virtual packages: providers in apt's preference order
    s('needs-awk', { Depends: 'awk' }),
    s('gawk', { Provides: 'awk' }),
    s('needs-mta', { Depends: 'mail-transport-agent' }),
    s('exim4-light', { Provides: 'mail-transport-agent', Priority: 'optional' }),
    s('postfix', { Provides: 'mail-transport-agent', Priority: 'optional' }),
    s('needs-editor', { Depends: 'editor' }),
    s('nano', { Provides: 'editor', Priority: 'important' }),
    s('vim', { Provides: 'editor', Priority: 'optional' }),
    s('needs-single', { Depends: 'single-virtual' }),
    s('only-provider', { Provides: 'single-virtual' }),
    // versioned relations and Provides
    s('node-yaml', { Version: '2.1.3-2' }),
    s('node-tap-parser', { Depends: 'node-yaml (>= 2.0.1~)', Provides: 'node-yaml (= 1.10.2), node-tap-yaml (= 1.0.2)' }),
    s('wants-versioned-virtual', { Depends: 'plain-virtual (>= 1)' }),
    s('plain-provider', { Provides: 'plain-virtual' }),
    s('wants-versioned-ok', { Depends: 'vprov-virtual (>= 2)' }),
    s('vprov', { Provides: 'vprov-virtual (= 3)' }),
    // an alternative whose own dependencies cannot be met is skipped
    s('needs-either', { Depends: 'broken | working' }),
    s('broken', { Depends: 'does-not-exist' }),
    s('working'),
    s('needs-missing', { Depends: 'does-not-exist' }),
    // installed packages' Recommends are not revisited
    s('installed-with-recs', { Recommends: 'not-pulled' }),
    s('not-pulled'),
    s('uses-installed', { Depends: 'installed-with-recs' }),
    // pre-depends come first
    s('pre', { 'Pre-Depends': 'pre-dep', Depends: 'pre-dep2' }),
    s('pre-dep'),
    s('pre-dep2'),
    s('cycle-a', { Depends: 'cycle-b' }),
    s('cycle-b', { Depends: 'cycle-a' }),
  ],
]);

const installed = new Set(['libc6', 'mawk', 'installed-with-recs']);
const names = (r: { packages: readonly { name: string }[] }) => r.packages.map((p) => p.name);

describe('resolveAptInstall', () => {
  it('follows Depends recursively, skips what is installed and sums Installed-Size in bytes', () => {
    const r = resolveAptInstall(index, ['app'], { installed, installRecommends: false });
    expect(names(r)).toEqual(['app', 'liba']);
    expect(r.installedSizeKiB).toBe(120);
    expect(r.installedSizeBytes).toBe(120 * 1024);
    expect(r.downloadSizeKiB).toBe(2 + 2); // .deb sizes rounded up to KiB
    expect(r.packages[0]).toMatchObject({ name: 'app', auto: false, reason: { kind: 'requested' } });
    expect(r.packages[1]).toMatchObject({ name: 'liba', auto: true, reason: { kind: 'depends', of: 'app', relation: 'liba' } });
    expect(r.unknown).toEqual([]);
    expect(r.unsatisfied).toEqual([]);
  });

  it('follows Recommends of every newly installed package with installRecommends', () => {
    const r = resolveAptInstall(index, ['app'], { installed, installRecommends: true });
    expect(names(r)).toEqual(['app', 'liba', 'app-doc', 'doc-base', 'doc-viewer']);
    expect(r.packages.find((p) => p.name === 'doc-viewer')?.reason).toEqual({ kind: 'recommends', of: 'app-doc', relation: 'doc-viewer' });
  });

  it('does not pull Recommends of packages that are already installed', () => {
    const r = resolveAptInstall(index, ['uses-installed'], { installed, installRecommends: true });
    expect(names(r)).toEqual(['uses-installed']);
  });

  it('prefers the first alternative, unless another one is installed or already chosen', () => {
    expect(names(resolveAptInstall(index, ['picky'], { installed, installRecommends: false }))).toEqual(['picky', 'first']);
    expect(
      names(resolveAptInstall(index, ['picky'], { installed: new Set([...installed, 'second']), installRecommends: false })),
    ).toEqual(['picky']);
    // requested packages are all marked before their dependencies are resolved
    expect(names(resolveAptInstall(index, ['picky', 'second'], { installed, installRecommends: false }))).toEqual(['picky', 'second']);
  });

  it('satisfies a virtual package through an installed provider', () => {
    expect(names(resolveAptInstall(index, ['needs-awk'], { installed, installRecommends: false }))).toEqual(['needs-awk']);
  });

  it('picks among providers like apt: Priority first, then the package apt created last', () => {
    expect(names(resolveAptInstall(index, ['needs-editor'], { installed, installRecommends: false }))).toEqual(['needs-editor', 'nano']);
    // same priority: postfix appears after exim4-light in the Packages file, so apt numbers it higher and prefers it
    expect(names(resolveAptInstall(index, ['needs-mta'], { installed, installRecommends: false }))).toEqual(['needs-mta', 'postfix']);
    expect(index.providers.get('mail-transport-agent')?.map((p) => p.pkg.name)).toEqual(['postfix', 'exim4-light']);
    expect(names(resolveAptInstall(index, ['needs-single'], { installed, installRecommends: false }))).toEqual(['needs-single', 'only-provider']);
  });

  it('keeps an already chosen provider', () => {
    const r = resolveAptInstall(index, ['needs-mta', 'exim4-light'], { installed, installRecommends: false });
    expect(names(r)).toEqual(['needs-mta', 'exim4-light']);
  });

  it('compares a versioned Provides with the version constraint', () => {
    // node-tap-parser provides node-yaml 1.10.2 but needs node-yaml >= 2.0.1~: apt installs the real one
    expect(names(resolveAptInstall(index, ['node-tap-parser'], { installed, installRecommends: false }))).toEqual([
      'node-tap-parser',
      'node-yaml',
    ]);
    expect(names(resolveAptInstall(index, ['wants-versioned-ok'], { installed, installRecommends: false }))).toEqual([
      'wants-versioned-ok',
      'vprov',
    ]);
  });

  it('never lets an unversioned Provides satisfy a versioned dependency', () => {
    const r = resolveAptInstall(index, ['wants-versioned-virtual'], { installed, installRecommends: false });
    expect(names(r)).toEqual(['wants-versioned-virtual']);
    expect(r.unsatisfied).toEqual([{ package: 'wants-versioned-virtual', relation: 'plain-virtual' }]);
  });

  it('skips an alternative whose own dependencies cannot be satisfied', () => {
    expect(names(resolveAptInstall(index, ['needs-either'], { installed, installRecommends: false }))).toEqual([
      'needs-either',
      'working',
    ]);
  });

  it('reports critical dependencies nothing provides', () => {
    const r = resolveAptInstall(index, ['needs-missing'], { installed, installRecommends: false });
    expect(r.unsatisfied).toEqual([{ package: 'needs-missing', relation: 'does-not-exist' }]);
  });

  it('visits Pre-Depends before Depends and survives dependency cycles', () => {
    expect(names(resolveAptInstall(index, ['pre'], { installed, installRecommends: false }))).toEqual(['pre', 'pre-dep', 'pre-dep2']);
    expect(names(resolveAptInstall(index, ['cycle-a'], { installed, installRecommends: false }))).toEqual(['cycle-a', 'cycle-b']);
  });

  it('handles requested names like apt-get', () => {
    const r = resolveAptInstall(
      index,
      ['single-virtual', 'mail-transport-agent', 'no-such-package', 'libc6', 'first=1.0-1', 'second:amd64', 'doc-base/bookworm', 'does-not-exist'],
      { installed, installRecommends: false },
    );
    expect(r.selected).toEqual([{ requested: 'single-virtual', selected: 'only-provider' }]);
    expect(names(r)).toEqual(['only-provider', 'first', 'second', 'doc-base']);
    expect(r.alreadyInstalled).toEqual(['libc6']);
    expect(r.unknown.map((u) => u.name)).toEqual(['mail-transport-agent', 'no-such-package', 'does-not-exist']);
    expect(r.unknown[0]?.reason).toMatch(/virtual package provided by postfix, exim4-light/);
    expect(r.unknown[1]?.reason).toMatch(/no package "no-such-package" in Debian test/);
    expect(r.unknown[2]?.reason).toMatch(/referred to by other packages but no package/);
  });
});

describe('resolveAptPurge', () => {
  // state after `apt-get install app` with recommends on top of a base with libc6/mawk
  const afterInstall = new Set([...installed, 'app', 'liba', 'app-doc', 'doc-base', 'doc-viewer', 'picky', 'first']);
  const auto = new Set(['liba', 'app-doc', 'doc-base', 'doc-viewer', 'first']);

  it('removes the package; --auto-remove also removes auto-installed dependencies nothing else needs', () => {
    const r = resolveAptPurge(index, ['app'], { installed: afterInstall, autoInstalled: auto, autoRemove: true });
    expect(r.removed.map((p) => [p.name, p.reason.kind])).toEqual([
      ['app', 'requested'],
      ['liba', 'auto-remove'],
      ['app-doc', 'auto-remove'],
      ['doc-base', 'auto-remove'],
      ['doc-viewer', 'auto-remove'],
    ]);
    expect(r.installedSizeKiB).toBe(100 + 20 + 10 + 10 + 10);
    expect(r.installedSizeBytes).toBe(150 * 1024);
  });

  it('without --auto-remove removes only the package', () => {
    const r = resolveAptPurge(index, ['app'], { installed: afterInstall, autoInstalled: auto, autoRemove: false });
    expect(r.removed.map((p) => p.name)).toEqual(['app']);
  });

  it('removes installed packages that depend on a removed one', () => {
    const r = resolveAptPurge(index, ['liba'], { installed: afterInstall, autoInstalled: auto, autoRemove: false });
    expect(r.removed.map((p) => [p.name, p.reason])).toEqual([
      ['liba', { kind: 'requested' }],
      ['app', { kind: 'depends-on-removed', relation: 'liba' }],
    ]);
  });

  it('keeps what a kept package still depends on, and Recommends unless told otherwise', () => {
    const withApp = resolveAptPurge(index, ['picky'], { installed: afterInstall, autoInstalled: auto, autoRemove: true });
    expect(withApp.removed.map((p) => p.name)).toEqual(['picky', 'first']);
    // app-doc is auto and only recommended by the manual `app`
    const keep = resolveAptPurge(index, [], { installed: afterInstall, autoInstalled: auto, autoRemove: true });
    expect(keep.removed).toEqual([]);
    const drop = resolveAptPurge(index, [], {
      installed: afterInstall,
      autoInstalled: auto,
      autoRemove: true,
      recommendsImportant: false,
    });
    expect(drop.removed.map((p) => p.name)).toEqual(['app-doc', 'doc-base', 'doc-viewer']);
  });

  it('keeps a dependency satisfied by another installed alternative', () => {
    const state = new Set([...installed, 'picky', 'first', 'second']);
    const r = resolveAptPurge(index, ['first'], { installed: state, autoInstalled: new Set(), autoRemove: true });
    expect(r.removed.map((p) => p.name)).toEqual(['first']);
  });

  it('never auto-removes Priority: required or Essential packages, and flags removing Essential ones', () => {
    const r = resolveAptPurge(index, ['mawk'], { installed, autoInstalled: new Set(['libc6']), autoRemove: true });
    expect(r.removed.map((p) => p.name)).toEqual(['mawk']);
    expect(r.essential).toEqual(['mawk']);
  });

  it('reports names that are not installed or unknown', () => {
    const r = resolveAptPurge(index, ['first', 'nope'], { installed, autoRemove: true });
    expect(r.notInstalled).toEqual(['first']);
    expect(r.unknown.map((u) => u.name)).toEqual(['nope']);
    expect(r.removed).toEqual([]);
  });
});
