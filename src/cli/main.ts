/**
 * The `layerlab` command line. bin/layerlab.mjs calls main(process.argv.slice(2)) and exits with the
 * number it returns. User mistakes are messages with an exit code, never stack traces.
 */
import { closest } from './args.ts';
import { CliError, EXIT_USAGE, processIO, type CliIO } from './io.ts';
import { MAIN_USAGE, USAGES } from './usage.ts';
import { packageVersion } from './version.ts';

const COMMANDS = ['lint', 'simulate', 'rules', 'help'] as const;

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`layerlab: internal error (a bug in Layerlab, not in your Dockerfile). Please report it with the command you ran.\n${detail}\n`);
    return EXIT_USAGE;
  }
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(`layerlab: no command given.\n\n${MAIN_USAGE}`);
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    io.stdout.write(MAIN_USAGE);
    return 0;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  switch (first) {
    // Loaded on demand, so --help and --version stay fast and work even if a rule module is broken.
    case 'lint':
      return (await import('./lint-command.ts')).lintCommand(rest, io);
    case 'simulate':
      return (await import('./commands/simulate.ts')).simulateCommand(rest, io);
    case 'rules':
      return (await import('./rules-command.ts')).rulesCommand(rest, io);
    case 'help':
      return help(rest, io);
  }
  if (first.startsWith('-')) {
    throw new CliError(`layerlab: unknown option ${first} before the command. Options go after the command, e.g. \`layerlab lint ${first} Dockerfile\`. Run \`layerlab --help\` for usage.`);
  }
  const guess = closest(first, COMMANDS);
  const looksLikeFile = /dockerfile|containerfile|[./\\]/i.test(first);
  const hint = guess ? ` Did you mean \`layerlab ${guess}\`?` : looksLikeFile ? ` To lint a file, run \`layerlab lint ${first}\`.` : '';
  throw new CliError(`layerlab: unknown command "${first}"; the commands are ${COMMANDS.join(', ')}.${hint} Run \`layerlab --help\` for usage.`);
}

function help(args: readonly string[], io: CliIO): number {
  const [topic, ...extra] = args;
  if (topic === undefined) {
    io.stdout.write(MAIN_USAGE);
    return 0;
  }
  const text = USAGES[topic];
  if (!text || extra.length > 0) {
    const guess = closest(topic, COMMANDS);
    throw new CliError(`layerlab help: no help for "${[topic, ...extra].join(' ')}"; the commands are ${COMMANDS.join(', ')}.${guess && guess !== topic ? ` Did you mean \`layerlab help ${guess}\`?` : ''}`);
  }
  io.stdout.write(text);
  return 0;
}
