import { defineRule } from '../define-rule.ts';
import { argsNoFlags, cmdHasArgs, hadolintCommands, ownArgsView, type HArg, type HCommand, wrappedNameMessage, wrapperOf } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';

/** As hadolint DL3008: `=version`, anything with `/` (release or file path) and `.deb` files count as pinned. */
function pinned(text: string): boolean {
  return text.includes('=') || text.includes('/') || text.endsWith('.deb');
}

export const usePinnedAptPackages = defineRule({
  id: 'use-pinned-apt-packages',
  title: 'Pin the versions of packages installed with apt-get',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3008'],
  lesson: null,
  why:
    '`apt-get install curl` installs whatever version the mirror has on the day of the build, so two builds of the same Dockerfile can differ. `curl=7.88.1-10+deb12u5` makes the package set explicit and changes the RUN text (and so its cache key) when you bump it. The trade-off: Debian removes superseded versions from its mirrors, so exact pins break when a security update lands; many teams pin the base image digest instead and switch this rule off.',
  messages: {
    unpinned: (names: string[]) =>
      `${names.map((n) => `\`${n}\``).join(', ')} ${names.length === 1 ? 'is' : 'are'} installed without a version, so each build may get different versions. Pin ${names.length === 1 ? 'it' : 'them'} as \`${names[0]}=<version>\` (\`apt-cache policy ${names[0]}\` shows the candidates), or disable this rule if you rely on the base image digest instead.`,
    wrapped: (wrapper: string, tool: string, words: string[]) => wrappedNameMessage('DL3008', wrapper, tool, words, 'package'),
  },
  examples: {
    invalid: [
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
      'FROM debian:bookworm\nRUN apt-get install -y --no-install-recommends nodejs=18.19.0+dfsg-6~deb12u2 git',
      'FROM debian:bookworm AS base\nONBUILD RUN apt-get install -y --no-install-recommends make',
    ],
    valid: [
      'FROM debian:bookworm\nRUN apt-get update && apt-get -yqq --no-install-recommends install curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*',
      'FROM debian:bookworm\nRUN apt-get install -y --no-install-recommends ./wkhtmltox_0.12.6-1.bookworm_amd64.deb',
      'FROM debian:bookworm\nRUN apt-get install -y --no-install-recommends -t bookworm-backports golang-1.22-go=1.22.6-1~bpo12+1',
      'FROM debian:bookworm\nRUN apt-get install -y --no-install-recommends curl/bookworm-backports',
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    python3=3.11.2-1+b1 \\\n    git=1:2.39.5-0+deb12u1',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      const loose: HArg[] = [];
      // The message names packages only: not the command name of `exec apt-get …`, which hadolint also counts.
      const shown: HArg[] = [];
      let owner: HCommand | undefined;
      for (const c of hadolintCommands(dockerfile, run)) {
        if (!cmdHasArgs(c, 'apt-get', ['install'])) continue;
        const own = ownArgsView(c).args;
        for (const a of argsNoFlags(c, ['t', 'target-release'])) {
          if (a.text === 'install' || pinned(a.text)) continue;
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
