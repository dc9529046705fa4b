/** `layerlab simulate [FILE|-] [--context DIR] [--no-context] [--target STAGE] [--format text|json]` */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDockerfile } from '../../core/parse/parse.ts';
import { splitImageRef } from '../../core/parse/image-ref.ts';
import { imageKey } from '../../core/simulate/base-images.ts';
import { parseSize } from '../../core/simulate/bytes.ts';
import { resolveTarget, simulateDockerfile, stageNames } from '../../core/simulate/simulate.ts';
import { loadShellParser } from '../../node/shell-binaries.ts';
import { readContextFiles } from '../../node/simulation-context.ts';
import { loadSimulationData } from '../../node/simulation-data.ts';
import { list, oneOf, parseCommandArgs, str, type OptionSpec } from '../args.ts';
import { createColors, useColor } from '../colors.ts';
import { CliError, describeFsError, EXIT_USAGE, type CliIO } from '../io.ts';
import { displayPath, STDIN_NAME } from '../report.ts';
import { SIMULATE_USAGE } from '../usage.ts';
import { packageVersion } from '../version.ts';
import { formatSimulateJson, formatSimulateText, type SimulateReport } from './simulate-format.ts';

export const SIMULATE_FORMATS = ['text', 'json'] as const;

export const SIMULATE_OPTIONS: OptionSpec = {
  format: { type: 'string', short: 'f' },
  context: { type: 'string' },
  'no-context': { type: 'boolean' },
  target: { type: 'string' },
  'base-size': { type: 'string', multiple: true },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export async function simulateCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('simulate', args, SIMULATE_OPTIONS);
  if (values['help']) {
    io.stdout.write(SIMULATE_USAGE);
    return 0;
  }
  const format = oneOf('simulate', '--format', str(values['format']), SIMULATE_FORMATS, 'text');
  const contextFlag = str(values['context']);
  if (contextFlag !== undefined && values['no-context']) throw new CliError('layerlab simulate: --context and --no-context contradict each other. Pass only one of them.');
  if (positionals.length > 1) throw new CliError(`layerlab simulate: one Dockerfile at a time; got ${positionals.length} (${positionals.join(', ')}). Run it once per file.`);
  const baseImageSizes = parseBaseSizes(list(values['base-size']));

  let input = positionals[0];
  if (input === undefined) {
    if (!existsSync(path.join(io.cwd, 'Dockerfile'))) {
      io.stderr.write(`layerlab simulate: no FILE given and there is no Dockerfile in ${io.cwd}. Pass the Dockerfile to simulate, or - to read standard input.\n\n${SIMULATE_USAGE}`);
      return EXIT_USAGE;
    }
    input = 'Dockerfile';
  }
  const isStdin = input === '-';
  const shown = isStdin ? STDIN_NAME : displayPath(input, io.cwd);
  const absolute = isStdin ? null : path.resolve(io.cwd, input);
  let text: string;
  try {
    text = isStdin ? await io.readStdin() : await readFile(absolute ?? input, 'utf8');
  } catch (error) {
    const hint = (error as NodeJS.ErrnoException).code === 'EISDIR' ? ` Pass the Dockerfile inside it, e.g. ${shown}/Dockerfile.` : '';
    throw new CliError(`layerlab simulate: cannot read ${shown}: ${describeFsError(error)}.${hint}`);
  }
  text = text.replace(/^\uFEFF/, '');

  const shell = await loadShellParser();
  const { dockerfile } = parseDockerfile(text, { shell });
  if (dockerfile.stages.length === 0) throw new CliError(`layerlab simulate: ${shown} has no FROM instruction, so there is no image to simulate.`);
  const targetFlag = str(values['target']);
  if (targetFlag !== undefined && resolveTarget(dockerfile, targetFlag) === null) {
    const names = stageNames(dockerfile);
    throw new CliError(
      `layerlab simulate: --target ${targetFlag}: ${shown} has no stage of that name. ${names.length > 0 ? `Its named stages are ${names.join(', ')}.` : 'None of its stages is named (name one with `FROM image AS name`).'}`,
    );
  }

  // The build context: --context DIR, else the Dockerfile's directory (none for stdin or --no-context).
  let context: SimulateReport['context'] = null;
  let virtual = null;
  const contextDir = values['no-context'] ? null : contextFlag !== undefined ? path.resolve(io.cwd, contextFlag) : absolute ? path.dirname(absolute) : null;
  if (contextDir !== null) {
    await assertDirectory(contextDir, contextFlag ?? displayPath(contextDir, io.cwd));
    const walk = await readContextFiles(contextDir, { dockerfile: absolute });
    for (const e of walk.errors) io.stderr.write(`layerlab simulate: note: ${e}\n`);
    if (walk.capped) io.stderr.write(`layerlab simulate: note: the build context has more than ${walk.files} files; stopped reading there, so COPY sizes may be incomplete.\n`);
    virtual = walk.context;
    context = {
      dir: contextDir === path.resolve(io.cwd) ? '.' : displayPath(contextDir, io.cwd),
      files: walk.files,
      bytes: walk.totalBytes,
      ignored: walk.ignored,
      capped: walk.capped,
      dockerignore: walk.dockerignoreFile ? displayPath(walk.dockerignoreFile, io.cwd) : null,
    };
  }

  let data;
  try {
    // The Debian package indexes are needed only to size apt installs.
    const runsApt = dockerfile.instructions.some((i) => (i.shell?.commands ?? []).concat(i.trigger?.shell?.commands ?? []).some((c) => c.name === 'apt-get' || c.name === 'apt'));
    data = await loadSimulationData({ debian: runsApt });
  } catch (error) {
    throw new CliError(`layerlab simulate: cannot load the size data: ${error instanceof Error ? error.message : String(error)}. Reinstall Layerlab.`);
  }
  const result = simulateDockerfile(dockerfile, data, { target: targetFlag, context: virtual, baseImageSizes });
  const report: SimulateReport = { file: shown, result, version: packageVersion(), context };
  if (format === 'json') io.stdout.write(formatSimulateJson(report));
  else {
    const colors = createColors(useColor({ noColorFlag: values['no-color'] === true, isTTY: io.stdout.isTTY, env: io.env }));
    io.stdout.write(formatSimulateText(report, colors));
  }
  return 0;
}

/** `--base-size myco/base:1=120MB` (repeatable): sizes for images the table does not know. */
function parseBaseSizes(items: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const eq = item.lastIndexOf('=');
    const image = eq > 0 ? item.slice(0, eq).trim() : '';
    const bytes = eq > 0 ? parseSize(item.slice(eq + 1)) : null;
    if (image === '' || bytes === null) {
      throw new CliError(`layerlab simulate: --base-size "${item}" is not IMAGE=SIZE. Write it like --base-size myco/base:1=120MB (MB = 1,000,000 bytes, MiB = 1,048,576).`);
    }
    out[imageKey(splitImageRef(image))] = bytes;
  }
  return out;
}

async function assertDirectory(dir: string, shown: string): Promise<void> {
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch (error) {
    throw new CliError(`layerlab simulate: build context ${shown}: ${describeFsError(error)}. Pass an existing directory to --context, or --no-context.`);
  }
  if (!isDir) throw new CliError(`layerlab simulate: build context ${shown} is not a directory. Pass the directory you give to \`docker build\`, or --no-context.`);
}

