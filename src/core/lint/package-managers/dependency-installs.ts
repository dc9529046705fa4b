/**
 * What a command does with a project's dependencies, for Layerlab's own rules (not hadolint-bound):
 * "does this install from manifests", "which manifest files does it read", "does it skip dev
 * dependencies", "where does npm keep its cache". Uses the engine's view of commands (base names,
 * commands behind sudo/env/sh -c included).
 */
import { flagValue, hasFlag, pipInvocation, positionals } from '../../shell/query.ts';
import type { ShellCommand } from '../../shell/types.ts';

export type Ecosystem = 'node' | 'python' | 'ruby' | 'php' | 'go' | 'rust' | 'java' | 'dotnet';

export interface DependencyInstall {
  ecosystem: Ecosystem;
  /** The step as a user would name it, e.g. `npm ci`. */
  label: string;
  /** Files to copy before running it. */
  manifests: string[];
}

/** Value-taking options of npm, yarn and pnpm that appear in Dockerfiles (so their values are not packages). */
const NODE_VALUE_FLAGS = [
  '--loglevel', '--prefix', '--cache', '--registry', '--omit', '--include', '--only', '-w', '--workspace', '--userconfig', '--tag',
  '--network-timeout', '--cwd', '--modules-folder', '--cache-folder', '--mutex', '--filter', '-F', '-C', '--dir', '--store-dir', '--reporter',
];
const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
const NPM_CI = new Set(['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean']);
const LOCKFILES: Record<string, string> = { npm: 'package-lock.json', yarn: 'yarn.lock', pnpm: 'pnpm-lock.yaml', bun: 'bun.lockb' };

/** Options that only print something (`yarn --version`, `bundle -v`, `--help`): the command installs nothing. */
const INFO_FLAGS = new Set(['--version', '-v', '-V', '--help', '-h', '-?']);

/** Does the command carry an informational option (`--version`, `-v`, `--help`, `-h`)? */
export function onlyInforms(cmd: ShellCommand): boolean {
  return cmd.args.some((a) => INFO_FLAGS.has(a.value));
}

/**
 * `npm ci`, `npm install` (no package names), `yarn`/`yarn install`, `pnpm install`, `bun install`:
 * an install of everything package.json lists. Returns the tool name, or null.
 */
export function nodeManifestInstall(cmd: ShellCommand): 'npm' | 'yarn' | 'pnpm' | 'bun' | null {
  const tool = cmd.name;
  if (tool !== 'npm' && tool !== 'yarn' && tool !== 'pnpm' && tool !== 'bun') return null;
  const [sub, ...rest] = positionals(cmd, NODE_VALUE_FLAGS).map((w) => w.value);
  if (tool === 'npm') return (sub !== undefined && NPM_CI.has(sub)) || (sub !== undefined && NPM_INSTALL.has(sub) && rest.length === 0) ? 'npm' : null;
  // A bare `yarn` installs, unless it only prints its version or help (`yarn --version`).
  if (tool === 'yarn') return (sub === undefined && !onlyInforms(cmd)) || sub === 'install' ? 'yarn' : null;
  return (sub === 'install' || sub === 'i') && rest.length === 0 ? tool : null;
}

/** `pip install` requirement files (`-r x`, `--requirement x`, `-rx`, `--requirement=x`). */
export function pipRequirementFiles(pip: ShellCommand): string[] {
  const out: string[] = [];
  pip.args.forEach((a, i) => {
    const v = a.value;
    if (v === '-r' || v === '--requirement') out.push(pip.args[i + 1]?.value ?? '');
    else if (v.startsWith('--requirement=')) out.push(v.slice('--requirement='.length));
    else if (/^-r[^-]/.test(v)) out.push(v.slice(2));
  });
  return out.filter((f) => f !== '');
}

