import type { Instruction, ParsedDockerfile } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { cleanPath } from '../dockerignore.ts';
import { hadolintCommands, ownArgsView } from '../hadolint/index.ts';
import { runs, stageChain, stageOf } from '../helpers.ts';

export const useWorkdirNotCd = defineRule({
  id: 'use-workdir-not-cd',
  title: 'Use WORKDIR instead of `cd` in RUN',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3003'],
  lesson: null,
  why:
    'A `cd` inside RUN lasts only until that RUN ends, so the next instruction silently runs somewhere else again, and readers have to trace every RUN to know the current directory. `WORKDIR /path` sets it once for all following RUN, COPY, CMD and ENTRYPOINT instructions and creates the directory if needed. As in hadolint, `cd` in a subshell counts too, and ONBUILD triggers are not checked.',
  messages: {
    cd: (dir: string, workdir: string | null) =>
      `\`cd ${dir}\` only lasts until the end of this RUN and hides where later steps run. Put ${workdir ? `\`WORKDIR ${workdir}\`` : 'a `WORKDIR` with the absolute path'} before this RUN and drop the \`cd\`.`,
  },
  examples: {
    invalid: [
      'FROM node:22-slim\nRUN cd /app && npm ci',
      'FROM golang:1.23\nWORKDIR /src\nRUN git clone https://github.com/example/tool.git && (cd tool && go build -o /usr/local/bin/tool .)',
    ],
    valid: ['FROM node:22-slim\nWORKDIR /app\nRUN npm ci', 'FROM python:3.12-slim\nWORKDIR /src\nCOPY . .\nRUN pip install --no-cache-dir .'],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile, { onbuild: false })) {
      const cd = hadolintCommands(dockerfile, run).find((c) => c.name === 'cd');
      if (!cd) continue;
      // `exec cd /x`: the directory is the argument after `cd`, not `cd` itself.
      const dir = ownArgsView(cd).args.find((a) => a.flags.length === 0)?.word.value ?? '';
      report({ instruction: run, span: cd.cmd.span, message: messages.cd(dir || '~', absoluteTarget(dockerfile, run, dir)) });
    }
  },
});

/** The absolute directory `cd dir` goes to, when it follows from `dir` and the WORKDIRs before the RUN. */
function absoluteTarget(df: ParsedDockerfile, run: Instruction, dir: string): string | null {
  if (dir.startsWith('/')) return cleanPath(dir);
  if (dir === '' || dir.startsWith('~') || dir.startsWith('-') || dir.includes('$')) return null;
  const stage = stageOf(df, run);
  let current: string | null = null;
  for (const s of stage ? stageChain(df, stage).reverse() : []) {
    for (const i of s.instructions) {
      if (i.keyword !== 'WORKDIR' || i.span.line > run.span.line) continue;
      const w = i.args[0]?.value ?? '';
      current = w.includes('$') ? null : w.startsWith('/') ? w : current && `${current}/${w}`;
    }
  }
  return current ? cleanPath(`${current}/${dir}`) : null;
}
