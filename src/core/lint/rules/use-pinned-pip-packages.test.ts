import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { usePinnedPipPackages as rule } from './use-pinned-pip-packages.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (cmd: string) => findings(`FROM python:3.12-slim\nRUN ${cmd}`).length;
const countOnbuild = (cmd: string) => findings(`FROM python:3.12-slim\nONBUILD RUN ${cmd}`).length;

describe('use-pinned-pip-packages (hadolint DL3013)', () => {
  test.each([
    'pip install requests',
    'pip2 install Django',
    'pip3 install Django',
    'pip3.12 install Django',
    'python -m pip install requests',
    'python3 -m pip install --index-url https://pypi.example.com/simple requests',
    'pip install git+https://github.com/psf/requests.git#egg=requests',
    'pip install git+ssh://git.example.com/psf/requests.git#egg=requests',
    'pip install --upgrade pip',
    'pip install requests==2.32.3 six',
    'pip install --user six',
    'echo ok && if true; then pip install six; fi',
    'echo $(pip install six)',
    '["pip", "install", "six"]',
  ])('flags %s (also as ONBUILD)', (cmd) => {
    expect(count(cmd)).toBe(1);
    expect(countOnbuild(cmd)).toBe(1);
  });

  test.each([
    'pip install requests==2.32.3',
    'pip install requests~=2.32',
    'pip install requests===2.32.3',
    "pip install 'requests>=2.32'",
    "pip install 'requests<3'",
    "pip install 'requests!=2.31.0'",
    'pip install --ignore-installed requests==2.32.3',
    'pip3 install --build /opt/build yamllint==1.35.1',
    'pip3 install --prefix /opt/tools yamllint==1.35.1',
    'pip3 install --root /opt/tools yamllint==1.35.1',
    'pip3 install --target /opt/tools yamllint==1.35.1',
    'pip3 install --trusted-host pypi.example.com yamllint==1.35.1',
    'pip install -i https://pypi.example.com/simple --extra-index-url https://user:pw@mirror.example.com/simple pkg==1.0',
    'pip install requests==2.32.3 --user --no-cache-dir --disable-pip-version-check',
    'pip install -r requirements.txt',
    'pip install --requirement requirements.txt',
    'pip install .',
    'pip install -e .',
    'pip install wheels/app-1.0-py3-none-any.whl',
    'pip install app-1.0.tar.gz',
    'pip install src/app',
    'pip install https://example.com/archive/app.zip',
    'pip install git+https://github.com/psf/requests.git@v2.32.3#egg=requests',
    'pip install six -c constraints.txt',
    'pip install six --constraint https://example.com/constraints.txt',
    'pipenv install requests',
    'pipx install black',
    'python -m pipx install black',
    'pip download six',
    'pip install',
  ])('accepts %s', (cmd) => {
    expect(count(cmd)).toBe(0);
    expect(countOnbuild(cmd)).toBe(0);
  });

  test('like hadolint, does not look behind sudo, env, sh -c or a path', () => {
    expect(count('sudo pip install six')).toBe(0);
    expect(count('env PIP_INDEX_URL=x pip install six')).toBe(0);
    expect(count('sh -c "pip install six"')).toBe(0);
    expect(count('/opt/venv/bin/pip install six')).toBe(0);
  });

  test('like hadolint, the argument after --index-url=… is taken as its value', () => {
    expect(count('pip install --index-url=https://pypi.example.com/simple six')).toBe(0);
  });

  test('reports once per RUN, on the first unpinned pip command', () => {
    const d = findings('FROM python:3.12-slim\nRUN pip install six==1.16.0 && \\\n    pip install attrs && pip install click');
    expect(d).toHaveLength(1);
    expect(d[0]?.span).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 22 });
    expect(d[0]?.instructionLine).toBe(2);
    expect(d[0]?.message).toContain('`attrs` is installed without a version');
  });

  test('a hadolint ignore comment silences it', () => {
    expect(findings('FROM python:3.12-slim\n# hadolint ignore=DL3013\nRUN pip install six')).toHaveLength(0);
  });
});
