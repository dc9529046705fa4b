import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { applyFixes } from '../apply-fixes.ts';
import { usePipNoCacheDir as rule } from './use-pip-no-cache-dir.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM python:3.12-slim\n${body}`).length;

describe('use-pip-no-cache-dir (hadolint DL3042)', () => {
  test.each(['pip install six', 'pip2 install six', 'pip3 install six', 'python3 -m pip install six', 'pip install -r requirements.txt'])('flags RUN %s (also as ONBUILD)', (cmd) => {
    expect(count(`RUN ${cmd}`)).toBe(1);
    expect(count(`ONBUILD RUN ${cmd}`)).toBe(1);
  });

  test.each(['pip install six --no-cache-dir', 'pip3 install --no-cache-dir six', 'pipx install black', 'pipenv install requests', 'python -m pipenv install', 'pip download six'])(
    'accepts RUN %s (also as ONBUILD)',
    (cmd) => {
      expect(count(`RUN ${cmd}`)).toBe(0);
      expect(count(`ONBUILD RUN ${cmd}`)).toBe(0);
    },
  );

  test.each(['1', 'on', 'yes', 'true', 'True', 'YES'])('ENV PIP_NO_CACHE_DIR=%s turns it off', (v) => {
    expect(count(`ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install six`)).toBe(0);
    expect(count(`ENV PIP_NO_CACHE_DIR ${v}\nRUN pip install six`)).toBe(0);
  });

  test.each(['0', 'off', 'no', 'false'])('ENV PIP_NO_CACHE_DIR=%s does not', (v) => {
    expect(count(`ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install six`)).toBe(1);
  });

  test.each(['1', 'on', 'yes', 'true'])('PIP_NO_CACHE_DIR=%s in the RUN (inline or exported) turns it off', (v) => {
    expect(count(`RUN PIP_NO_CACHE_DIR=${v} pip install six`)).toBe(0);
    expect(count(`RUN export PIP_NO_CACHE_DIR=${v} && pip install six`)).toBe(0);
  });

  test.each(['0', 'off', 'no', 'false'])('PIP_NO_CACHE_DIR=%s in the RUN does not', (v) => {
    expect(count(`RUN PIP_NO_CACHE_DIR=${v} pip install six`)).toBe(1);
    expect(count(`RUN export PIP_NO_CACHE_DIR=${v} && pip install six`)).toBe(1);
  });

  test('the ENV only counts after it is set', () => {
    expect(count('RUN pip install six\nENV PIP_NO_CACHE_DIR=1')).toBe(1);
  });

  test('the ENV is inherited by a stage built FROM that stage, not by an unrelated one', () => {
    expect(findings('FROM debian:bookworm AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six')).toHaveLength(0);
    expect(findings('FROM debian:bookworm AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base AS app\nRUN pip install six')).toHaveLength(0);
    expect(findings('FROM debian:bookworm AS base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:bookworm\nRUN pip install six')).toHaveLength(1);
  });

  test('like hadolint, stages without an alias are known by their image name', () => {
    expect(findings('FROM python:3.11\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install six')).toHaveLength(0);
  });

  test('ONBUILD RUN only sees ONBUILD ENV', () => {
    expect(count('ENV PIP_NO_CACHE_DIR=1\nONBUILD RUN pip install six')).toBe(1);
    expect(count('ONBUILD ENV PIP_NO_CACHE_DIR=1\nONBUILD RUN pip install six')).toBe(0);
    expect(count('ONBUILD ENV PIP_NO_CACHE_DIR=1\nRUN pip install six')).toBe(1);
  });

  test('a cache or tmpfs mount on a pip cache directory turns it off', () => {
    expect(count('RUN --mount=type=cache,target=/root/.cache/pip pip install six')).toBe(0);
    expect(count('RUN --mount=type=tmpfs,target=/root/.cache/pip pip install six')).toBe(0);
    expect(count('RUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install six')).toBe(0);
    expect(count('RUN --mount=type=cache,target=/var/cache/apt pip install six')).toBe(1);
    expect(count('RUN --mount=type=bind,target=/root/.cache/pip pip install six')).toBe(1);
  });

  test('like hadolint, commands behind sudo or sh -c are not seen', () => {
    expect(count('RUN sudo pip install six')).toBe(0);
    expect(count('RUN sh -c "pip install six"')).toBe(0);
  });

  test('reports the first pip command and fixes every one in the RUN', () => {
    const text = 'FROM python:3.12-slim\nRUN pip install --no-cache-dir six==1.16.0 \\\n && pip3 install attrs==24.2.0 \\\n && python -m pip install click==8.1.7';
    const d = findings(text);
    expect(d).toHaveLength(1);
    expect(d[0]?.span).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 31 });
    expect(applyFixes(text, d).text).toBe(
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir six==1.16.0 \\\n && pip3 install --no-cache-dir attrs==24.2.0 \\\n && python -m pip install --no-cache-dir click==8.1.7',
    );
  });

  test('no fix for the exec form', () => {
    const d = findings('FROM python:3.12-slim\nRUN ["pip", "install", "six"]');
    expect(d).toHaveLength(1);
    expect(d[0]?.fix).toBeUndefined();
  });
});
