import type { Instruction, ParsedDockerfile, Stage, VarDef } from '../../parse/model.ts';
import type { ShellCommand } from '../../shell/types.ts';
import { defineRule } from '../define-rule.ts';
import { commandsOf, mountsOf, runs, shippedStageIndexes, stageChain, stageOf } from '../helpers.ts';
import { fillsNpmCache, isDefaultNpmCachePath, isNpmCacheClean, nodeSubcommand, npmCacheOption, pathCovers, removesPath } from '../package-managers/dependency-installs.ts';
import { appendToRun } from '../package-managers/fixes.ts';

export const noNpmCacheLeftBehind = defineRule({
  id: 'no-npm-cache-left-behind',
  title: 'Clean the npm cache in the RUN that runs npm install or npm ci',
  category: 'size',
  severity: 'info',
  equivalents: [],
  lesson: 'cleanup-in-the-same-run',
  why:
    'npm keeps a copy of every package it downloads in ~/.npm/_cacache, often as large as node_modules itself. In an image that copy is never used again, but it is stored in the layer unless the same RUN removes it (`npm cache clean --force`) or keeps it out with a BuildKit cache mount. Only stages that end up in the image are checked.',
  messages: {
    cache: (command: string) =>
      `\`${command}\` leaves npm's download cache (~/.npm) in this layer. Add \`&& npm cache clean --force\` at the end of this RUN, or mount the cache: \`RUN --mount=type=cache,target=/root/.npm ${command}\`.`,
  },
  examples: {
    invalid: [
      {
        code: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev',
        fixed: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev && npm cache clean --force',
      },
      'FROM node:22-slim\nRUN npm cache clean --force && npm install -g pm2@5.4.2',
      'FROM node:22-slim\nRUN npm ci --omit=dev && rm -rf /tmp/*',
    ],
    valid: [
      'FROM node:22-slim\nRUN npm ci --omit=dev && npm cache clean --force',
      'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev',
      'FROM node:22-slim\nRUN npm ci --omit=dev --cache /tmp/npm-cache && rm -rf /tmp/npm-cache',
      'FROM node:22-slim\nRUN npm ci && rm -rf ~/.npm',
      'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html',
    ],
  },
  check({ dockerfile, report }, messages) {
    const shipped = shippedStageIndexes(dockerfile);
    const cacheDefs = new Map<Stage, VarDef[]>();
    for (const run of runs(dockerfile)) {
      if (!shipped.has(run.stage) && !run.onbuildParent) continue;
      const cmds = commandsOf(run);
      // The ENV lookup walks the stage chain's variables: only for RUNs that run npm.
      let envCache: { dir: string | undefined } | undefined;
      const idx = cmds.findIndex((c, i) => fillsNpmCache(c) && !cleanedLater(run, cmds.slice(i + 1), npmCacheOption(c) ?? (envCache ??= { dir: envCacheDir(dockerfile, run, cacheDefs) }).dir));
      const cmd = cmds[idx];
      if (!cmd) continue;
      const label = `npm ${nodeSubcommand(cmd) ?? 'install'}`;
      report({ instruction: run, span: cmd.span, message: messages.cache(label), fix: appendToRun(run, ' && npm cache clean --force', 'Add `npm cache clean --force` to this RUN') });
    }
  },
});

/** Is the cache that an npm command filled (default ~/.npm, or `dir`) gone or kept out of the layer? */
function cleanedLater(run: Instruction, later: readonly ShellCommand[], dir: string | undefined): boolean {
  const covers = (p: string) => isDefaultNpmCachePath(p) || (dir !== undefined && pathCovers(p, dir));
  const mounted = mountsOf(run).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null && covers(m.target));
  return mounted || later.some((c) => isNpmCacheClean(c) || removesPath(c, covers));
}

/** `ENV npm_config_cache=…` in the RUN's stage or a stage it builds on, declared before the RUN. */
function envCacheDir(df: ParsedDockerfile, run: Instruction, cacheDefs: Map<Stage, VarDef[]>): string | undefined {
  const stage = stageOf(df, run);
  if (!stage) return undefined;
  const ofStage = (s: Stage): VarDef[] => {
    let defs = cacheDefs.get(s);
    if (!defs) cacheDefs.set(s, (defs = s.vars.filter((v) => v.kind === 'ENV' && v.name.toLowerCase() === 'npm_config_cache')));
    return defs;
  };
  const defs = stageChain(df, stage)
    .flatMap(ofStage)
    .filter((v) => v.line < run.span.line || run.onbuildParent !== null);
  return defs.sort((a, b) => a.line - b.line).pop()?.value ?? undefined;
}
