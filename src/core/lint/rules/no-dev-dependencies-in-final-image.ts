import type { Instruction, Stage, VarDef } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { commandsOf, finalStage, stageChain } from '../helpers.ts';
import { devDependencyInstall, nodeManifestInstall, prunesDevDependencies, type ProdEnv } from '../package-managers/dependency-installs.ts';

export const noDevDependenciesInFinalImage = defineRule({
  id: 'no-dev-dependencies-in-final-image',
  title: 'Install only production dependencies in the final image',
  category: 'size',
  severity: 'warning',
  equivalents: [],
  lesson: 'dev-vs-prod-deps',
  why:
    'Test runners, linters, type checkers and bundlers are needed to build and check the code, not to run it. Installed in the final image they add tens or hundreds of MB and a larger attack surface. Install production dependencies only (`npm ci --omit=dev`, `poetry install --only main`, a production requirements file), or build in an earlier stage and prune before the final one. Only the final stage (and the stages it is built FROM) is checked; a final stage named like `test` or `dev` is skipped.',
  messages: {
    dev: (label: string, fix: string) =>
      `\`${label}\` puts development dependencies (test runners, linters, build tools) into the final image, which adds size and attack surface. Install the production set instead (\`${fix}\`), and keep the development set for a build or test stage.`,
    node: (label: string, fix: string) =>
      `\`${label}\` also installs devDependencies (test runners, linters, build tools) into the final image, which adds size and attack surface. Use \`${fix}\`${fix.startsWith('yarn') ? ' (Yarn 2+: `yarn workspaces focus --all --production`)' : ''} or set \`ENV NODE_ENV=production\` before it, or build in an earlier stage and run \`npm prune --omit=dev\` before copying node_modules.`,
  },
  examples: {
    invalid: [
      'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]',
      'FROM python:3.12-slim\nCOPY requirements-dev.txt .\nRUN pip install --no-cache-dir -r requirements-dev.txt',
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry==1.8.3\nCOPY . .\nRUN poetry install',
      'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean',
    ],
    valid: [
      'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev',
      'FROM node:22-slim\nENV NODE_ENV=production\nCOPY package*.json ./\nRUN npm ci',
      'FROM node:22-slim\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev',
      'FROM node:22 AS build\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /app/dist ./dist',
      'FROM python:3.12-slim\nCOPY . .\nRUN poetry install --only main',
      'FROM python:3.12-slim AS test\nRUN pip install --no-cache-dir -r requirements/test.txt',
    ],
  },
  check({ dockerfile, report }, messages) {
    const last = finalStage(dockerfile);
    if (!last || (last.name !== null && /(^|[-_.])(dev|develop|development|test|tests|testing|ci|lint|debug)([-_.]|$)/.test(last.name))) return;
    const chain = stageChain(dockerfile, last).reverse();
    const steps = chain.flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN');
    const env = prodEnvs(chain);
    const all = steps.flatMap((run) => commandsOf(run).map((cmd) => ({ run, cmd })));
    /** Index of the last command that prunes dev dependencies (-1: none); computed when first needed. */
    let lastPrune: number | undefined;
    all.forEach(({ run, cmd }, i) => {
      const dev = devDependencyInstall(cmd, env(run));
      if (!dev) return;
      const node = nodeManifestInstall(cmd) !== null;
      if (node) {
        lastPrune ??= findLastIndex(all, (later) => prunesDevDependencies(later.cmd, env(later.run)));
        if (lastPrune > i) return;
      }
      report({ instruction: run, span: cmd.span, message: node ? messages.node(dev.label, dev.fix) : messages.dev(dev.label, dev.fix) });
    });
  },
});

function findLastIndex<T>(xs: readonly T[], test: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (test(xs[i] as T)) return i;
  return -1;
}

/**
 * For each RUN of the chain (oldest stage first): the variables set by ENV and ARG before it in its stage
 * chain, and `NODE_ENV=production` in the RUN itself. A base stage lies wholly before the stages built on
 * it, so "defined on an earlier line of the chain" is the RUN's own stage chain. Looked up by name on
 * demand, so a long file does not copy every variable for every RUN.
 */
function prodEnvs(chain: readonly Stage[]): (run: Instruction) => ProdEnv {
  const byName = new Map<string, VarDef[]>();
  for (const s of chain) {
    for (const v of s.vars) {
      const key = v.name.toUpperCase();
      const list = byName.get(key);
      if (list) list.push(v);
      else byName.set(key, [v]);
    }
  }
  const cache = new Map<Instruction, ProdEnv>();
  return (run) => {
    let env = cache.get(run);
    if (env) return env;
    const line = run.span.line;
    const get = (name: string): string | undefined => {
      const list = byName.get(name);
      if (!list) return undefined;
      for (let i = list.length - 1; i >= 0; i--) {
        const v = list[i] as VarDef;
        if (v.line < line) return v.value ?? '';
      }
      return undefined;
    };
    const inRun = /\bNODE_ENV=["']?production\b/.test(run.shell?.text ?? run.argsText);
    env = { nodeEnvProduction: inRun || get('NODE_ENV') === 'production', vars: { get } };
    cache.set(run, env);
    return env;
  };
}