const PIP_VALUE_FLAGS = ['-r', '--requirement', '-e', '--editable', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--trusted-host', '--src', '--platform', '--python-version'];

/** The local project paths of a pip install (`.`, `./app`, `-e .`), extras included (`.[dev]`). */
export function pipLocalTargets(pip: ShellCommand): string[] {
  const out = positionals(pip, PIP_VALUE_FLAGS).map((w) => w.value).filter((v) => v !== 'install' && /^(\.|\/|\.\.)/.test(v));
  pip.args.forEach((a, i) => {
    if ((a.value === '-e' || a.value === '--editable') && /^(\.|\/)/.test(pip.args[i + 1]?.value ?? '')) out.push(pip.args[i + 1]?.value as string);
  });
  return out;
}

/** Value-taking options of `bundle` (so `bundle --jobs 4` is a bare, installing `bundle`). */
const BUNDLE_VALUE_FLAGS = ['-j', '--jobs', '--retry', '--gemfile', '--path', '--without', '--with', '--binstubs'];

function sub(cmd: ShellCommand, valueFlags: readonly string[] = []): string | undefined {
  return positionals(cmd, valueFlags)[0]?.value;
}

/** The subcommand of an npm/yarn/pnpm/bun command (`ci` in `npm --loglevel warn ci`). */
export function nodeSubcommand(cmd: ShellCommand): string | undefined {
  return sub(cmd, NODE_VALUE_FLAGS);
}

/** The other tools dependencyInstall knows (the cases of its switch). */
const OTHER_INSTALLERS = new Set(['uv', 'poetry', 'pipenv', 'bundle', 'bundler', 'composer', 'go', 'cargo', 'mvn', 'mvnw', 'gradle', 'gradlew', 'dotnet']);

/** Classifies a command as a dependency install step, naming the manifests it reads. */
export function dependencyInstall(cmd: ShellCommand): DependencyInstall | null {
  // `pnpm fetch` downloads everything the lockfile names, so a later `pnpm install --offline` only links.
  if (cmd.name === 'pnpm' && nodeSubcommand(cmd) === 'fetch') return { ecosystem: 'node', label: 'pnpm fetch', manifests: ['pnpm-lock.yaml'] };
  const node = nodeManifestInstall(cmd);
  if (node) return { ecosystem: 'node', label: cmd.name === 'yarn' ? 'yarn install' : `${cmd.name} ${sub(cmd, NODE_VALUE_FLAGS) ?? 'install'}`, manifests: ['package.json', LOCKFILES[node] as string] };
  const pip = pipInvocation(cmd);
  const pipSub = pip ? sub(pip, PIP_VALUE_FLAGS) : undefined;
  // `pip wheel -r` / `pip download -r` fetch the requirements too (a wheel-house built before the source copy).
  if (pip && (pipSub === 'wheel' || pipSub === 'download') && pipRequirementFiles(pip).length > 0) {
    return { ecosystem: 'python', label: `pip ${pipSub} -r`, manifests: pipRequirementFiles(pip) };
  }
  if (pip && pipSub === 'install') {
    const reqs = pipRequirementFiles(pip);
    if (reqs.length > 0) return { ecosystem: 'python', label: 'pip install -r', manifests: reqs };
    if (pipLocalTargets(pip).length > 0 && !hasFlag(pip, '--no-deps')) return { ecosystem: 'python', label: 'pip install .', manifests: ['pyproject.toml (or setup.py)'] };
    return null;
  }
  if (!OTHER_INSTALLERS.has(cmd.name)) return null;
  const s = sub(cmd);
  switch (cmd.name) {
    case 'uv':
      if (s === 'sync') return { ecosystem: 'python', label: 'uv sync', manifests: ['pyproject.toml', 'uv.lock'] };
      if (s === 'pip' && pipRequirementFiles(cmd).length > 0) return { ecosystem: 'python', label: 'uv pip install -r', manifests: pipRequirementFiles(cmd) };
      return null;
    case 'poetry':
      return s === 'install' ? { ecosystem: 'python', label: 'poetry install', manifests: ['pyproject.toml', 'poetry.lock'] } : null;
    case 'pipenv':
      return s === 'sync' || (s === 'install' && positionals(cmd).length === 1) ? { ecosystem: 'python', label: `pipenv ${s}`, manifests: ['Pipfile', 'Pipfile.lock'] } : null;
    case 'bundle':
    case 'bundler': {
      const b = sub(cmd, BUNDLE_VALUE_FLAGS);
      return (b === undefined && !onlyInforms(cmd)) || b === 'install' ? { ecosystem: 'ruby', label: 'bundle install', manifests: ['Gemfile', 'Gemfile.lock'] } : null;
    }
    case 'composer':
      return s === 'install' ? { ecosystem: 'php', label: 'composer install', manifests: ['composer.json', 'composer.lock'] } : null;
    case 'go': {
      const args = positionals(cmd).slice(1).map((w) => w.value);
      if (s === 'mod' && args[0] === 'download') return { ecosystem: 'go', label: 'go mod download', manifests: ['go.mod', 'go.sum'] };
      // `go get -d ./...` (or a bare `go get`) downloads the module's dependencies; `go get example.com/tool` installs a tool.
      if (s === 'get' && args.every((a) => a === '.' || a.startsWith('./'))) return { ecosystem: 'go', label: 'go get', manifests: ['go.mod', 'go.sum'] };
      return null;
    }
    case 'cargo':
      if (s === 'chef' && positionals(cmd)[1]?.value === 'cook') return { ecosystem: 'rust', label: 'cargo chef cook', manifests: ['recipe.json (from `cargo chef prepare`)'] };
      return s === 'fetch' || s === 'build' ? { ecosystem: 'rust', label: `cargo ${s}`, manifests: ['Cargo.toml', 'Cargo.lock'] } : null;
    case 'mvn':
    case 'mvnw': {
      const goals = positionals(cmd, ['-f', '-s', '-P', '-pl']).map((w) => w.value);
      const hit = goals.find((g) => /^dependency:(go-offline|resolve)/.test(g) || ['package', 'install', 'verify', 'compile'].includes(g));
      return hit ? { ecosystem: 'java', label: `mvn ${hit}`, manifests: ['pom.xml'] } : null;
    }
    case 'gradle':
    case 'gradlew': {
      const hit = positionals(cmd).map((w) => w.value).find((t) => ['build', 'assemble', 'bootJar', 'dependencies', 'installDist', 'shadowJar'].includes(t));
      return hit ? { ecosystem: 'java', label: `gradle ${hit}`, manifests: ['build.gradle(.kts)', 'settings.gradle(.kts)'] } : null;
    }
    case 'dotnet':
      return s === 'restore' || ((s === 'publish' || s === 'build') && !hasFlag(cmd, '--no-restore'))
        ? { ecosystem: 'dotnet', label: `dotnet ${s}`, manifests: ['*.csproj (and the .sln)'] }
        : null;
    default:
      return null;
  }
}

/** All values of a long option (`--omit=dev`, `--omit dev`). */
export function optionValues(cmd: ShellCommand, flag: string): string[] {
  const out: string[] = [];
  cmd.args.forEach((a, i) => {
    if (a.value === flag) out.push(cmd.args[i + 1]?.value ?? '');
    else if (a.value.startsWith(`${flag}=`)) out.push(a.value.slice(flag.length + 1));
  });
  return out;
}

/** Path-name tokens that say "development only". */
const DEV_TOKEN = /(^|[/_.\-,[])(dev|develop|development|test|tests|testing)(?=[/_.\-,\]]|$)/i;

/** `requirements-dev.txt`, `requirements/test.txt`, `.[dev]`: only the last two path parts count; `/dev/…` is a device. */
export function namesDevDependencies(text: string): boolean {
  if (text.startsWith('/dev/')) return false;
  return DEV_TOKEN.test(text.split('/').slice(-2).join('/'));
}

/** Environment that turns dev dependencies off, as seen by one command. */
export interface ProdEnv {
  /** NODE_ENV=production (also honoured by yarn v1 and pnpm). */
  nodeEnvProduction: boolean;
  /** Other variables set before the command (ENV, ARG, assignments), by upper-cased name. */
  vars: { get(name: string): string | undefined };
}

/**
 * A command that installs development dependencies: returns how to name it and what to use instead,
 * or null when it installs production dependencies only (or is not an install).
 */
export function devDependencyInstall(cmd: ShellCommand, env: ProdEnv): { label: string; fix: string } | null {
  const v = (name: string) => cmd.assignments.find((a) => a.name.toUpperCase() === name)?.value ?? env.vars.get(name);
  const nodeProd = env.nodeEnvProduction || v('NODE_ENV') === 'production';
  const node = nodeManifestInstall(cmd);
  if (node === 'npm') {
    const label = `npm ${sub(cmd, NODE_VALUE_FLAGS)}`;
    const prod =
      nodeProd || optionValues(cmd, '--omit').some((o) => o.split(',').includes('dev')) || optionValues(cmd, '--only').some((o) => /^prod(uction)?$/.test(o)) ||
      cmd.args.some((a) => a.value === '--production' || a.value === '--production=true') || v('NPM_CONFIG_OMIT') === 'dev' || v('NPM_CONFIG_PRODUCTION') === 'true';
    return prod ? null : { label, fix: `${label} --omit=dev` };
  }
  if (node === 'yarn') {
    const prod = nodeProd || cmd.args.some((a) => ['--production', '--prod', '--production=true'].includes(a.value)) || v('YARN_PRODUCTION') === 'true';
    return prod ? null : { label: 'yarn install', fix: 'yarn install --production' };
  }
  if (node === 'pnpm') {
    const prod = nodeProd || cmd.args.some((a) => ['--prod', '-P', '--production'].includes(a.value));
    return prod ? null : { label: 'pnpm install', fix: 'pnpm install --prod' };
  }
  const pip = pipInvocation(cmd) ?? (cmd.name === 'uv' && sub(cmd) === 'pip' ? cmd : null);
  if (pip && positionals(pip, PIP_VALUE_FLAGS).some((w) => w.value === 'install')) {
    const dev = pipRequirementFiles(pip).find(namesDevDependencies) ?? pipLocalTargets(pip).find((t) => /\[[^\]]*\]/.test(t) && namesDevDependencies(t.slice(t.indexOf('['))));
    if (!dev) return null;
    return dev.includes('[') ? { label: `pip install ${dev}`, fix: `pip install ${dev.slice(0, dev.indexOf('['))}` } : { label: `pip install -r ${dev}`, fix: 'pip install -r requirements.txt' };
  }
  if (cmd.name !== 'pipenv' && cmd.name !== 'poetry' && cmd.name !== 'uv' && cmd.name !== 'composer') return null;
  const s = sub(cmd);
  if (cmd.name === 'pipenv' && (s === 'install' || s === 'sync') && hasFlag(cmd, '--dev', '-d')) return { label: `pipenv ${s} --dev`, fix: `pipenv ${s} --deploy` };
  if (cmd.name === 'poetry' && s === 'install') {
    const only = optionValues(cmd, '--only');
    const without = optionValues(cmd, '--without').flatMap((o) => o.split(','));
    const prod = hasFlag(cmd, '--no-dev', '--only-root') || (only.length > 0 && !only.some((o) => o.split(',').includes('dev'))) || without.includes('dev');
    return prod ? null : { label: 'poetry install', fix: 'poetry install --only main' };
  }
  if (cmd.name === 'uv' && s === 'sync') {
    const prod = hasFlag(cmd, '--no-dev', '--no-default-groups', '--only-group') || ['1', 'true'].includes((v('UV_NO_DEV') ?? '').toLowerCase());
    return prod ? null : { label: 'uv sync', fix: 'uv sync --no-dev' };
  }
  if (cmd.name === 'composer' && s === 'install') {
    const prod = hasFlag(cmd, '--no-dev') || v('COMPOSER_NO_DEV') === '1';
    return prod ? null : { label: 'composer install', fix: 'composer install --no-dev' };
  }
  return null;
}

