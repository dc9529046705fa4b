import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { hadolintCommands, ownArgsView, wrappedNameMessage, wrapperOf } from '../hadolint/index.ts';
import { gemIsPinned, gemPackages, listOf } from '../package-managers/languages.ts';

export const usePinnedGemVersions = defineRule({
  id: 'use-pinned-gem-versions',
  title: 'Pin the versions of gems installed with gem install',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3028'],
  lesson: null,
  why:
    '`gem install bundler` installs the newest release at build time, so the same Dockerfile builds a different image next month, and a major release (Bundler 2 to 3, say) can break the build. Pin each gem as `name:version`, or with `-v`/`--version`. Gems your application needs belong in the Gemfile and Gemfile.lock, installed with `bundle install`.',
  messages: {
    unpinned: (gems: readonly string[]) =>
      `${listOf(gems)} ${gems.length > 1 ? 'are' : 'is'} installed without a version, so each build gets whatever is newest on RubyGems. Pin ${gems.length > 1 ? 'them' : 'it'}, e.g. \`gem install ${gems[0] ?? ''}:<version>\` or \`gem install ${gems[0] ?? ''} -v <version>\`.`,
    wrapped: (wrapper: string, words: readonly string[]) => wrappedNameMessage('DL3028', wrapper, 'gem', words, 'gem'),
  },
  examples: {
    invalid: [
      'FROM ruby:3.3-slim\nRUN gem install bundler',
      'FROM ruby:3.3-slim\nRUN gem i rake:13.2.1 rubocop',
      'FROM ruby:3.3-slim\nONBUILD RUN gem install foreman',
    ],
    valid: [
      'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.18',
      "FROM ruby:3.3-slim\nRUN gem install bundler -v '2.5.18'",
      'FROM ruby:3.3-slim\nRUN gem install bundler --version=2.5.18',
      'FROM ruby:3.3-slim\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries',
      'FROM ruby:3.3-slim\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      for (const c of hadolintCommands(dockerfile, run)) {
        const unpinned = gemPackages(c).filter((g) => !gemIsPinned(g));
        if (unpinned.length === 0) continue;
        // `exec gem install x`: hadolint also counts `gem` itself; the message names the gems after it.
        const shown = gemPackages(ownArgsView(c)).filter((g) => !gemIsPinned(g));
        const wrapper = shown.length === 0 ? wrapperOf(c) : null;
        report({ instruction: run, span: c.cmd.span, message: wrapper ? messages.wrapped(wrapper, unpinned) : messages.unpinned(shown.length > 0 ? shown : unpinned) });
        break;
      }
    }
  },
});
