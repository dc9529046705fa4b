import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter } from '../../../node/engine.ts';
import type { Instruction } from '../../parse/model.ts';
import { parseDockerfile } from '../../parse/parse.ts';
import type { ShellCommand, ShellParser } from '../../shell/types.ts';
import {
  dependencyInstall, devDependencyInstall, fillsNpmCache, isDefaultNpmCachePath, isNpmCacheClean, namesDevDependencies, nodeManifestInstall, npmCacheOption,
  pathCovers, pipLocalTargets, pipRequirementFiles, prunesDevDependencies, removesPath, type ProdEnv,
} from './dependency-installs.ts';

let shell: ShellParser;
beforeAll(async () => {
  shell = (await createNodeLinter()).shell;
});
const one = (script: string): ShellCommand => {
  const c = (parseDockerfile(`FROM debian:bookworm\nRUN ${script}`, { shell }).dockerfile.instructions[1] as Instruction).shell?.commands.at(-1);
  if (!c) throw new Error(`no command in ${script}`);
  return c;
};
const dev: ProdEnv = { nodeEnvProduction: false, vars: new Map() };

describe('node installs', () => {
  test('nodeManifestInstall: installs of everything package.json lists', () => {
    expect(nodeManifestInstall(one('npm ci'))).toBe('npm');
    expect(nodeManifestInstall(one('npm --loglevel warn install'))).toBe('npm');
    expect(nodeManifestInstall(one('npm install express'))).toBeNull();
    expect(nodeManifestInstall(one('yarn'))).toBe('yarn');
    expect(nodeManifestInstall(one('yarn --frozen-lockfile'))).toBe('yarn');
    expect(nodeManifestInstall(one('yarn build'))).toBeNull();
    expect(nodeManifestInstall(one('yarn --version'))).toBeNull();
    expect(nodeManifestInstall(one('yarn -v'))).toBeNull();
    expect(nodeManifestInstall(one('yarn --help'))).toBeNull();
    expect(nodeManifestInstall(one('yarn config set registry https://registry.example.com'))).toBeNull();
    expect(nodeManifestInstall(one('npm --version'))).toBeNull();
    expect(nodeManifestInstall(one('npm config set fund false'))).toBeNull();
    expect(nodeManifestInstall(one('pnpm --version'))).toBeNull();
    expect(nodeManifestInstall(one('pnpm fetch'))).toBeNull();
    expect(nodeManifestInstall(one('pnpm i --frozen-lockfile'))).toBe('pnpm');
    expect(nodeManifestInstall(one('sudo npm ci'))).toBe('npm');
  });
});

describe('dependencyInstall', () => {
  test.each([
    ['npm ci', 'node', ['package.json', 'package-lock.json']],
    ['yarn install', 'node', ['package.json', 'yarn.lock']],
    ['pip install -r req/base.txt -r req/prod.txt', 'python', ['req/base.txt', 'req/prod.txt']],
    ['python -m pip install .', 'python', ['pyproject.toml (or setup.py)']],
    ['uv pip install -r requirements.txt', 'python', ['requirements.txt']],
    ['poetry install', 'python', ['pyproject.toml', 'poetry.lock']],
    ['bundle install', 'ruby', ['Gemfile', 'Gemfile.lock']],
    ['go mod download', 'go', ['go.mod', 'go.sum']],
    ['cargo fetch', 'rust', ['Cargo.toml', 'Cargo.lock']],
    ['mvn -B -q dependency:go-offline', 'java', ['pom.xml']],
    ['dotnet restore', 'dotnet', ['*.csproj (and the .sln)']],
    ['pnpm fetch --prod', 'node', ['pnpm-lock.yaml']],
    ['cargo chef cook --release --recipe-path recipe.json', 'rust', ['recipe.json (from `cargo chef prepare`)']],
    ['go get -d -v ./...', 'go', ['go.mod', 'go.sum']],
    ['go get', 'go', ['go.mod', 'go.sum']],
    ['pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt', 'python', ['requirements.txt']],
    ['bundle', 'ruby', ['Gemfile', 'Gemfile.lock']],
    ['bundle --jobs 4 --retry 3', 'ruby', ['Gemfile', 'Gemfile.lock']],
    ['bundle install -j 4', 'ruby', ['Gemfile', 'Gemfile.lock']],
  ])('%s', (script, ecosystem, manifests) => {
    expect(dependencyInstall(one(script))).toMatchObject({ ecosystem, manifests });
  });

  test.each(['npm install -g pm2', 'pip install six', 'pip install --no-deps .', 'pipenv install requests', 'go build ./...', 'go mod tidy', 'cargo test', 'dotnet build --no-restore', 'make',
    'bundle --version', 'bundle -v', 'bundle config set --local without development', 'yarn --version', 'go get github.com/example/tool@v1.2.3',
    'cargo chef prepare --recipe-path recipe.json', 'pip wheel six', 'poetry --version', 'composer --version', 'pip --version'])(
    'not an install: %s',
    (script) => {
      expect(dependencyInstall(one(script))).toBeNull();
    },
  );

  test('pip requirement files and local targets', () => {
    expect(pipRequirementFiles(one('pip install -rreq.txt --requirement=b.txt'))).toEqual(['req.txt', 'b.txt']);
    expect(pipLocalTargets(one('pip install -e . ./lib six'))).toEqual(['./lib', '.']);
  });
});

