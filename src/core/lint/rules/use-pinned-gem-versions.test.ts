import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { usePinnedGemVersions as rule } from './use-pinned-gem-versions.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (cmd: string) => findings(`FROM ruby:3.3-slim\nRUN ${cmd}`).length;
const countOnbuild = (cmd: string) => findings(`FROM ruby:3.3-slim\nONBUILD RUN ${cmd}`).length;

describe('use-pinned-gem-versions (hadolint DL3028)', () => {
  test.each(['gem i rake', 'gem i rake:13.2.1 rubocop', 'gem install rake', 'gem install --no-document rake:13.2.1 rails rubocop'])('flags %s (also as ONBUILD)', (cmd) => {
    expect(count(cmd)).toBe(1);
    expect(countOnbuild(cmd)).toBe(1);
  });

  test.each([
    'gem i rake:13',
    'gem i rake:13 rubocop:1.66.1',
    'gem install rake:13.2.1',
    "gem install rake -v '13.2.1'",
    "gem install rake --version '13.2.1'",
    "gem install rake --version='13.2.1'",
    'gem install nokogiri:1.16.7 -- --use-system-libraries=true',
    'gem install nokogiri:1.16.7 -- --use-system-libraries true',
    'gem install nokogiri:1.16.7 --use-system-libraries true',
    'gem install nokogiri:1.16.7 --use-system-libraries=true',
    'gem update --system',
    'bundle install',
  ])('accepts %s (also as ONBUILD)', (cmd) => {
    expect(count(cmd)).toBe(0);
    expect(countOnbuild(cmd)).toBe(0);
  });

  test('like hadolint, an option takes the next word as its value', () => {
    expect(count('gem install --no-document rake')).toBe(0);
  });

  test('reports the gem command and names the unpinned gems', () => {
    const d = findings('FROM ruby:3.3-slim\nRUN gem install bundler:2.5.18 foreman');
    expect(d).toHaveLength(1);
    expect(d[0]?.span).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 39 });
    expect(d[0]?.message).toContain('`foreman` is installed');
  });
});
