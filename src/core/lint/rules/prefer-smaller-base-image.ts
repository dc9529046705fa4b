import type { ImageRef } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { finalStage, stageChain } from '../helpers.ts';
import { singleStageCompile } from './use-multi-stage-for-compiled-apps.ts';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

interface Family {
  /** Tag fragments that already mean a small variant. */
  small: readonly string[];
  /** What to suggest, given the version part of the tag. */
  suggest: (version: string) => string;
}

const FAMILIES: Record<string, Family> = {
  python: { small: ['slim', 'alpine'], suggest: (v) => `\`python:${v}-slim\` (about 150 MB instead of about 1 GB)` },
  node: { small: ['slim', 'alpine'], suggest: (v) => `\`node:${v}-slim\` or \`node:${v}-alpine\` (a few hundred MB less)` },
  ruby: { small: ['slim', 'alpine'], suggest: (v) => `\`ruby:${v}-slim\` (several hundred MB less)` },
  golang: { small: ['slim', 'alpine'], suggest: () => 'a multi-stage build: compile in `golang` and copy the binary into `gcr.io/distroless/static-debian12` or `alpine`' },
  rust: { small: ['slim', 'alpine'], suggest: () => 'a multi-stage build: compile in `rust` and copy the binary into `debian:bookworm-slim` or a distroless image' },
  openjdk: { small: ['slim', 'alpine', 'jre'], suggest: (v) => `a JRE image such as \`eclipse-temurin:${v}-jre\` (the JDK is not needed to run a jar)` },
  'eclipse-temurin': { small: ['slim', 'alpine', 'jre'], suggest: (v) => `\`eclipse-temurin:${v}-jre\` (the JDK is not needed to run a jar)` },
  'buildpack-deps': { small: ['curl', 'scm', 'slim'], suggest: () => '`debian:bookworm-slim` plus only the packages you need' },
};

/** The official full-size language image `image` names, or null (other registries, small variants, unknown images). */
export function fullLanguageImage(image: ImageRef): { repo: string; family: Family; version: string } | null {
  if (image.resolved === null || image.digest !== null) return null;
  if (image.registry !== null && !DOCKER_HUB.has(image.registry)) return null;
  const repo = image.name.replace(/^library\//, '');
  const family = Object.hasOwn(FAMILIES, repo) ? FAMILIES[repo] : undefined;
  if (!family) return null;
  const tag = (image.tag ?? 'latest').toLowerCase();
  if (tag.includes('distroless') || family.small.some((s) => tag.includes(s))) return null;
  const version = /^[0-9][0-9.]*/.exec(tag)?.[0] ?? '<version>';
  return { repo, family, version };
}

export const preferSmallerBaseImage = defineRule({
  id: 'prefer-smaller-base-image',
  title: 'Ship on a slim or Alpine variant, not the full language image',
  category: 'size',
  severity: 'info',
  equivalents: [],
  lesson: 'choosing-a-base-image',
  why:
    'The default tags of the official language images (`python:3.12`, `node:22`, `ruby:3.3`, JDKs…) are built on a full Debian with compilers, headers and tools for building native extensions, which a running app rarely needs: they are several times larger than the `-slim` or `-alpine` variants, pull more slowly and carry more packages to patch. Only the final image is checked; builder stages may use the full image, which is what multi-stage builds are for. The Debian `php` images are not reported: they are built on debian slim and have no smaller Debian variant.',
  messages: {
    full: (image: string, suggestion: string, via: string) =>
      `The final image is built on \`${image}\`${via}, the full-size variant with compilers and build tools. Run on ${suggestion}, or keep \`${image}\` as a builder stage and copy the result into the smaller image.`,
  },
  examples: {
    invalid: [
      'FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]',
      'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM node:22\nCOPY --from=build /app/dist /app\nCMD ["node", "/app/server.js"]',
      'FROM eclipse-temurin:21\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]',
    ],
    valid: [
      'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]',
      'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM node:22-alpine\nCOPY --from=build /app/dist /app\nCMD ["node", "/app/server.js"]',
      'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]',
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
    ],
  },
  check({ dockerfile, report }, messages) {
    const last = finalStage(dockerfile);
    if (!last || singleStageCompile(dockerfile)) return;
    const root = stageChain(dockerfile, last).at(-1) ?? last;
    const found = fullLanguageImage(root.image);
    if (!found) return;
    const image = root.image.resolved ?? root.image.raw;
    const via = root === last ? '' : ` (through stage \`${last.image.raw}\`)`;
    report({ instruction: last.from, span: last.imageSpan ?? undefined, message: messages.full(image, found.family.suggest(found.version), via) });
  },
});
