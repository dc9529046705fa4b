import { defineRule } from '../define-rule.ts';
import { cleanedAfterInstall, hadolintCheckedStages, hadolintCommands, hasCacheOrTmpfsMountWith } from '../hadolint/index.ts';
import { runs } from '../helpers.ts';
import { appendToRun } from '../package-managers/fixes.ts';
import { isYarnCacheClean, isYarnInstall } from '../package-managers/languages.ts';

export const useYarnCacheClean = defineRule({
  id: 'use-yarn-cache-clean',
  title: 'Run yarn cache clean after yarn install',
  category: 'size',
  severity: 'info',
  equivalents: ['hadolint:DL3060'],
  lesson: 'cleanup-in-the-same-run',
  why:
    '`yarn install` keeps a copy of every package tarball in its global cache (/usr/local/share/.cache/yarn), which easily doubles the size of node_modules in the layer. `yarn cache clean` at the end of the same RUN drops it; a BuildKit cache mount on the yarn cache keeps it out of the image and speeds up rebuilds. Only the final stage and stages a later FROM builds on are checked, because other stages do not ship.',
  messages: {
    missing: () =>
      '`yarn install` leaves its package cache in this layer. Add `&& yarn cache clean` at the end of this RUN, or mount the cache: `RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install`.',
  },
  examples: {
    invalid: [
      {
        code: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile',
        fixed: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean',
      },
      'FROM node:22-slim\nRUN yarn cache clean && yarn install --frozen-lockfile',
      'FROM node:22-slim AS deps\nRUN yarn install --production\nFROM deps\nCMD ["node", "server.js"]',
    ],
    valid: [
      'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean',
      'FROM node:22-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile',
      'FROM node:22-slim AS build\nRUN yarn install --frozen-lockfile && yarn build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html',
    ],
  },
  check({ dockerfile, report }, messages) {
    const checked = hadolintCheckedStages(dockerfile);
    for (const run of runs(dockerfile)) {
      if (!checked.has(run.stage) && !run.onbuildParent) continue;
      if (hasCacheOrTmpfsMountWith(run, '.cache/yarn')) continue;
      const cmds = hadolintCommands(dockerfile, run);
      if (cleanedAfterInstall(cmds, isYarnInstall, isYarnCacheClean)) continue;
      const install = cmds.find(isYarnInstall);
      report({ instruction: run, span: install?.cmd.span, message: messages.missing(), fix: appendToRun(run, ' && yarn cache clean', 'Add `yarn cache clean` to this RUN') });
    }
  },
});
