/** Properties the size model must keep for any Dockerfile built from common steps. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadShellParser } from '../../node/shell-binaries.ts';
import { loadSimulationData } from '../../node/simulation-data.ts';
import { parseDockerfile } from '../parse/parse.ts';
import type { ShellParser } from '../shell/types.ts';
import type { VirtualContext } from './context.ts';
import type { SimulationData } from './data.ts';
import { simulateDockerfile } from './simulate.ts';
import type { Bytes, SimulationResult } from './types.ts';

let shell: ShellParser;
let data: SimulationData;
beforeAll(async () => {
  shell = await loadShellParser();
  data = await loadSimulationData({ debian: true });
}, 30_000);

const CONTEXT: VirtualContext = {
  files: [
    { path: 'app/main.py', bytes: 4_000 },
    { path: 'app/util.py', bytes: 1_500 },
    { path: 'requirements.txt', bytes: 90 },
    { path: 'data/blob.bin', bytes: 700_000 },
  ],
};

const simulate = (text: string, target?: string): SimulationResult => simulateDockerfile(parseDockerfile(text, { shell }).dockerfile, data, { context: CONTEXT, target });

const BASES = ['debian:bookworm', 'alpine:3.21', 'scratch', 'python:3.12-slim', 'myco/base:1', 'node:22-alpine', 'debian:bookworm-slim', 'buildpack-deps:bookworm-curl'];
const PATHS = ['/app', '/app/main.py', '/app/*', '/var/lib/apt/lists', '/var/lib/apt/lists/*', '/var/cache/apk/*', '/tmp/*', '/data', 'app', '*.py', '/srv/x'];
const path = fc.constantFrom(...PATHS);
const source = fc.constantFrom('.', 'app', 'app/main.py', 'requirements.txt', 'data', 'app/*.py');
const dest = fc.constantFrom('/app/', '/srv/x', '.', '/data/', '/app/main.py');

/** Shell commands that add or change files. */
const producer = fc.oneof(
  fc.constant('apt-get update'),
  fc.constant('apk update'),
  fc.constant('apk add curl'),
  fc.constant('apk add --no-cache curl'),
  fc.constant('apt-get update && apt-get install -y curl'),
  fc.constant('apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev'),
  fc.constant('apt-get install -y git'),
  fc.constant('make install'),
  fc.constant('echo hi > /etc/motd'),
  fc.constant('mkdir -p /srv'),
  path.map((p) => `chmod -R 755 ${p}`),
  path.map((p) => `touch ${p}`),
);
/** Shell commands that only remove things. */
const cleanup = fc.oneof(
  path.map((p) => `rm -rf ${p}`),
  fc.constant('apt-get clean'),
  fc.constant('apt-get purge -y --auto-remove gcc'),
  fc.constant('apt-get autoremove -y'),
  fc.constant('apt-mark auto ".*" && apt-get purge -y --auto-remove'),
  fc.constant('apk cache clean'),
  fc.constant('rm -rf /var/lib/apt/lists/* /var/cache/apk/*'),
);
const step = fc.oneof(
  producer.map((c) => `RUN ${c}`),
  cleanup.map((c) => `RUN ${c}`),
  fc.tuple(source, dest).map(([s, d]) => `COPY ${s} ${d}`),
  dest.map((d) => `WORKDIR ${d}`),
  fc.constant('ENV A=1'),
  fc.constant('CMD ["run"]'),
);
const base = fc.constantFrom(...BASES);

const le = (a: Bytes, b: Bytes) => a.value <= b.value && a.low <= b.low && a.high <= b.high;
const same = (a: Bytes, b: Bytes) => a.value === b.value && a.low === b.low && a.high === b.high;

describe('size model properties', () => {
  it('a later `rm` never makes the image smaller', () => {
    fc.assert(
      fc.property(base, fc.array(step, { maxLength: 6 }), fc.array(path, { minLength: 1, maxLength: 3 }), (from, steps, removed) => {
        const text = [`FROM ${from}`, ...steps].join('\n');
        const before = simulate(text).image.totalBytes;
        const after = simulate(`${text}\nRUN rm -rf ${removed.join(' ')}`).image.totalBytes;
        expect(same(after, before)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('moving a cleanup into the RUN before it never makes the image bigger', () => {
    fc.assert(
      fc.property(base, fc.array(step, { maxLength: 4 }), producer, cleanup, fc.array(step, { maxLength: 3 }), (from, before, make, clean, after) => {
        const head = [`FROM ${from}`, ...before];
        const separate = simulate([...head, `RUN ${make}`, `RUN ${clean}`, ...after].join('\n')).image.totalBytes;
        const merged = simulate([...head, `RUN ${make} && ${clean}`, ...after].join('\n')).image.totalBytes;
        expect(le(merged, separate)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('the final image never includes builder-only layers', () => {
    fc.assert(
      fc.property(base, fc.array(step, { maxLength: 5 }), base, fc.array(step, { maxLength: 5 }), fc.boolean(), (b1, builder, b2, final, copy) => {
        const finalText = [`FROM ${b2}`, ...final].join('\n');
        const multiText = [`FROM ${b1} AS builder`, ...builder, `FROM ${b2}`, ...final, ...(copy ? ['COPY --from=builder /app /copied'] : [])].join('\n');
        const multi = simulate(multiText);
        expect(multi.image.layers.every((l) => l.stage === multi.target)).toBe(true);
        if (!copy) {
          expect(same(multi.image.totalBytes, simulate(finalText).image.totalBytes)).toBe(true);
        } else {
          const copied = multi.image.layers[multi.image.layers.length - 1]?.bytes as Bytes;
          const alone = simulate(finalText).image.totalBytes;
          expect(multi.image.totalBytes.value).toBe(alone.value + copied.value);
          expect(multi.image.totalBytes.high).toBe(alone.high + copied.high);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('sizes are consistent: low <= value <= high, the total is the sum of the layers, efficiency in [0, 1]', () => {
    fc.assert(
      fc.property(base, fc.array(step, { maxLength: 8 }), (from, steps) => {
        const r = simulate([`FROM ${from}`, ...steps].join('\n'));
        let value = 0;
        for (const l of r.image.layers) {
          expect(l.bytes.low).toBeLessThanOrEqual(l.bytes.value);
          expect(l.bytes.value).toBeLessThanOrEqual(l.bytes.high);
          expect(l.wastedBytes).toBeGreaterThanOrEqual(0);
          value += l.bytes.value;
        }
        expect(r.image.totalBytes.value).toBe(value);
        expect(r.image.efficiency).toBeGreaterThanOrEqual(0);
        expect(r.image.efficiency).toBeLessThanOrEqual(1);
        expect(r.image.wastedBytes).toBe(r.image.layers.reduce((s, l) => s + l.wastedBytes, 0));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        simulate(`FROM debian:bookworm\n${text}`);
        simulate(text);
      }),
      { numRuns: 300 },
    );
  });
});
