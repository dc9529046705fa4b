import { describe, expect, it } from 'vitest';
import { exact } from './bytes.ts';
import { analyzeEfficiency, layerBytes, SimFs, type FsEntry } from './filesystem.ts';

const file = (path: string, bytes: number): Omit<FsEntry, 'layer'> => ({ path, kind: 'file', bytes: exact(bytes), what: 'file', compress: 'files' });
const blob = (path: string, bytes: number): Omit<FsEntry, 'layer'> => ({ path, kind: 'blob', bytes: exact(bytes), what: 'blob', compress: 'compressed' });

/** Builds a stack: each inner function writes one layer. */
function stack(...layers: ((w: ReturnType<SimFs['begin']>) => void)[]): SimFs {
  const fs = new SimFs();
  layers.forEach((write, i) => {
    const w = fs.begin(i + 1);
    write(w);
    w.commit();
  });
  return fs;
}

describe('SimFs: layers and whiteouts', () => {
  it('a later removal is a 0-byte whiteout: the image keeps the bytes', () => {
    const fs = stack(
      (w) => w.add(file('/app/big.bin', 5000)),
      (w) => w.remove('/app/big.bin'),
    );
    expect(fs.layers.map((l) => layerBytes(l).value)).toEqual([5000, 0]);
    expect(fs.totalBytes().value).toBe(5000);
    expect(fs.view.has('/app/big.bin')).toBe(false);
    expect(fs.layers[1]?.whiteouts).toMatchObject([{ path: '/app/big.bin', dir: false }]);
  });

  it('a removal in the same layer takes the bytes out of that layer', () => {
    const fs = stack((w) => {
      w.add(file('/tmp/build/a.o', 700));
      w.add(file('/tmp/build/b.o', 300));
      w.add(file('/usr/bin/tool', 100));
      const r = w.remove('/tmp/build');
      expect(r.freedInLayer.value).toBe(1000);
      expect(r.hiddenBelow.value).toBe(0);
    });
    expect(fs.totalBytes().value).toBe(100);
    expect(fs.layers[0]?.whiteouts).toEqual([]);
  });

  it('globs: `dir/*` removes the children of a blob; a deeper path inside a blob is only partly known', () => {
    const fs = stack(
      (w) => w.add(blob('/var/lib/apt/lists', 19_000)),
      (w) => {
        const partial = w.remove('/var/lib/apt/lists/partial');
        expect(partial.partial.map((e) => e.path)).toEqual(['/var/lib/apt/lists']);
        expect(partial.hiddenBelow.value).toBe(0);
        const all = w.remove('/var/lib/apt/lists/*');
        expect(all.hiddenBelow.value).toBe(19_000);
      },
    );
    expect(fs.layers[1]?.whiteouts).toMatchObject([{ path: '/var/lib/apt/lists/*', key: '/var/lib/apt/lists/*', dir: false }]);
    expect(fs.view.size).toBe(0);
  });

  it('shell globs match within one segment and skip dotfiles', () => {
    const fs = stack(
      (w) => {
        w.add(file('/x/a.deb', 10));
        w.add(file('/x/b.deb', 20));
        w.add(file('/x/.hidden.deb', 40));
        w.add(file('/x/sub/c.deb', 80));
      },
      (w) => expect(w.remove('/x/*.deb').hiddenBelow.value).toBe(30),
    );
    expect([...fs.view.keys()].sort()).toEqual(['/x/.hidden.deb', '/x/sub/c.deb']);
  });

  it('removing a directory subsumes the whiteouts this layer made inside it', () => {
    const fs = stack(
      (w) => {
        w.add(file('/d/a', 100));
        w.add(file('/d/b', 200));
      },
      (w) => {
        w.remove('/d/a');
        w.remove('/d');
      },
    );
    expect(fs.layers[1]?.whiteouts.map((x) => [x.path, x.dir, x.hides.value])).toEqual([['/d', true, 300]]);
  });

  it('writing into a directory removed in the same layer makes its whiteout opaque (dive skips it)', () => {
    const fs = stack(
      (w) => w.add(file('/d/old', 100)),
      (w) => {
        w.remove('/d');
        w.add(file('/d/new', 10));
      },
    );
    expect(fs.layers[1]?.whiteouts).toMatchObject([{ path: '/d', opaque: true }]);
    expect([...fs.view.keys()]).toEqual(['/d/new']);
  });

  it('a file replaced in the same layer after its removal needs no whiteout', () => {
    const fs = stack(
      (w) => w.add(file('/etc/conf', 100)),
      (w) => {
        w.remove('/etc/conf');
        w.add(file('/etc/conf', 30));
      },
    );
    expect(fs.layers[1]?.whiteouts).toEqual([]);
    expect(fs.view.get('/etc/conf')?.bytes.value).toBe(30);
  });

  it('clone shares the layers and copies the view', () => {
    const parent = stack((w) => w.add(file('/a', 1)));
    const child = parent.clone();
    const w = child.begin(2);
    w.add(file('/b', 2));
    w.commit();
    expect(parent.layers).toHaveLength(1);
    expect(child.layers).toHaveLength(2);
    expect(parent.view.has('/b')).toBe(false);
  });

  it('opaque content is never matched by removals', () => {
    const fs = stack(
      (w) => w.add({ path: '(base image debian)', kind: 'opaque', bytes: exact(1000), what: 'base', compress: 'packages' }),
      (w) => expect(w.remove('/*').removed).toEqual([]),
    );
    expect(fs.totalBytes().value).toBe(1000);
  });
});