/**
 * Removes dev dependencies that an earlier install put in place: `npm prune --omit=dev|--production`,
 * `pnpm prune --prod`, a production re-install, or `rm -rf node_modules`.
 */
export function prunesDevDependencies(cmd: ShellCommand, env: ProdEnv): boolean {
  if ((cmd.name === 'npm' || cmd.name === 'pnpm') && sub(cmd, NODE_VALUE_FLAGS) === 'prune') {
    return env.nodeEnvProduction || optionValues(cmd, '--omit').some((o) => o.split(',').includes('dev')) || cmd.args.some((a) => ['--production', '--prod', '--only=production', '--only=prod'].includes(a.value));
  }
  if (nodeManifestInstall(cmd)) return devDependencyInstall(cmd, env) === null;
  return cmd.name === 'rm' && cmd.args.some((a) => /^-[a-zA-Z]*[rR]/.test(a.value)) && cmd.args.some((a) => /(^|\/)node_modules\/?$/.test(a.value));
}

// ---- npm cache ----

/** npm commands that download packages into npm's cache (~/.npm/_cacache). */
export function fillsNpmCache(cmd: ShellCommand): boolean {
  if (cmd.name !== 'npm') return false;
  const s = sub(cmd, NODE_VALUE_FLAGS);
  return s !== undefined && (NPM_INSTALL.has(s) || NPM_CI.has(s) || ['update', 'up', 'upgrade', 'install-test', 'it', 'install-ci-test', 'cit'].includes(s));
}

