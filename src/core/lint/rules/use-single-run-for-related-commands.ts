import type { Fix } from '../../diagnostic.ts';
import type { Flag, Instruction, ParsedDockerfile } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { hadolintCommands } from '../hadolint/index.ts';

/** Commands whose effect (directory, variables, shell options) would leak into the next command when joined. */
const STATEFUL = new Set(['cd', 'pushd', 'popd', 'export', 'unset', 'set', 'source', '.', 'alias', 'umask', 'shopt', 'exec', 'exit', 'return', 'trap', 'ulimit', 'readonly', 'declare', 'local', 'typeset', 'eval', 'shift']);

interface Previous {
  run: Instruction;
  flags: string;
  small: boolean;
}

export const useSingleRunForRelatedCommands = defineRule({
  id: 'use-single-run-for-related-commands',
  title: 'Join consecutive one-command RUN instructions',
  category: 'size',
  severity: 'info',
  equivalents: ['hadolint:DL3059'],
  lesson: 'fewer-meaningful-layers',
  why:
    'Every RUN makes a layer and a cache step. Two RUNs in a row that each run a single command usually belong together, and joining them with `&&` gives one layer and lets cleanup in the same step actually shrink the image. As in hadolint, only back-to-back RUNs (comments may sit between them) with the same `--mount`/`--network`/`--security` flags are reported, and only when both run at most one command: a RUN that already chains commands was probably split on purpose, for caching.',
  messages: {
    join: (previousLine: number, joined: string | null) =>
      `This RUN and the one on line ${previousLine} each run a single command, which costs two layers and two cache steps for one step. Join them${joined ? `: \`${joined}\`` : ' with `&&` into one RUN'}. Keep them apart only if the first is slow and rarely changes, so it caches on its own.`,
  },
  examples: {
    invalid: [
      {
        code: 'FROM debian:bookworm-slim\nRUN mkdir -p /srv/app\nRUN chown 1000:1000 /srv/app',
        fixed: 'FROM debian:bookworm-slim\nRUN mkdir -p /srv/app && chown 1000:1000 /srv/app',
      },
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry==1.8.3\n# configure poetry\nRUN poetry config virtualenvs.create false',
      'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm npm ci\nRUN --mount=type=cache,target=/root/.npm npm run build',
    ],
    valid: [
      'FROM debian:bookworm-slim\nRUN mkdir -p /srv/app && chown 1000:1000 /srv/app',
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz',
      'FROM debian:bookworm-slim\nRUN mkdir -p /srv/app\nWORKDIR /srv/app\nRUN touch .keep',
      'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm npm ci\nRUN npm run build',
    ],
  },
  check({ dockerfile, report }, messages) {
    let previous: Previous | null = null;
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword !== 'RUN') {
        previous = null;
        continue;
      }
      const current: Previous = { run: instruction, flags: flagsKey(instruction.flags), small: hadolintCommands(dockerfile, instruction).length <= 1 };
      if (previous && previous.flags === current.flags && previous.small && current.small) {
        const fix = joinFix(dockerfile, previous.run, instruction);
        report({
          instruction,
          span: instruction.span,
          message: messages.join(previous.run.span.line, fix ? `RUN ${flagsText(previous.run)}${previous.run.argsText.trim()} && ${instruction.argsText.trim()}` : null),
          fix,
        });
      }
      previous = current;
    }
  },
});

/** hadolint compares the parsed flags: mounts as a set (options in any order, `type` defaulting to bind), network, security. */
function flagsKey(flags: readonly Flag[]): string {
  const mounts = new Set<string>();
  const rest: string[] = [];
  for (const f of flags) {
    if (f.name !== 'mount') {
      rest.push(`${f.name}=${f.value ?? ''}`);
      continue;
    }
    const opts = new Map<string, string>([['type', 'bind']]);
    for (const [k, v] of f.options) {
      if (k === 'ro' || k === 'readonly' || k === 'rw' || k === 'readwrite') {
        opts.set('readonly', String((k === 'ro' || k === 'readonly') === (v === null || v.toLowerCase() === 'true')));
        continue;
      }
      opts.set(k === 'dst' || k === 'destination' ? 'target' : k === 'src' ? 'source' : k, v ?? 'true');
    }
    mounts.add([...opts].map(([k, v]) => `${k}=${v}`).sort().join(','));
  }
  return JSON.stringify([[...mounts].sort(), rest.sort()]);
}

function flagsText(run: Instruction): string {
  return run.flags.map((f) => `--${f.name}${f.value === null ? '' : `=${f.value}`} `).join('');
}

/** Joining is offered only for plain one-line shell-form RUNs with one command each and nothing but blank lines between. */
function joinFix(df: ParsedDockerfile, first: Instruction, second: Instruction): Fix | undefined {
  const simple = (run: Instruction) => {
    const cmds = hadolintCommands(df, run);
    return (
      run.json === null && run.heredocs.length === 0 && run.span.line === run.span.endLine && run.shell !== null && !run.shell.hasError &&
      cmds.length === 1 && run.shell.commands.every((c) => c.via === null || c.via === 'sudo' || c.via === 'env') && !run.argsText.includes('#') && run.argsSpan !== null
    );
  };
  if (!simple(first) || !simple(second)) return undefined;
  const head = hadolintCommands(df, first)[0];
  if (!head || STATEFUL.has(head.name) || /[&;|\\]\s*$/.test(first.argsText)) return undefined;
  if (df.comments.some((c) => c.line > first.span.endLine && c.line < second.span.line)) return undefined;
  const start = second.argsSpan as NonNullable<Instruction['argsSpan']>;
  return {
    title: 'Join the two RUN instructions with &&',
    edits: [{ span: { line: first.span.endLine, column: first.span.endColumn, endLine: start.line, endColumn: start.column }, text: ' && ' }],
  };
}