describe("analyzeEfficiency: dive's score and wasted bytes (size-data.md §1)", () => {
  it('a file overwritten in a later layer: every copy is wasted, the score uses the smaller one', () => {
    const fs = stack(
      (w) => w.add(file('/app/data', 1000)),
      (w) => w.add(file('/app/data', 400)),
    );
    const a = analyzeEfficiency(fs.layers);
    expect(a.wastedBytes).toBe(1400);
    expect(a.efficiency).toBeCloseTo(400 / 1400, 12);
    expect(a.inefficiencies).toEqual([{ path: '/app/data', count: 2, bytes: 1400 }]);
    expect([...a.wastedByLayer]).toEqual([
      [1, 1000],
      [2, 400],
    ]);
  });

  it('a file added then removed later: wasted = its size, and it scores 0', () => {
    const fs = stack(
      (w) => w.add(file('/big', 5000)),
      (w) => w.remove('/big'),
    );
    const a = analyzeEfficiency(fs.layers);
    expect(a.wastedBytes).toBe(5000);
    expect(a.efficiency).toBe(0);
  });

  it('`rm -rf dir` later: one whiteout on a new path, no waste, score 1 (the quirk)', () => {
    const fs = stack(
      (w) => {
        w.add(file('/d/a', 1000));
        w.add(file('/d/b', 3000));
      },
      (w) => w.remove('/d'),
    );
    const a = analyzeEfficiency(fs.layers);
    expect(a.wastedBytes).toBe(0);
    expect(a.efficiency).toBe(1);
    expect(fs.totalBytes().value).toBe(4000);
  });

  it('`rm -rf dir/*` later: each child is whiteouted, so all of them count as wasted', () => {
    const fs = stack(
      (w) => {
        w.add(file('/d/a', 1000));
        w.add(file('/d/b', 3000));
      },
      (w) => w.remove('/d/*'),
    );
    const a = analyzeEfficiency(fs.layers);
    expect(a.wastedBytes).toBe(4000);
    expect(a.efficiency).toBe(0);
  });

  it('the same quirk for a blob: lists removed as a directory vs. their children', () => {
    const dir = analyzeEfficiency(stack((w) => w.add(blob('/var/lib/apt/lists', 19_000)), (w) => w.remove('/var/lib/apt/lists')).layers);
    expect([dir.wastedBytes, dir.efficiency]).toEqual([0, 1]);
    const children = analyzeEfficiency(stack((w) => w.add(blob('/var/lib/apt/lists', 19_000)), (w) => w.remove('/var/lib/apt/lists/*')).layers);
    expect([children.wastedBytes, children.efficiency]).toEqual([19_000, 0]);
  });

  it("dive's TestEfficiency scenario with real tar sizes scores 23000/28000 and wastes 7000", () => {
    // Layer 0: nginx.conf 2000, public 3000; layer 1: nginx.conf 5000, athing 10000; layer 2: rm -rf /etc/nginx.
    // dive's unit test expects 0.75 only because its synthetic parent directories are not directories;
    // with real data the whiteout of /etc/nginx is sized by what it hides (5000 + 3000).
    const fs = stack(
      (w) => {
        w.add(file('/etc/nginx/nginx.conf', 2000));
        w.add(file('/etc/nginx/public', 3000));
      },
      (w) => {
        w.add(file('/etc/nginx/nginx.conf', 5000));
        w.add(file('/etc/athing', 10_000));
      },
      (w) => w.remove('/etc/nginx'),
    );
    const a = analyzeEfficiency(fs.layers);
    expect(a.efficiency).toBeCloseTo(23_000 / 28_000, 12);
    expect(a.wastedBytes).toBe(7000);
    expect(a.inefficiencies).toEqual([{ path: '/etc/nginx/nginx.conf', count: 2, bytes: 7000 }]);
    expect(fs.layers[2]?.whiteouts[0]?.hides.value).toBe(8000);
  });

  it('an empty image scores 1 and wastes nothing; a base-only image too', () => {
    expect(analyzeEfficiency([])).toMatchObject({ efficiency: 1, wastedBytes: 0 });
    const base = stack((w) => w.add({ path: '(base image alpine)', kind: 'opaque', bytes: exact(7_800_000), what: 'base', compress: 'packages' }));
    expect(analyzeEfficiency(base.layers)).toMatchObject({ efficiency: 1, wastedBytes: 0 });
  });

  it('chmod-style copy-up (same path re-added) is a duplicate even with identical bytes', () => {
    const fs = stack(
      (w) => w.add(file('/app/run.sh', 250)),
      (w) => w.add(file('/app/run.sh', 250)),
    );
    const a = analyzeEfficiency(fs.layers);
    expect(a.wastedBytes).toBe(500);
    expect(a.efficiency).toBe(0.5);
  });
});
