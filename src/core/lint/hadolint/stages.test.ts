import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import type { Instruction } from '../../parse/model.ts';
import { hadolintCheckedStages, hadolintImageName, hasCacheOrTmpfsMountWith } from './stages.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const parse = (text: string) => linter.lint(text, { rules: [] }).dockerfile;
const checked = (text: string) => [...hadolintCheckedStages(parse(text))].sort();

describe('hadolintCheckedStages', () => {
  test('the last stage and stages whose alias a FROM uses', () => {
    expect(checked('FROM a AS x\nRUN a\nFROM x\nRUN b\nFROM c\nRUN c')).toEqual([0, 2]);
    expect(checked('FROM node AS deps\nRUN a\nFROM deps:1\nRUN b')).toEqual([0, 1]);
  });
  test('a stage whose FROM line equals the last one counts too', () => {
    expect(checked('FROM debian:bookworm\nRUN a\nFROM debian:bookworm\nRUN b')).toEqual([0, 1]);
  });
  test('an alias equal to any FROM image name counts (even its own)', () => {
    expect(checked('FROM golang AS golang\nRUN a\nFROM scratch AS final\nCOPY --from=golang /x /x')).toEqual([0, 1]);
  });
  test('aliases are compared as written: no ARG substitution, case-sensitive', () => {
    expect(checked('ARG B=deps\nFROM node AS deps\nRUN a\nFROM $B\nRUN b')).toEqual([1]);
    expect(checked('FROM node AS Deps\nRUN a\nFROM deps\nRUN b')).toEqual([1]);
  });
  test('instructions before any FROM count when there is no FROM or the last is a bare scratch', () => {
    expect(hadolintCheckedStages(parse('RUN a')).has(-1)).toBe(true);
    expect(hadolintCheckedStages(parse('RUN a\nFROM scratch')).has(-1)).toBe(true);
    expect(hadolintCheckedStages(parse('RUN a\nFROM debian')).has(-1)).toBe(false);
  });
});

test('hadolintImageName drops the registry (up to the first / after a dot), tag and digest', () => {
  expect(hadolintImageName('docker.io/library/python:3.12@sha256:abc')).toBe('library/python');
  expect(hadolintImageName('registry.example.com:5000/team/app:1')).toBe('team/app');
  expect(hadolintImageName('python:3.12-slim')).toBe('python');
  expect(hadolintImageName('localhost:5000/app:1')).toBe('localhost');
  expect(hadolintImageName('builder')).toBe('builder');
});

test('hasCacheOrTmpfsMountWith matches cache and tmpfs targets containing the fragment', () => {
  const run = (line: string) => parse(`FROM debian\n${line}`).instructions[1] as Instruction;
  expect(hasCacheOrTmpfsMountWith(run('RUN --mount=type=cache,target=/home/u/.cache/pip pip install x'), '.cache/pip')).toBe(true);
  expect(hasCacheOrTmpfsMountWith(run('RUN --mount=type=tmpfs,target=/root/.cache/pip pip install x'), '.cache/pip')).toBe(true);
  expect(hasCacheOrTmpfsMountWith(run('RUN --mount=type=bind,target=/root/.cache/pip pip install x'), '.cache/pip')).toBe(false);
  expect(hasCacheOrTmpfsMountWith(run('RUN --mount=type=cache,target=/var/cache/apt pip install x'), '.cache/pip')).toBe(false);
});
