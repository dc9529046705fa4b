import type { Instruction } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { hadolintCommands } from '../hadolint/index.ts';

const TOOLS = ['curl', 'wget'] as const;

export const noWgetAndCurl = defineRule({
  id: 'no-wget-and-curl',
  title: 'Use either wget or curl in a stage, not both',
  category: 'size',
  severity: 'warning',
  equivalents: ['hadolint:DL4001'],
  lesson: null,
  why:
    'curl and wget do the same job. Using both in one stage usually means installing both, and each brings its own libraries (on Debian bookworm curl pulls in about 12 MB, wget about 4 MB). Pick one tool per stage. As in hadolint, once both have been used in a stage, every later RUN that uses either one is reported.',
  messages: {
    both: (here: string, other: string, otherLine: number | null) =>
      `${otherLine === null ? 'This RUN uses both `wget` and `curl`' : `This stage already uses \`${other}\` (line ${otherLine}), and this RUN uses \`${here}\``}: two download tools, each with its own dependencies in the image. Use one of them throughout the stage, e.g. \`curl -fsSL -o FILE URL\` instead of \`wget -O FILE URL\`, and drop the other from the packages you install.`,
  },
  examples: {
    invalid: [
      'FROM debian:bookworm\nRUN wget -q https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz',
      'FROM debian:bookworm\nRUN wget -q https://example.com/a.tar.gz && curl -fsSLO https://example.com/b.tar.gz',
      'FROM debian:bookworm\nRUN wget -q https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz\nRUN echo done',
    ],
    valid: [
      'FROM debian:bookworm\nRUN curl -fsSLO https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz',
      'FROM debian:bookworm AS fetch\nRUN wget -q https://example.com/a.tar.gz\nFROM debian:bookworm\nRUN curl -fsSLO https://example.com/b.tar.gz',
      'FROM debian:bookworm\nRUN apt-get install -y --no-install-recommends curl wget',
    ],
  },
  check({ dockerfile, report }, messages) {
    type Seen = Map<string, number>;
    const visit = (run: Instruction, seen: Seen) => {
      const used = hadolintCommands(dockerfile, run).filter((c) => (TOOLS as readonly string[]).includes(c.name));
      const first = used[0];
      if (!first) return;
      const line = (run.onbuildParent ?? run).span.line;
      for (const c of used) if (!seen.has(c.name)) seen.set(c.name, line);
      if (seen.size < 2) return;
      const other = first.name === 'curl' ? 'wget' : 'curl';
      const bothHere = used.some((c) => c.name === other);
      report({ instruction: run, span: first.cmd.span, message: messages.both(first.name, other, bothHere ? null : (seen.get(other) ?? line)) });
    };
    // hadolint keeps one state per stage for RUN, and one for all ONBUILD RUN triggers of the file.
    let stageSeen: Seen = new Map();
    const onbuildSeen: Seen = new Map();
    for (const i of dockerfile.instructions) {
      if (i.keyword === 'FROM') stageSeen = new Map();
      else if (i.keyword === 'RUN') visit(i, stageSeen);
      else if (i.trigger?.keyword === 'RUN') visit(i.trigger, onbuildSeen);
    }
  },
});
