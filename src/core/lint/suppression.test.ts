import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../node/engine.ts';
import { resolveConfig } from './config.ts';
import { rules } from './registry.ts';
import { noAptListsLeftBehind } from './rules/no-apt-lists-left-behind.ts';
import { noLatestTag } from './rules/no-latest-tag.ts';
import { useExecFormCmd } from './rules/use-exec-form-cmd.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const only = [noAptListsLeftBehind, noLatestTag, useExecFormCmd];
const ids = (text: string, config?: Parameters<NodeLinter['lint']>[1]) =>
  linter.lint(text, { rules: only, ...config }).diagnostics.map((d) => `${d.instructionLine}:${d.ruleId}`);

const APT = 'RUN apt-get update && apt-get install -y curl';

describe('hadolint pragmas', () => {
  test('ignore= covers the instruction on the next line only', () => {
    expect(ids(`FROM debian:bookworm\n# hadolint ignore=DL3009\n${APT}\n${APT}\n`)).toEqual(['4:no-apt-lists-left-behind']);
  });

  test('covers every line of a multi-line instruction', () => {
    expect(ids(`FROM debian:bookworm\n# hadolint ignore=DL3009\nRUN apt-get update \\\n && apt-get install -y curl\n`)).toEqual([]);
  });

  test('a pragma with an unknown token is void, as in hadolint', () => {
    expect(ids(`FROM debian:bookworm\n# hadolint ignore=crazy,DL3009\n${APT}\n`)).toEqual(['3:no-apt-lists-left-behind']);
  });

  test('accepts a reason after a second #', () => {
    expect(ids(`FROM debian:bookworm\n# hadolint ignore=DL3009 # lists are removed by the base\n${APT}\n`)).toEqual([]);
  });

  test('global ignore covers the whole file wherever it is', () => {
    expect(ids(`FROM node:latest\n${APT}\n# hadolint global ignore=DL3009,DL3007\n`)).toEqual([]);
  });

  test('stage ignore covers the stage whose FROM follows', () => {
    const text = `# hadolint stage ignore=DL3007\nFROM node:latest AS a\nFROM python:latest\n`;
    expect(ids(text)).toEqual(['3:no-latest-tag']);
  });
});

describe('layerlab and BuildKit comments', () => {
  test('layerlab-ignore with a reason, stacked above the instruction', () => {
    expect(ids(`FROM debian:bookworm\n# layerlab-ignore no-apt-lists-left-behind -- cleaned by the base image\n# another comment\n${APT}\n`)).toEqual([]);
  });

  test('layerlab-ignore-file all', () => {
    expect(ids(`# layerlab-ignore-file all\nFROM node:latest\nCMD node app.js\n`)).toEqual([]);
  });

  test('check=skip directive and a check=skip comment above an instruction', () => {
    expect(ids(`# check=skip=JSONArgsRecommended\nFROM node:22\nCMD node app.js\n`)).toEqual([]);
    expect(ids(`FROM node:22\n# check=skip=JSONArgsRecommended\nCMD node app.js\nENTRYPOINT node x.js\n`)).toEqual(['4:use-exec-form-cmd']);
  });

  test('check=skip=all only skips rules that are BuildKit checks', () => {
    expect(ids(`# check=skip=all\nFROM node:latest\nCMD node app.js\n`)).toEqual(['2:no-latest-tag']);
  });

  test('allowInlineIgnores: false disables every comment', () => {
    const result = resolveConfig({ allowInlineIgnores: false }, rules);
    if (!result.ok) throw new Error(result.errors.join());
    expect(ids(`FROM node:latest # x\n# hadolint global ignore=DL3007\n`, { config: result.config })).toEqual(['1:no-latest-tag']);
  });
});

describe('config', () => {
  test('severities and ignores by rule id, DL code or BuildKit name', () => {
    const result = resolveConfig({ rules: { DL3007: 'error' }, ignore: ['JSONArgsRecommended'] }, rules);
    if (!result.ok) throw new Error(result.errors.join());
    const found = linter.lint('FROM node:latest\nCMD node app.js\n', { rules: only, config: result.config }).diagnostics;
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['no-latest-tag', 'error']]);
  });

  test('explains bad config per field', () => {
    const result = resolveConfig({ rules: { 'no-such-rule': 'warning' }, failureThreshold: 'loud', extra: 1 }, rules);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toMatch(/failureThreshold/);
    expect(result.errors.join('\n')).toMatch(/extra/);
  });

  test('unknown rule names are reported, not silently ignored', () => {
    const result = resolveConfig({ ignore: ['DL9999'] }, rules);
    expect(result).toEqual({ ok: false, errors: [expect.stringContaining('DL9999')] });
  });
});
