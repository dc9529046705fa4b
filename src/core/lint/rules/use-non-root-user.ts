import { defineRule } from '../define-rule.ts';
import { finalStage, stageChain } from '../helpers.ts';
import type { ImageRef, Instruction } from '../../parse/model.ts';

/** Base images that already default to an unprivileged user (distroless `:nonroot`, `*-unprivileged`, nanoserver). */
function defaultsToNonRoot(image: ImageRef): boolean {
  return /non-?root|rootless|unprivileged/i.test(`${image.name}:${image.tag ?? ''}`) || /(^|\/)windows\/nanoserver$/.test(image.name);
}

/**
 * Images that start as root on purpose and drop privileges in their entrypoint with gosu or su-exec (the
 * official postgres, redis, mariadb images): the tools are installed or copied only for that step-down.
 */
function dropsPrivilegesAtStart(instructions: readonly Instruction[]): boolean {
  return instructions.some(
    (i) => (i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD') && /(^|[^\w-])(gosu|su-exec)([^\w-]|$)/.test(`${i.flags.map((f) => f.value ?? '').join(' ')} ${i.argsText}`),
  );
}

type Family = 'scratch' | 'windows' | 'node' | 'dotnet' | 'distroless' | 'alpine' | 'debian';

function family(image: ImageRef): Family {
  const ref = `${image.name}:${image.tag ?? ''}`.toLowerCase();
  if (image.name === 'scratch') return 'scratch';
  if (ref.startsWith('windows/') || ref.includes('servercore')) return 'windows';
  if (/^(library\/)?node:/.test(ref)) return 'node';
  if (ref.startsWith('dotnet/')) return 'dotnet';
  if (ref.includes('distroless') || ref.startsWith('chainguard/') || image.registry === 'cgr.dev') return 'distroless';
  if (ref.includes('alpine') || ref.includes('busybox')) return 'alpine';
  return 'debian';
}

const HOW: Readonly<Record<Family, string>> = {
  scratch: 'A scratch image has no user database, so use a numeric id: `USER 65534:65534` (nobody).',
  windows: 'Add `USER ContainerUser` at the end (the built-in unprivileged Windows container account).',
  node: 'The node images include an unprivileged user: add `USER node` at the end.',
  dotnet: 'The .NET 8+ images include an unprivileged user: add `USER app` (or `USER $APP_UID`) at the end.',
  distroless: 'Use the `:nonroot` tag of the image, or add `USER nonroot` (uid 65532) at the end.',
  alpine: 'Create a user and switch to it at the end: `RUN addgroup -S app && adduser -S -G app app` then `USER app`.',
  debian: 'Create a user and switch to it at the end: `RUN useradd --system --create-home --uid 10001 app` then `USER app` (Alpine: `adduser -S app`).',
};

export const useNonRootUser = defineRule({
  id: 'use-non-root-user',
  title: 'Run the final image as a non-root user',
  category: 'security',
  severity: 'warning',
  equivalents: [],
  lesson: 'runtime-hygiene',
  why:
    'Without a USER instruction the container runs as root, so a bug in the app is a bug with root rights and any container escape starts from root. Only the final stage matters (it is the image that runs); a USER in a stage it builds FROM counts too. Base images that already default to an unprivileged user (distroless `:nonroot`, `*-unprivileged` images) are not reported, nor images that install gosu or su-exec to drop privileges in their entrypoint (as the official database images do), and an explicit `USER root` is left to no-root-user.',
  messages: {
    noUser: (image: string, account: string, how: string) =>
      `The final stage (FROM \`${image}\`) never sets USER, so the container runs as ${account}. ${how}`,
  },
  examples: {
    invalid: [
      'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]',
      'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]',
      'FROM node:22-alpine AS base\nWORKDIR /app\nFROM base\nCOPY . .\nCMD ["node", "server.js"]',
    ],
    valid: [
      'FROM python:3.12-slim\nRUN useradd --system --create-home app\nUSER app\nCMD ["python", "-m", "http.server"]',
      'FROM node:22-slim AS base\nUSER node\nFROM base\nCOPY . /app',
      'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app',
      'FROM debian:bookworm-slim\nUSER root',
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]',
    ],
  },
  check({ dockerfile, report }, messages) {
    const last = finalStage(dockerfile);
    if (!last) return;
    const chain = stageChain(dockerfile, last);
    if (chain.some((s) => s.instructions.some((i) => i.keyword === 'USER'))) return;
    if (dropsPrivilegesAtStart(chain.flatMap((s) => s.instructions))) return;
    const root = (chain[chain.length - 1] ?? last).image;
    // An image chosen by a build argument without a default could be anything.
    if (root.resolved === null || defaultsToNonRoot(root)) return;
    const kind = family(root);
    const account = kind === 'windows' ? 'ContainerAdministrator' : 'root';
    report({ instruction: last.from, span: last.imageSpan ?? undefined, message: messages.noUser(last.image.resolved ?? last.image.raw, account, HOW[kind]) });
  },
});
