/**
 * `npm run bench`: how fast is Layerlab's full lint compared with its parse floor and with peers?
 *
 * On every corpus file (test/corpus/<group>/*.Dockerfile), after a warm-up, each tool runs REPS
 * times; a file's time is the median of its runs, and the table shows the median and p95 of those
 * per-file times:
 *   parse          dockerfile-ast DockerfileParser.parse (the floor: every tool has to parse)
 *   validate       dockerfile-utils validate (syntax/semantic checks of the VS Code extension)
 *   dockerfilelint the dockerfilelint npm package, run(dir, text)
 *   layerlab       createNodeLinter().lint: parse, shell parsing, syntax checks, every rule
 * plus a generated 1000-instruction Dockerfile (median of several full lints) and throw counts.
 * Prints whether the targets hold and writes bench/results/latest.json.
 *
 * Then a breakdown of Layerlab's time by phase (model building, shell parsing, syntax checks,
 * suppressions, rules) and the slowest rules, on the corpus and on the big file, to show where
 * the time goes.
 *
 * Options: --reps=N (default 15), --check (exit 1 when a target is missed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import * as dockerfilelint from 'dockerfilelint';
import { validate } from 'dockerfile-utils';
import { DEFAULT_CONFIG } from '../src/core/lint/config.ts';
import type { RuleContext } from '../src/core/lint/define-rule.ts';
import { rules } from '../src/core/lint/registry.ts';
import { collectSuppressions } from '../src/core/lint/suppression.ts';
import { validateSyntax } from '../src/core/lint/syntax.ts';
import { parseDockerfile } from '../src/core/parse/parse.ts';
import { createNodeLinter } from '../src/node/engine.ts';
import { corpusFiles } from '../test/corpus/files.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const REPS = Math.max(1, Number(arg('reps') ?? 15));
const WARMUP_ROUNDS = 3;
const BIG_RUNS = 9;

const TARGETS = { medianMs: 2, p95Ms: 8, floorRatio: 3, bigFileMs: 50 };

interface Tool {
  name: string;
  run: (text: string) => unknown;
}

const linter = await createNodeLinter();
const tools: Tool[] = [
  { name: 'parse (dockerfile-ast)', run: (t) => DockerfileParser.parse(t) },
  { name: 'validate (dockerfile-utils)', run: (t) => validate(t) },
  // dockerfilelint looks for a .dockerfilelintrc in the directory given; bench/ has none.
  { name: 'dockerfilelint', run: (t) => dockerfilelint.run(HERE, t) },
  { name: 'layerlab lint', run: (t) => linter.lint(t) },
];

const files = corpusFiles();

function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] ?? 0) + ((s[hi] ?? 0) - (s[lo] ?? 0)) * (pos - lo);
}

/** Times one call; returns NaN when it throws (counted separately). */
function timeOnce(tool: Tool, text: string): number {
  const t0 = performance.now();
  try {
    tool.run(text);
  } catch {
    return NaN;
  }
  return performance.now() - t0;
}

// Warm-up: JIT-compile every tool on every file.
for (let round = 0; round < WARMUP_ROUNDS; round++) for (const tool of tools) for (const f of files) timeOnce(tool, f.text);

interface ToolResult {
  name: string;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  throws: number;
  thrownOn: string[];
  perFile: Record<string, number>;
}

const results: ToolResult[] = [];
for (const tool of tools) {
  const perFile: Record<string, number> = {};
  const times: number[] = [];
  const thrownOn: string[] = [];
  for (const f of files) {
    const runs: number[] = [];
    for (let i = 0; i < REPS; i++) runs.push(timeOnce(tool, f.text));
    if (runs.some(Number.isNaN)) {
      thrownOn.push(f.name);
      continue;
    }
    const m = median(runs);
    perFile[f.name] = round3(m);
    times.push(m);
  }
  results.push({ name: tool.name, medianMs: median(times), p95Ms: quantile(times, 0.95), maxMs: Math.max(...times), throws: thrownOn.length, thrownOn, perFile });
}