describe('dev dependencies', () => {
  test('namesDevDependencies', () => {
    for (const f of ['requirements-dev.txt', 'requirements/dev.txt', 'dev-requirements.txt', 'requirements_test.txt', 'reqs/testing.in', '[dev,docs]']) expect(namesDevDependencies(f)).toBe(true);
    for (const f of ['requirements.txt', 'devices.txt', 'requirements/prod.txt', '/dev/stdin', '/home/dev/app/requirements.txt', 'latest.txt']) expect(namesDevDependencies(f)).toBe(false);
  });

  test('devDependencyInstall names a fix', () => {
    expect(devDependencyInstall(one('npm ci'), dev)).toEqual({ label: 'npm ci', fix: 'npm ci --omit=dev' });
    expect(devDependencyInstall(one('pip install -e .[dev]'), dev)).toEqual({ label: 'pip install .[dev]', fix: 'pip install .' });
    expect(devDependencyInstall(one('pipenv install -d'), dev)?.fix).toBe('pipenv install --deploy');
    expect(devDependencyInstall(one('npm ci'), { nodeEnvProduction: true, vars: new Map() })).toBeNull();
    expect(devDependencyInstall(one('npm ci'), { nodeEnvProduction: false, vars: new Map([['NPM_CONFIG_PRODUCTION', 'true']]) })).toBeNull();
    expect(devDependencyInstall(one('NPM_CONFIG_OMIT=dev npm ci'), dev)).toBeNull();
  });

  test('prunesDevDependencies', () => {
    expect(prunesDevDependencies(one('npm prune --omit=dev'), dev)).toBe(true);
    expect(prunesDevDependencies(one('npm prune'), dev)).toBe(false);
    expect(prunesDevDependencies(one('npm prune'), { nodeEnvProduction: true, vars: new Map() })).toBe(true);
    expect(prunesDevDependencies(one('pnpm prune --prod'), dev)).toBe(true);
    expect(prunesDevDependencies(one('rm -rf /app/node_modules'), dev)).toBe(true);
    expect(prunesDevDependencies(one('rm -rf /app/node_modules/.cache'), dev)).toBe(false);
  });
});

describe('npm cache', () => {
  test('which npm commands fill or clean the cache', () => {
    expect(fillsNpmCache(one('npm ci'))).toBe(true);
    expect(fillsNpmCache(one('npm install -g x'))).toBe(true);
    expect(fillsNpmCache(one('npm run build'))).toBe(false);
    expect(isNpmCacheClean(one('npm cache clean --force'))).toBe(true);
    expect(isNpmCacheClean(one('npm cache verify'))).toBe(false);
    expect(npmCacheOption(one('npm ci --cache /tmp/c'))).toBe('/tmp/c');
    expect(npmCacheOption(one('npm_config_cache=/tmp/d npm ci'))).toBe('/tmp/d');
  });

  test('paths', () => {
    expect(isDefaultNpmCachePath('/root/.npm')).toBe(true);
    expect(isDefaultNpmCachePath('~/.npm/_cacache')).toBe(true);
    expect(isDefaultNpmCachePath('/root/.npmrc')).toBe(false);
    expect(pathCovers('/tmp/*', '/tmp/npm')).toBe(true);
    expect(pathCovers('/tmp/', '/tmp/npm/x')).toBe(true);
    expect(pathCovers('/tmp/np', '/tmp/npm')).toBe(false);
    expect(pathCovers('/*', '/tmp')).toBe(false);
    expect(removesPath(one('rm -rf /root/.npm'), isDefaultNpmCachePath)).toBe(true);
    expect(removesPath(one('rm -f /root/.npm'), isDefaultNpmCachePath)).toBe(false);
  });
});
