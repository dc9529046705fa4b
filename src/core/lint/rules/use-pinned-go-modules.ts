import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { hadolintCommands, ownArgsView, wrappedNameMessage, wrapperOf } from '../hadolint/index.ts';
import { goModuleIsPinned, goModules } from '../package-managers/languages.ts';

export const usePinnedGoModules = defineRule({
  id: 'use-pinned-go-modules',
  title: 'Pin the version of modules used with go install, go get and go run',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3062'],
  lesson: null,
  why:
    '`go install example.com/tool` (or `@latest`) builds whatever the default branch holds at build time, so two builds of the same Dockerfile can contain different binaries. Name a version: `go install example.com/tool@v1.2.3`. Local paths such as `.` or `./cmd/...` build your own code and are not flagged.',
  messages: {
    unpinned: (module: string) =>
      `\`${module}\` is not pinned, so every build may fetch a different version. Name a release, e.g. \`${module.replace(/@(latest|none)$/, '')}@v1.2.3\`.`,
    wrapped: (wrapper: string, word: string) => wrappedNameMessage('DL3062', wrapper, 'go', [word], 'module'),
  },
  examples: {
    invalid: [
      'FROM golang:1.23\nRUN go install github.com/go-delve/delve/cmd/dlv@latest',
      'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls',
      'FROM golang:1.23\nRUN go get -u github.com/spf13/cobra',
      'FROM golang:1.23\nRUN go run github.com/google/wire/cmd/wire',
    ],
    valid: [
      'FROM golang:1.23\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.23.1',
      'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go install ./cmd/...',
      'FROM golang:1.23\nRUN go run github.com/google/wire/cmd/wire@v0.6.0 ./...',
      'FROM golang:1.23\nRUN go mod download && go build -o /bin/app .',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const cmds = hadolintCommands(dockerfile, run);
      const bad = goModules(cmds).find((m) => !goModuleIsPinned(m.module));
      if (!bad) continue;
      // `exec go install x`: hadolint also counts `go` itself; the message names the module after it.
      const shown = goModules(cmds.map(ownArgsView)).find((m) => !goModuleIsPinned(m.module));
      const wrapper = shown ? null : wrapperOf(bad.command);
      report({ instruction: run, span: bad.command.cmd.span, message: wrapper ? messages.wrapped(wrapper, bad.module) : messages.unpinned((shown ?? bad).module) });
    }
  },
});
