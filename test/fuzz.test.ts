/**
 * Property tests: whatever text comes in, lint never throws, no rule crashes, every span (and every
 * fix edit) lies inside the document, and applying the fixes gives text that lints the same way.
 *
 * Three sources of input: (a) Dockerfiles from a grammar-ish generator, (b) mutations of the corpus
 * files, (c) completely random strings. Runs are reproducible: a fixed seed by default.
 *   FUZZ_SEED=<n>       use that seed;  FUZZ_SEED=random  a fresh seed (printed)
 *   FUZZ_SCALE=<x>      multiply the number of runs (e.g. 10 for a longer local run)
 * A failure message from fast-check carries the seed and path to replay it.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../src/node/engine.ts';
import { generatedDockerfile, mutatedCorpusFile, randomText } from './corpus/fuzz-arbitraries.ts';
import { checkLint } from './corpus/invariants.ts';

const SEED = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20250611);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1) || 1;
if (process.env.FUZZ_SEED === 'random') console.log(`fuzz seed: ${SEED} (replay with FUZZ_SEED=${SEED})`);

/** Default run counts: 10,000 cases in total. */
const RUNS = { generated: 4500, mutated: 2500, random: 3000 };
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));
/** About 30 s for all on an idle 2-core machine; generous limits so a busy machine does not flake. */
const TIMEOUT = 240_000 * SCALE;

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});

function assertClean(text: string): void {
  const { problems } = checkLint(linter, text);
  if (problems.length > 0) throw new Error(`${problems.length} invariant violation(s):\n${problems.slice(0, 10).join('\n')}\n--- input: ${JSON.stringify(text)}`);
}

describe(`fuzz (seed ${SEED})`, () => {
  test('generated Dockerfiles', () => {
    fc.assert(fc.property(generatedDockerfile, assertClean), { seed: SEED, numRuns: runs(RUNS.generated) });
  }, TIMEOUT);

  test('mutated corpus files', () => {
    fc.assert(fc.property(mutatedCorpusFile, assertClean), { seed: SEED + 1, numRuns: runs(RUNS.mutated) });
  }, TIMEOUT);

  test('random strings', () => {
    fc.assert(fc.property(randomText, assertClean), { seed: SEED + 2, numRuns: runs(RUNS.random) });
  }, TIMEOUT);

  // Keeps the generator honest: the shapes it is meant to produce do show up in a sample.
  test('the generator covers the intended shapes', () => {
    const sample = fc.sample(generatedDockerfile, { seed: SEED, numRuns: 600 });
    const shapes: [string, RegExp][] = [
      ['RUN heredoc', /RUN [^\n]*<<-?["']?\w+/],
      ['COPY heredoc', /(COPY|ADD) [^\n]*<</],
      ['cache mount', /--mount=type=cache/],
      ['JSON array', /\["/],
      ['continuation', /\\\r?\n/],
      ['CRLF', /\r\n/],
      ['lone CR', /\r(?!\n)/],
      ['escape directive', /^# ?escape=`/m],
      ['ONBUILD', /ONBUILD /i],
      ['command substitution', /\$\(/],
      ['sh -c wrapper', /sh -c/],
      ['non-ASCII', /[^\x00-\x7f]/],
      ['HEALTHCHECK', /HEALTHCHECK/],
      ['lower-case keyword', /^(from|run|copy|env|cmd) /m],
    ];
    for (const [label, re] of shapes) expect(sample.some((t) => re.test(t)), label).toBe(true);
  });
});