/** A realistic 1000-instruction Dockerfile: stages of ARG/ENV/RUN/COPY/... like the corpus. */
function bigDockerfile(instructions: number): string {
  const lines: string[] = ['# syntax=docker/dockerfile:1', 'ARG BASE=debian:bookworm-slim'];
  let n = 0;
  let stage = 0;
  const templates = [
    (i: number) => `RUN apt-get update && apt-get install -y --no-install-recommends pkg${i} libfoo${i}-dev \\\n    && rm -rf /var/lib/apt/lists/*`,
    (i: number) => `COPY --chown=app:app src/module${i}/ /app/module${i}/`,
    (i: number) => `ENV VAR_${i}=value${i} PATH=/opt/tool${i}/bin:$PATH`,
    (i: number) => `RUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir package${i}==1.${i}.0 && python -c "import package${i}"`,
    (i: number) => `RUN set -eux; \\\n    curl -fsSL https://example.com/tool${i}.tar.gz -o /tmp/t.tgz; \\\n    echo "abc${i}  /tmp/t.tgz" | sha256sum -c -; \\\n    tar -xzf /tmp/t.tgz -C /usr/local; rm /tmp/t.tgz`,
    (i: number) => `WORKDIR /app/step${i}`,
    (i: number) => `LABEL org.example.step${i}="step ${i}"`,
    (i: number) => `ARG OPT_${i}=on`,
    (i: number) => `RUN if [ "$OPT_${i}" = on ]; then npm ci --omit=dev && npm cache clean --force; fi`,
    (i: number) => `EXPOSE ${8000 + (i % 1000)}`,
  ];
  while (n < instructions) {
    if (n % 100 === 0) {
      lines.push('', stage === 0 ? 'FROM ${BASE} AS stage0' : `FROM stage${stage - 1} AS stage${stage}`);
      stage++;
    } else {
      lines.push((templates[n % templates.length] ?? templates[0]!)(n));
    }
    n++;
  }
  lines.push('USER 10001', 'CMD ["/app/start"]');
  return lines.join('\n') + '\n';
}

const big = bigDockerfile(1000);
const bigInstructions = linter.lint(big).dockerfile.instructions.length;
for (let i = 0; i < 3; i++) linter.lint(big);
const bigRuns: number[] = [];
for (let i = 0; i < BIG_RUNS; i++) bigRuns.push(timeOnce(tools[3]!, big));
const bigMs = median(bigRuns);
const bigParseMs = median(Array.from({ length: BIG_RUNS }, () => timeOnce(tools[0]!, big)));

// ---- report ----
const [parse, , , layerlab] = results as [ToolResult, ToolResult, ToolResult, ToolResult];
const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const pad = (s: string, n: number): string => s.padEnd(n);
const padL = (s: string, n: number): string => s.padStart(n);

console.log(`Layerlab bench: ${files.length} corpus files, ${REPS} runs each after ${WARMUP_ROUNDS} warm-up rounds, ${rules.length} rules`);
const load = loadavg()[0] ?? 0;
console.log(`node ${process.version}, ${cpus().length} cpu(s): ${cpus()[0]?.model ?? 'unknown'}, load average ${load.toFixed(2)}`);
if (load > cpus().length) console.log(`WARNING: the machine is busy (load ${load.toFixed(1)} on ${cpus().length} cpus): wall-clock times are inflated; rerun on an idle machine.`);
console.log('');
console.log(`${pad('tool', 30)}${padL('median ms', 11)}${padL('p95 ms', 10)}${padL('max ms', 10)}${padL('throws', 8)}${padL('layerlab/x median', 19)}${padL('p95', 8)}`);
for (const r of results) {
  const ratioMed = layerlab.medianMs / r.medianMs;
  const ratioP95 = layerlab.p95Ms / r.p95Ms;
  console.log(`${pad(r.name, 30)}${padL(fmt(r.medianMs), 11)}${padL(fmt(r.p95Ms), 10)}${padL(fmt(r.maxMs), 10)}${padL(String(r.throws), 8)}${padL(r === layerlab ? '-' : `${ratioMed.toFixed(2)}x`, 19)}${padL(r === layerlab ? '-' : `${ratioP95.toFixed(2)}x`, 8)}`);
}
console.log(`\n1000-instruction Dockerfile (${bigInstructions} instructions, ${big.length} chars): full lint median ${fmt(bigMs)} ms over ${BIG_RUNS} runs (parse alone ${fmt(bigParseMs)} ms)`);

