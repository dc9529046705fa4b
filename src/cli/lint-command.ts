/** `layerlab lint [options] [FILE...|-]` */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.ts';
import { applyFixes } from '../core/lint/apply-fixes.ts';
import { FAILURE_THRESHOLDS, type ResolvedConfig } from '../core/lint/config.ts';
import type { BuildContextInfo } from '../core/lint/define-rule.ts';
import { rules } from '../core/lint/registry.ts';
import { DOCS_BASE_URL } from '../core/lint/run-rules.ts';
import { createNodeLinter, type NodeLinter } from '../node/engine.ts';
import { list, oneOf, parseCommandArgs, str, type OptionSpec } from './args.ts';
import { assertDirectory, readBuildContext } from './build-context.ts';
import { createColors, useColor } from './colors.ts';
import { loadConfig } from './config.ts';
import { FORMATS, formatReport } from './format/index.ts';
import { CliError, describeFsError, EXIT_USAGE, type CliIO } from './io.ts';
import { displayPath, exitCodeOf, STDIN_NAME, type FileFailure, type FileReport, type LintReport } from './report.ts';
import { LINT_USAGE } from './usage.ts';
import { packageVersion } from './version.ts';

export const LINT_OPTIONS: OptionSpec = {
  format: { type: 'string', short: 'f' },
  'failure-threshold': { type: 'string', short: 't' },
  fix: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  ignore: { type: 'string', multiple: true },
  'trusted-registry': { type: 'string', multiple: true },
  context: { type: 'string' },
  'no-context': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'no-color': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'docs-base-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** Lint + fix passes until nothing changes. */
export const MAX_FIX_PASSES = 10;

export async function lintCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('lint', args, LINT_OPTIONS);
  if (values['help']) {
    io.stdout.write(LINT_USAGE);
    return 0;
  }
  const format = oneOf('lint', '--format', str(values['format']), FORMATS, 'stylish');
  const threshold = oneOf('lint', '--failure-threshold', str(values['failure-threshold']), FAILURE_THRESHOLDS);
  const fix = values['fix'] === true;
  const quiet = values['quiet'] === true;
  const docsBaseUrl = checkDocsBaseUrl(str(values['docs-base-url']));
  const contextFlag = str(values['context']);
  if (contextFlag !== undefined && values['no-context']) throw new CliError('layerlab lint: --context and --no-context contradict each other. Pass only one of them.');
  const stdinName = str(values['stdin-filename']);

  // Inputs: the files given, or ./Dockerfile.
  // The same file named twice (e.g. `Dockerfile ./Dockerfile`) is linted once.
  const seen = new Set<string>();
  let inputs = positionals.filter((p) => {
    const key = p === '-' ? '-' : path.resolve(io.cwd, p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (inputs.length === 0) {
    if (!existsSync(path.join(io.cwd, 'Dockerfile'))) {
      io.stderr.write(`layerlab lint: no FILE given and there is no Dockerfile in ${io.cwd}. Pass the Dockerfile to lint, or - to read standard input.\n\n${LINT_USAGE}`);
      return EXIT_USAGE;
    }
    inputs = ['Dockerfile'];
  }
  if (stdinName !== undefined && !inputs.includes('-')) throw new CliError('layerlab lint: --stdin-filename names standard input, but no "-" was given. Add - to read the Dockerfile from standard input.');

  const { config } = await loadConfig({
    cwd: io.cwd,
    explicit: str(values['config']),
    flags: { ignore: list(values['ignore']), trustedRegistries: list(values['trusted-registry']), failureThreshold: threshold },
    rules,
  });

  const contextDir = contextFlag !== undefined ? path.resolve(io.cwd, contextFlag) : undefined;
  if (contextDir !== undefined) await assertDirectory(contextDir, contextFlag ?? contextDir);

  const linter = await createNodeLinter();
  const note = (message: string) => io.stderr.write(`${message}\n`);
  const contexts = new Map<string, Promise<BuildContextInfo>>();
  const contextFor = (dockerfile: string | null): Promise<BuildContextInfo> | null => {
    if (values['no-context']) return null;
    const dir = contextDir ?? (dockerfile ? path.dirname(dockerfile) : undefined);
    if (dir === undefined) return null;
    const key = `${dir}\u0000${dockerfile ?? ''}`;
    let info = contexts.get(key);
    if (!info) {
      info = readBuildContext(dir, dockerfile, note);
      contexts.set(key, info);
    }
    return info;
  };

  const files: FileReport[] = [];
  const failures: FileFailure[] = [];
  let fixedStdin: string | null = null;
  for (const input of inputs) {
    const isStdin = input === '-';
    const shown = isStdin ? (stdinName !== undefined ? displayPath(stdinName, io.cwd) : STDIN_NAME) : displayPath(input, io.cwd);
    const absolute = isStdin ? null : path.resolve(io.cwd, input);
    let raw: string;
    try {
      raw = isStdin ? await io.readStdin() : await readFile(absolute ?? input, 'utf8');
    } catch (error) {
      const hint = (error as NodeJS.ErrnoException).code === 'EISDIR' ? ` Pass the Dockerfile inside it, e.g. ${shown}/Dockerfile.` : '';
      const message = `cannot read ${shown}: ${describeFsError(error)}.${hint}`;
      failures.push({ file: shown, message });
      io.stderr.write(`layerlab lint: ${message}\n`);
      continue;
    }
    const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
    const original = raw.slice(bom.length);
    const context = (await contextFor(absolute)) ?? null;
    const linted = lintText(linter, original, { config, context, docsBaseUrl }, fix);
    if (linted.unsettled) note(`layerlab lint: note: fixes in ${shown} still changed the file after ${MAX_FIX_PASSES} passes; stopped there. Run again to continue.`);
    if (fix && linted.text !== original) {
      if (isStdin) fixedStdin = bom + linted.text;
      else {
        try {
          await writeFile(absolute ?? input, bom + linted.text, 'utf8');
        } catch (error) {
          const message = `cannot write the fixes to ${shown}: ${describeFsError(error)}.`;
          failures.push({ file: shown, message });
          io.stderr.write(`layerlab lint: ${message}\n`);
        }
      }
    } else if (fix && isStdin) fixedStdin = raw;
    if (fix && format !== 'stylish' && linted.fixes > 0) note(`layerlab lint: applied ${linted.fixes} fix${linted.fixes === 1 ? '' : 'es'} to ${shown}`);
    files.push({
      file: shown,
      stdin: isStdin,
      diagnostics: quiet ? linted.diagnostics.filter((d) => d.severity === 'error') : linted.diagnostics,
      fixesApplied: linted.fixes,
      suppressed: linted.suppressed,
      source: linted.text,
    });
  }

  const report: LintReport = { files, failures, threshold: config.failureThreshold, config, rules, version: packageVersion(), docsBaseUrl, cwd: io.cwd };
  // With `--fix -` the fixed Dockerfile owns stdout; the report goes to stderr.
  const sink = fixedStdin !== null ? io.stderr : io.stdout;
  const colors = createColors(format === 'stylish' && useColor({ noColorFlag: values['no-color'] === true, isTTY: sink.isTTY, env: io.env }));
  if (fixedStdin !== null) io.stdout.write(fixedStdin);
  sink.write(formatReport(format, report, colors));
  return exitCodeOf(report);
}

interface Linted {
  text: string;
  diagnostics: Diagnostic[];
  suppressed: number;
  fixes: number;
  unsettled: boolean;
}

function lintText(linter: NodeLinter, text: string, options: { config: ResolvedConfig; context: BuildContextInfo | null; docsBaseUrl: string }, fix: boolean): Linted {
  let current = text;
  let result = linter.lint(current, options);
  let fixes = 0;
  if (fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const { text: next, applied } = applyFixes(current, result.diagnostics);
      if (applied === 0 || next === current) return { text: current, diagnostics: result.diagnostics, suppressed: result.suppressedCount, fixes, unsettled: false };
      current = next;
      fixes += applied;
      result = linter.lint(current, options);
    }
    const unsettled = applyFixes(current, result.diagnostics).text !== current;
    return { text: current, diagnostics: result.diagnostics, suppressed: result.suppressedCount, fixes, unsettled };
  }
  return { text: current, diagnostics: result.diagnostics, suppressed: result.suppressedCount, fixes, unsettled: false };
}

function checkDocsBaseUrl(value: string | undefined): string {
  if (value === undefined) return DOCS_BASE_URL;
  if (!URL.canParse(value)) throw new CliError(`layerlab: --docs-base-url "${value}" is not an absolute URL. Pass one like https://example.com/layerlab/rules/ (the rule id is appended).`);
  return value.endsWith('/') ? value : `${value}/`;
}

export { checkDocsBaseUrl };
