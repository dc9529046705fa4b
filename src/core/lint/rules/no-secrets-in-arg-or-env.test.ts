import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noSecretsInArgOrEnv } from './no-secrets-in-arg-or-env.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noSecretsInArgOrEnv] }).diagnostics;

describe('no-secrets-in-arg-or-env (hadolint DL3064)', () => {
  test('accepts a file without ARG or ENV, and harmless names', () => {
    expect(lint('FROM debian:bullseye\nRUN foobar')).toEqual([]);
    expect(lint('ARG foobar\nFROM debian:bullseye\nRUN foobar')).toEqual([]);
    expect(lint('FROM debian:bullseye\nENV foobar=barfoo\nRUN foobar')).toEqual([]);
  });

  test.each([
    ['a known name in a global ARG', 'ARG AWS_ACCESS_KEY_ID\nFROM debian:bullseye'],
    ['a known name in another case', 'ARG openai_api_key\nFROM debian:bullseye'],
    ['a known name in ENV', 'FROM debian:bullseye\nENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz'],
    ['a suspicious substring in ENV', 'FROM debian:bullseye\nENV my_password=abcdefghijklmnopqrstuvwxyz'],
    ['a suspicious substring in an ARG with a default', 'FROM debian\nARG DEPLOY_TOKEN=x'],
    ['a legacy ENV', 'FROM debian\nENV CLIENT_SECRET abc'],
    ['the second pair of an ENV', 'FROM debian\nENV A=1 PRIVATE_KEY_PATH=/k'],
    ['an ONBUILD ARG', 'FROM debian\nONBUILD ARG NPM_TOKEN'],
    ['an ONBUILD ENV', 'FROM debian\nONBUILD ENV GITHUB_TOKEN=x'],
    ['a name that only contains "token" (hadolint matches substrings)', 'FROM python\nENV TOKENIZERS_PARALLELISM=false'],
  ])('reports %s', (_name, text) => {
    expect(lint(text)).toHaveLength(1);
  });

  test.each([
    ['names without a secret word', 'FROM debian\nENV NODE_ENV=production PORT=8080'],
    ['a word BuildKit flags but hadolint does not', 'FROM debian\nARG REGISTRY_AUTH'],
    ['an ARG whose second name looks secret (hadolint reads only the first)', 'FROM debian\nARG VERSION=1 NPM_TOKEN'],
  ])('accepts %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  test('reports once per instruction, on the name', () => {
    const found = lint('FROM debian\nENV DB_PASSWORD=x DB_USERNAME=y');
    expect(found).toHaveLength(1);
    expect(found[0]?.span).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 16 });
    expect(found[0]?.message).toContain('--secret id=db_password');
    const arg = lint('FROM debian\nARG NPM_TOKEN=abc');
    expect(arg[0]?.span).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 14 });
    expect(arg[0]?.message).toContain('docker history');
  });
});