for (const r of results) if (r.thrownOn.length > 0) console.log(`${r.name} threw on: ${r.thrownOn.join(', ')}`);
const slowest = Object.entries(layerlab.perFile).sort((a, b) => b[1] - a[1]).slice(0, 5);
console.log(`slowest files for layerlab: ${slowest.map(([n, ms]) => `${n} ${ms.toFixed(2)} ms`).join(', ')}`);

// ---- where Layerlab's time goes ----
interface Breakdown {
  phases: Record<string, number>;
  rules: [string, number][];
}

/** Sums, over the texts, the median time of each phase of a lint (ms), and each rule's check. */
function breakdown(texts: readonly string[], reps: number): Breakdown {
  const phases: Record<string, number> = { 'dockerfile-ast parse': 0, 'model (parse.ts without shell)': 0, 'shell parsing (tree-sitter + commands)': 0, 'syntax checks (dockerfile-utils)': 0, suppressions: 0, 'all rules': 0, 'full lint': 0 };
  const perRule = new Map<string, number>();
  const med = (f: () => unknown): number => median(Array.from({ length: reps }, () => { const t0 = performance.now(); f(); return performance.now() - t0; }));
  for (const text of texts) {
    const parsed = parseDockerfile(text, { shell: linter.shell });
    const add = (k: string, v: number): void => { phases[k] = (phases[k] ?? 0) + v; };
    add('dockerfile-ast parse', med(() => DockerfileParser.parse(text)));
    const model = med(() => parseDockerfile(text));
    add('model (parse.ts without shell)', model);
    add('shell parsing (tree-sitter + commands)', Math.max(0, med(() => parseDockerfile(text, { shell: linter.shell })) - model));
    add('syntax checks (dockerfile-utils)', med(() => validateSyntax(text, parsed.ast)));
    add('suppressions', med(() => collectSuppressions(parsed.dockerfile)));
    // Rules run on a fresh parse each time, in registry order, so lazily built views of the
    // document are paid for by the first rule that needs them, as in a real lint.
    const ruleTimes = rules.map(() => [] as number[]);
    const totals: number[] = [];
    for (let r = 0; r < reps; r++) {
      const fresh = parseDockerfile(text, { shell: linter.shell });
      const ctx: RuleContext = { dockerfile: fresh.dockerfile, config: DEFAULT_CONFIG, syntax: validateSyntax(text, fresh.ast), context: null, report: () => {} };
      let total = 0;
      rules.forEach((rule, i) => {
        const t0 = performance.now();
        try {
          rule.check(ctx);
        } catch {
          // the lint reports a crashing rule as internal-error; here only its time counts
        }
        const t = performance.now() - t0;
        ruleTimes[i]?.push(t);
        total += t;
      });
      totals.push(total);
    }
    rules.forEach((rule, i) => perRule.set(rule.id, (perRule.get(rule.id) ?? 0) + median(ruleTimes[i] ?? [])));
    add('all rules', median(totals));
    add('full lint', med(() => linter.lint(text)));
  }
  return { phases, rules: [...perRule].sort((a, b) => b[1] - a[1]) };
}

