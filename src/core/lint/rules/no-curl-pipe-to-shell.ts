import type { Span } from '../../diagnostic.ts';
import { positionals } from '../../shell/query.ts';
import type { ShellCommand } from '../../shell/types.ts';
import { defineRule } from '../define-rule.ts';
import { commandsOf, runs } from '../helpers.ts';

const FETCHERS = new Set(['curl', 'wget']);
const WRAPPERS = new Set(['sudo', 'doas', 'env', 'exec', 'nice', 'nohup', 'time', 'command']);
/** Programs that run code read from stdin, with the flags that make them take code from an argument instead. */
const RUNNERS: readonly { name: RegExp; codeFlags: RegExp }[] = [
  { name: /^(sh|bash|ash|dash|zsh|ksh)$/, codeFlags: /^-[a-zA-Z]*c[a-zA-Z]*$/ },
  { name: /^python[0-9.]*$/, codeFlags: /^-(c|m)/ },
  { name: /^(perl|ruby|node)$/, codeFlags: /^-(e|E|p)$/ },
  { name: /^php[0-9.]*$/, codeFlags: /^-(r|B|R|E|F)$/ },
];
const FETCH_IN_WORD = /^["']?(\$\(|`|<\()\s*(?:\S*\/)?(curl|wget)\s/;

export const noCurlPipeToShell = defineRule({
  id: 'no-curl-pipe-to-shell',
  title: 'Do not pipe a downloaded script straight into a shell',
  category: 'security',
  severity: 'warning',
  equivalents: [],
  lesson: null,
  why:
    '`curl … | sh` runs whatever the server returns at build time, and nothing checks it: a compromised or changed download changes your image without any change to the Dockerfile, and rebuilds are not reproducible. Downloading to a file with a known checksum (`ADD --checksum=…`, or `sha256sum -c`) before running it, or installing a pinned package or release, closes that gap. Also caught: `sh -c "$(curl …)"`, `bash <(curl …)` and interpreters such as `python3 -` reading the script from the pipe.',
  messages: {
    unchecked: (shown: string) =>
      `\`${shown}\` runs a script from the network without checking it, so whatever the server sends ends up in your image. Fetch it to a file with a known checksum, e.g. \`ADD --checksum=sha256:<hash> <url> /tmp/install.sh\`, then \`RUN sh /tmp/install.sh\`, or install a pinned package or release instead.`,
  },
  examples: {
    invalid: [
      'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/install.sh | sh',
      'FROM node:22-slim\nRUN curl -fsSL https://deb.nodesource.com/setup_22.x | sudo -E bash -',
      'FROM python:3.12-slim\nRUN curl -sSL https://install.python-poetry.org | python3 -',
      'FROM debian:bookworm-slim\nRUN sh -c "$(wget -qO- https://example.com/install.sh)"',
    ],
    valid: [
      'FROM debian:bookworm-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/install.sh /tmp/install.sh\nRUN sh /tmp/install.sh && rm /tmp/install.sh',
      'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin',
      'FROM python:3.12-slim\nRUN curl -fsSL https://api.example.com/version | python3 -c "import json, sys; print(json.load(sys.stdin)[\'version\'])"',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const cmds = commandsOf(run);
      cmds.forEach((a, index) => {
        if (FETCHERS.has(a.name) && a.next === '|') {
          const b = programAfter(cmds, index);
          if (b && readsCodeFromStdin(b)) report({ instruction: run, span: join(a.span, b.span), message: messages.unchecked(`${a.name} … | ${b.name}`) });
          return;
        }
        const runner = RUNNERS.some((r) => r.name.test(a.name)) || a.name === 'eval' || a.name === 'source' || a.name === '.';
        const fetched = runner ? a.args.map((w) => FETCH_IN_WORD.exec(w.raw)).find((m) => m !== null) : undefined;
        if (fetched) report({ instruction: run, span: a.span, message: messages.unchecked(`${a.name} ${fetched[1] === '<(' ? '<(' : '"$('}${fetched[2] as string} …)${fetched[1] === '<(' ? '' : '"'}`) });
      });
    }
  },
});

/** The program on the right of the pipe after `cmds[index]`: skips commands in its substitutions and unwraps `sudo`, `env`, …. */
function programAfter(cmds: readonly ShellCommand[], index: number): ShellCommand | undefined {
  const a = cmds[index] as ShellCommand;
  let i = index + 1;
  while (i < cmds.length && (cmds[i] as ShellCommand).nested && !a.nested) i++;
  let b = cmds[i];
  while (b && WRAPPERS.has(b.name)) {
    const inner: ShellCommand | undefined = cmds[i + 1];
    if (!inner || inner.via !== b.name) return b;
    b = inner;
    i++;
  }
  return b;
}

function readsCodeFromStdin(cmd: ShellCommand): boolean {
  const runner = RUNNERS.find((r) => r.name.test(cmd.name));
  if (!runner) return false;
  const dashes = cmd.args.findIndex((w) => w.value === '--');
  const beforeDashes = dashes < 0 ? cmd.args : cmd.args.slice(0, dashes);
  if (beforeDashes.some((w) => runner.codeFlags.test(w.value))) return false;
  const first = positionals({ ...cmd, args: beforeDashes })[0];
  return first === undefined || first.value === '-';
}

function join(a: Span, b: Span): Span {
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}
