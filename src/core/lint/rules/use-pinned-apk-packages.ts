import { defineRule } from '../define-rule.ts';
import { argsNoFlags, cmdHasArgs, hadolintCommands, ownArgsView, type HArg, type HCommand, wrappedNameMessage, wrapperOf } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';

/** As hadolint DL3018: a version constraint (`=`, `~`, `>`, `<`) or a local `.apk` file. */
function pinned(text: string): boolean {
  return /[=~<>]/.test(text) || text.endsWith('.apk');
}

export const usePinnedApkPackages = defineRule({
  id: 'use-pinned-apk-packages',
  title: 'Pin the versions of packages installed with apk add',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3018'],
  lesson: null,
  why:
    '`apk add curl` installs whatever version the Alpine mirror has today, so rebuilding the same Dockerfile can give a different image. A constraint such as `curl=8.9.1-r1` or `curl~8.9` makes the choice explicit. The trade-off: Alpine keeps only the latest build of each package per branch, so exact pins break after updates; `~` (same version prefix) pins are more forgiving.',
  messages: {
    unpinned: (names: string[]) =>
      `${names.map((n) => `\`${n}\``).join(', ')} ${names.length === 1 ? 'has' : 'have'} no version constraint, so each build may install a different version. Pin ${names.length === 1 ? 'it' : 'them'}, e.g. \`${names[0]}=<version>\` or \`${names[0]}~<major.minor>\` (\`apk policy ${names[0]}\` lists versions), or disable this rule if you pin the base image digest instead.`,
    wrapped: (wrapper: string, tool: string, words: string[]) => wrappedNameMessage('DL3018', wrapper, tool, words, 'package'),
  },
  examples: {
    invalid: [
      'FROM alpine:3.20\nRUN apk add --no-cache curl',
      'FROM alpine:3.20\nRUN apk add --no-cache \\\n    flex=2.6.4-r6 \\\n    libffi \\\n    python3=3.12.7-r0',
      'FROM alpine:3.20 AS base\nONBUILD RUN apk add --no-cache make',
    ],
    valid: [
      'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1',
      'FROM alpine:3.20\nRUN apk add --no-cache git~2.45',
      'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 musl-dev=1.2.5-r0 && apk del .build-deps',
      'FROM alpine:3.20\nRUN apk add --no-cache --repository https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0',
      'FROM alpine:3.20\nRUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0',
      'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/mypackage-1.1.1.apk',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const loose: HArg[] = [];
      // The message names packages only: not the command name of `exec apt-get …`, which hadolint also counts.
      const shown: HArg[] = [];
      let owner: HCommand | undefined;
      for (const c of hadolintCommands(dockerfile, run)) {
        if (!cmdHasArgs(c, 'apk', ['add'])) continue;
        const own = ownArgsView(c).args;
        for (const a of argsNoFlags(c, ['t', 'virtual', 'repository', 'X'])) {
          if (a.text === 'add' || pinned(a.text)) continue;
          loose.push(a);
          owner ??= c;
          if (own.includes(a)) shown.push(a);
        }
      }
      const first = loose[0];
      if (!first) continue;
      const wrapper = owner && shown.length === 0 ? wrapperOf(owner) : null;
      const message = owner && wrapper ? messages.wrapped(wrapper, owner.name, [...new Set(loose.map((a) => a.text))]) : messages.unpinned([...new Set((shown.length > 0 ? shown : loose).map((a) => a.text))]);
      report({ instruction: run, span: first.word.span, message });
    }
  },
});
