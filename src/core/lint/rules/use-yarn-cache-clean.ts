import type { ParsedDockerfile, Stage } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { lastOrReusedStageIndexes, runs } from '../helpers.ts';
import { cleanedAfterInstall, hadolintCommands, hasCacheOrTmpfsMountWith } from '../hadolint/index.ts';
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
    const checked = checkedStages(dockerfile);
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

/**
 * hadolint's choice: the last stage, stages whose FROM line equals the last one, and stages whose alias
 * some FROM names as its image (`FROM deps`, also `FROM deps:tag`).
 */
function checkedStages(df: ParsedDockerfile): Set<number> {
  const out = lastOrReusedStageIndexes(df);
  const last = df.stages[df.stages.length - 1];
  if (!last) return out;
  const key = (s: Stage) => `${s.platform ?? ''}\u0000${s.image.raw}\u0000${s.nameRaw ?? ''}`;
  const images = new Set(df.stages.map((s) => imageName(s.image.raw)));
  for (const s of df.stages) if (key(s) === key(last) || (s.name !== null && images.has(s.name))) out.add(s.index);
  return out;
}

/** The image name of a FROM as written, without registry, tag and digest, lower-cased. */
function imageName(raw: string): string {
  let s = raw.split('@')[0] ?? '';
  const colon = s.lastIndexOf(':');
  if (colon > s.lastIndexOf('/')) s = s.slice(0, colon);
  const first = s.split('/')[0] ?? '';
  if (s.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) s = s.slice(first.length + 1);
  return s.toLowerCase();
}
