import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { hadolintCommands } from '../hadolint/index.ts';
import { listOf, unpinnedNpmPackages } from '../package-managers/languages.ts';

export const usePinnedNpmPackages = defineRule({
  id: 'use-pinned-npm-packages',
  title: 'Pin the versions of packages installed with npm install <package>',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3016'],
  lesson: null,
  why:
    '`npm install -g typescript` resolves to the newest release at build time, so the image changes from one build to the next even when the Dockerfile does not. Name a version (`typescript@5.5.4`), or let package.json and the lockfile decide with a bare `npm ci`. Tarballs, local folders and git URLs with a `#commit` are not flagged.',
  messages: {
    unpinned: (packages: readonly string[]) =>
      `${listOf(packages)} ${packages.length > 1 ? 'are' : 'is'} installed without a version, so each build gets whatever is newest on the registry. Pin ${packages.length > 1 ? 'them' : 'it'}, e.g. \`npm install ${packages[0] ?? ''}@<version>\`, or add ${packages.length > 1 ? 'them' : 'it'} to package.json and run \`npm ci\`.`,
  },
  examples: {
    invalid: [
      'FROM node:22-slim\nRUN npm install -g pm2',
      'FROM node:22-slim\nRUN npm install --global typescript@5.5.4 ts-node',
      'FROM node:22-slim\nRUN npm install @nestjs/cli',
      'FROM node:22-slim\nRUN npm install git+https://github.com/expressjs/express.git',
    ],
    valid: [
      'FROM node:22-slim\nRUN npm install -g pm2@5.4.2 @nestjs/cli@10.4.5',
      'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev',
      'FROM node:22-slim\nRUN npm install --loglevel verbose express@4.19.2',
      'FROM node:22-slim\nCOPY vendor/ ./vendor/\nRUN npm install ./vendor/my-lib vendor-pkg-1.2.3.tgz',
      'FROM node:22-slim\nRUN npm install git+https://github.com/expressjs/express.git#4.19.2',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      for (const c of hadolintCommands(dockerfile, run)) {
        const unpinned = unpinnedNpmPackages(c);
        if (unpinned.length === 0) continue;
        report({ instruction: run, span: c.cmd.span, message: messages.unpinned(unpinned) });
        break;
      }
    }
  },
});