const corpusBreakdown = breakdown(files.map((f) => f.text), 5);
const bigBreakdown = breakdown([big], 3);
const share = (b: Breakdown, k: string): string => `${((100 * (b.phases[k] ?? 0)) / (b.phases['full lint'] || 1)).toFixed(0)}%`;
console.log('\nWhere the time goes (ms; corpus = sum over all files of per-file medians; big = the 1000-instruction file):');
console.log(`  ${pad('phase', 42)}${padL('corpus', 10)}${padL('share', 7)}${padL('big', 10)}${padL('share', 7)}`);
for (const k of Object.keys(corpusBreakdown.phases)) {
  console.log(`  ${pad(k, 42)}${padL((corpusBreakdown.phases[k] ?? 0).toFixed(2), 10)}${padL(share(corpusBreakdown, k), 7)}${padL((bigBreakdown.phases[k] ?? 0).toFixed(2), 10)}${padL(share(bigBreakdown, k), 7)}`);
}
console.log('  (dockerfile-ast parse runs inside "model"; the phases add up to about the full lint.)');
console.log(`  slowest rules on the corpus: ${corpusBreakdown.rules.slice(0, 8).map(([id, ms]) => `${id} ${ms.toFixed(2)}`).join(', ')}`);
console.log(`  slowest rules on the big file: ${bigBreakdown.rules.slice(0, 8).map(([id, ms]) => `${id} ${ms.toFixed(2)}`).join(', ')}`);

const checks = [
  { target: `full lint median <= ${TARGETS.medianMs} ms`, value: layerlab.medianMs, ok: layerlab.medianMs <= TARGETS.medianMs },
  { target: `full lint p95 <= ${TARGETS.p95Ms} ms`, value: layerlab.p95Ms, ok: layerlab.p95Ms <= TARGETS.p95Ms },
  { target: `full lint median <= ${TARGETS.floorRatio}x parse floor`, value: layerlab.medianMs / parse.medianMs, ok: layerlab.medianMs <= TARGETS.floorRatio * parse.medianMs },
  { target: `1000-instruction file < ${TARGETS.bigFileMs} ms`, value: bigMs, ok: bigMs < TARGETS.bigFileMs },
  { target: 'layerlab lint never throws', value: layerlab.throws, ok: layerlab.throws === 0 },
];
console.log('\nTargets:');
for (const c of checks) console.log(`  ${c.ok ? 'PASS' : 'FAIL'}  ${pad(c.target, 40)} (${Number.isInteger(c.value) ? c.value : c.value.toFixed(3)})`);
const allOk = checks.every((c) => c.ok);
console.log(allOk ? '\nAll targets hold.' : '\nSome targets are missed (see FAIL above).');

const out = join(HERE, 'results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: round3(load),
      files: files.length,
      reps: REPS,
      rules: rules.length,
      tools: results.map((r) => ({ ...r, medianMs: round3(r.medianMs), p95Ms: round3(r.p95Ms), maxMs: round3(r.maxMs) })),
      ratios: Object.fromEntries(results.filter((r) => r !== layerlab).map((r) => [r.name, { median: round3(layerlab.medianMs / r.medianMs), p95: round3(layerlab.p95Ms / r.p95Ms) }])),
      bigFile: { instructions: bigInstructions, chars: big.length, medianMs: round3(bigMs), parseMs: round3(bigParseMs), runs: bigRuns.map(round3) },
      breakdown: {
        corpus: { phases: roundAll(corpusBreakdown.phases), slowestRules: corpusBreakdown.rules.slice(0, 15).map(([id, ms]) => ({ id, ms: round3(ms) })) },
        bigFile: { phases: roundAll(bigBreakdown.phases), slowestRules: bigBreakdown.rules.slice(0, 15).map(([id, ms]) => ({ id, ms: round3(ms) })) },
      },
      targets: checks,
      allTargetsHold: allOk,
    },
    null,
    2,
  ) + '\n',
);
console.log(`\nwrote ${out}`);
if (process.argv.includes('--check') && !allOk) process.exitCode = 1;

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function roundAll(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round3(v)]));
}
