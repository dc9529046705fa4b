import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { usePinnedNpmPackages as rule } from './use-pinned-npm-packages.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (cmd: string) => findings(`FROM node:22-slim\nRUN ${cmd}`).length;
const countOnbuild = (cmd: string) => findings(`FROM node:22-slim\nONBUILD RUN ${cmd}`).length;

describe('use-pinned-npm-packages (hadolint DL3016)', () => {
  test.each([
    'npm install lodash',
    'npm install @acme/private-lib',
    'npm install lodash left-pad@1.3.0',
    'npm install --global lodash',
    'npm install -g lodash',
    'npm install git+ssh://git@github.com:npm/cli.git',
    'npm install git+http://user@github.com/npm/cli',
    'npm install git+https://user@github.com/npm/cli.git',
    'npm install git://github.com/npm/cli.git',
    'npm install -- lodash@4.17.21',
  ])('flags %s (also as ONBUILD)', (cmd) => {
    expect(count(cmd)).toBe(1);
    expect(countOnbuild(cmd)).toBe(1);
  });

  test.each([
    'npm install',
    'npm install --progress=false',
    'npm ci',
    'npm install lodash@4.17.21',
    'npm install @acme/private-lib@">=0.1.0"',
    'npm install @acme/private-lib@">=0.1.0 <0.2.0"',
    'npm install lodash@"4.17.21" left-pad@1.3.0',
    'npm install --global lodash@"4.17.21"',
    'npm install -g lodash@latest',
    'npm install lib-v1.2.3.tar',
    'npm install lib-v1.2.3.tar.gz',
    'npm install lib-v1.2.3.tgz',
    'npm install /srv/lib',
    'npm install ./lib',
    'npm install ../lib',
    'npm install ~/lib',
    'npm install git+ssh://git@github.com:npm/cli.git#v10.8.3',
    'npm install git+http://user@github.com/npm/cli#semver:^10.0',
    'npm install git+https://user@github.com/npm/cli.git#v10.8.3',
    'npm install git://github.com/npm/cli.git#v10.8.3',
    'npm run --silent install',
    'npm install --loglevel verbose lodash@4.17.21',
    'npm i lodash',
    'yarn add lodash',
  ])('accepts %s (also as ONBUILD)', (cmd) => {
    expect(count(cmd)).toBe(0);
    expect(countOnbuild(cmd)).toBe(0);
  });

  test('like hadolint, the word after --loglevel is its value, even when written --loglevel=x', () => {
    expect(count('npm install --loglevel=silent lodash')).toBe(0);
  });

  test('reports the npm command', () => {
    const d = findings('FROM node:22-slim\nRUN npm ci && npm install -g pm2 nodemon');
    expect(d).toHaveLength(1);
    expect(d[0]?.span).toEqual({ line: 2, column: 15, endLine: 2, endColumn: 41 });
    expect(d[0]?.message).toContain('`pm2` and `nodemon` are');
  });
});
