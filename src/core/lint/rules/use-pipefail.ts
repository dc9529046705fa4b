import type { Span } from '../../diagnostic.ts';
import type { Instruction, ParsedDockerfile } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { flagNames, hadolintHasPipe, simplifyWord, splitShellText } from '../hadolint/index.ts';
import { stageChain, stageOf } from '../helpers.ts';

const NON_POSIX = ['pwsh', 'powershell', 'cmd'];
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash']);
const BASH = '`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`';
const ASH = '`SHELL ["/bin/ash", "-o", "pipefail", "-c"]`';

export const usePipefail = defineRule({
  id: 'use-pipefail',
  title: 'Set `-o pipefail` before a RUN that uses a pipe',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL4006'],
  lesson: null,
  why:
    'A pipeline’s exit status is that of its last command, so in `RUN curl -fsSL https://… | tar -xz` a failed download still gives a successful step and a broken image. With `-o pipefail` the step fails when any part of the pipe fails. As in hadolint, a SHELL instruction earlier in the same stage that runs bash, zsh or ash with `-o pipefail` satisfies the rule, and a PowerShell or cmd SHELL turns it off. There is no automatic fix: the right shell depends on the base image (Alpine has ash, not bash).',
  messages: {
    pipe: (advice: string) => `Only the last command of this pipe decides whether the RUN succeeds, so a failure earlier in the pipe goes unnoticed. Add ${advice} before this RUN.`,
    shPipefail: (advice: string) =>
      `Only the last command of this pipe decides whether the RUN succeeds. The SHELL of this stage sets pipefail on \`sh\`, which is not bash, zsh or ash and may ignore or reject it; use ${advice} instead.`,
  },
  examples: {
    invalid: [
      'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin',
      'FROM alpine:3.20\nRUN wget -qO- https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin',
      'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN dpkg -l | grep -q ca-certificates\nFROM debian:bookworm-slim\nRUN ls /etc | wc -l',
    ],
    valid: [
      'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin',
      'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin',
      'FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/tool.tar.gz https://example.com/tool.tar.gz && tar -xzf /tmp/tool.tar.gz -C /usr/local/bin',
      'FROM mcr.microsoft.com/powershell:lts-debian-12\nSHELL ["pwsh", "-Command"]\nRUN Get-ChildItem | Select-Object -First 1',
    ],
  },
  check({ dockerfile, report }, messages) {
    let covered = false;
    let shPipefail = false;
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword === 'FROM') {
        covered = false;
        shPipefail = false;
      } else if (instruction.keyword === 'SHELL') {
        const text = instruction.json ? instruction.json.join(' ') : instruction.argsText;
        covered = NON_POSIX.some((p) => text.startsWith(p)) || setsPipefail(text, PIPEFAIL_SHELLS);
        shPipefail = !covered && setsPipefail(text, new Set(['sh', 'dash']));
      } else if (instruction.keyword === 'RUN' && !covered && hadolintHasPipe(dockerfile, instruction)) {
        const advice = shellAdvice(dockerfile, instruction);
        report({ instruction, span: pipeSpan(instruction), message: shPipefail ? messages.shPipefail(advice) : messages.pipe(advice) });
      }
    }
  },
});

/** hadolint's test: some command named bash/zsh/ash (any path) with an `o` flag and a `pipefail` argument. */
function setsPipefail(text: string, shells: ReadonlySet<string>): boolean {
  return splitShellText(text).commands.some((words) => {
    const [name, ...args] = words.map((w) => simplifyWord(w));
    if (name === undefined || !shells.has(name.slice(name.lastIndexOf('/') + 1))) return false;
    return args.some((a) => flagNames(a).includes('o')) && args.includes('pipefail');
  });
}

/** The right SHELL line for the stage's base image: ash on Alpine, bash elsewhere. */
function shellAdvice(df: ParsedDockerfile, run: Instruction): string {
  const stage = stageOf(df, run);
  const root = stage ? stageChain(df, stage).at(-1) : undefined;
  const ref = root ? `${root.image.name}:${root.image.tag ?? ''}`.toLowerCase() : '';
  if (ref.includes('alpine')) return `${ASH} (Alpine has ash, not bash)`;
  return `${BASH} (on Alpine-based images: ${ASH})`;
}

/** From the first command of the first pipe to the command after it. */
function pipeSpan(run: Instruction): Span {
  const cmds = (run.shell?.commands ?? []).filter((c) => c.inPipeline && c.via === null);
  const [a, b] = cmds;
  if (!a || run.json) return run.argsSpan ?? run.span;
  const end = b ?? a;
  return { line: a.span.line, column: a.span.column, endLine: end.span.endLine, endColumn: end.span.endColumn };
}