/** The cache directory given on the command line (`--cache dir`, `npm_config_cache=dir`). */
export function npmCacheOption(cmd: ShellCommand): string | undefined {
  return flagValue(cmd, '--cache') ?? cmd.assignments.find((a) => a.name.toLowerCase() === 'npm_config_cache')?.value;
}

export function isNpmCacheClean(cmd: ShellCommand): boolean {
  if (cmd.name !== 'npm') return false;
  const p = positionals(cmd, NODE_VALUE_FLAGS).map((w) => w.value);
  return p[0] === 'cache' && ['clean', 'clear', 'rm'].includes(p[1] ?? '');
}

/** npm's default cache location in any home directory: `~/.npm`, `/root/.npm`, `$HOME/.npm/_cacache`, … */
export function isDefaultNpmCachePath(path: string): boolean {
  return /(^|\/)\.npm(\/.*)?$/.test(path);
}

/** Does removing or mounting `path` cover `dir`? (`/tmp/*` covers `/tmp/npm-cache`.) */
export function pathCovers(path: string, dir: string): boolean {
  const p = path.replace(/\/\*$/, '').replace(/\/+$/, '');
  const d = dir.replace(/\/+$/, '');
  return p !== '' && (d === p || d.startsWith(`${p}/`));
}

/** `rm -r…` of one of the paths accepted by `covers`. */
export function removesPath(cmd: ShellCommand, covers: (path: string) => boolean): boolean {
  return cmd.name === 'rm' && cmd.args.some((a) => /^-[a-zA-Z]*[rR]|^--recursive$/.test(a.value)) && cmd.args.some((a) => !a.value.startsWith('-') && covers(a.value));
}
