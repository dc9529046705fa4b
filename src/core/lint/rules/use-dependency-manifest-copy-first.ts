import type { Span } from '../../diagnostic.ts';
import type { Instruction, Stage } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { commandsOf, stageChain } from '../helpers.ts';
import { dependencyInstall, type DependencyInstall, type Ecosystem } from '../package-managers/dependency-installs.ts';

const BROAD_SOURCES = new Set(['.', './', './.', '*', './*']);

export const useDependencyManifestCopyFirst = defineRule({
  id: 'use-dependency-manifest-copy-first',
  title: 'Copy dependency manifests and install before copying the rest of the source',
  category: 'cache',
  severity: 'info',
  equivalents: [],
  lesson: 'cache-friendly-order',
  why:
    'A COPY step is re-run, and every step after it, whenever any copied file changes. When `COPY . .` comes before `npm ci` or `pip install -r requirements.txt`, editing one line of code re-installs every dependency. Copy only the manifests (package.json and the lockfile, requirements.txt, go.mod and go.sum, …) first, install, and copy the rest afterwards: the install then comes from the cache until the dependencies really change. A dependency step of the same ecosystem before the copy (`pnpm fetch`, `cargo chef cook`, `go mod download`, `poetry install --no-root`, `dotnet restore`, …) counts: a later install that only links or adds the project is fine.',
  messages: {
    order: (copy: string, step: string, line: number, manifests: string) =>
      `\`${copy}\` copies the whole build context before \`${step}\` (line ${line}), so every source edit invalidates the cache and re-runs the install. Copy only ${manifests} first, run \`${step}\`, then \`${copy}\`.`,
  },
  examples: {
    invalid: [
      'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]',
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nRUN pip install --no-cache-dir -r requirements.txt',
      'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY ./ ./\nRUN go mod download && go build -o /bin/app .',
    ],
    valid: [
      'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .',
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nRUN pip install --no-cache-dir --no-deps .',
      'FROM rust:1.81 AS build\nCOPY Cargo.toml Cargo.lock ./\nRUN cargo fetch\nCOPY . .\nRUN cargo build --release',
      'FROM node:22 AS build\nCOPY . .\nRUN npm run build',
      'FROM node:22-slim\nCOPY --from=build /app .\nRUN npm ci --omit=dev',
      'FROM node:22-slim\nWORKDIR /app\nCOPY pnpm-lock.yaml ./\nRUN pnpm fetch\nCOPY . .\nRUN pnpm install --offline --frozen-lockfile',
      'FROM lukemathwalker/cargo-chef:0.1.68-rust-1.83 AS build\nCOPY recipe.json .\nRUN cargo chef cook --release --recipe-path recipe.json\nCOPY . .\nRUN cargo build --release',
    ],
  },
  check({ dockerfile, report }, messages) {
    /** The ecosystems each stage installs dependencies for (its own RUNs only). */
    const ownInstalls = new Map<Stage, Set<Ecosystem>>();
    for (const stage of dockerfile.stages) {
      const installed = new Set<Ecosystem>();
      for (const s of stageChain(dockerfile, stage).slice(1)) for (const e of ownInstalls.get(s) ?? []) installed.add(e);
      const own = new Set<Ecosystem>();
      ownInstalls.set(stage, own);
      let broad: { copy: Instruction; span: Span; before: Set<Ecosystem> } | null = null;
      const after: { run: Instruction; install: DependencyInstall }[] = [];
      for (const i of stage.instructions) {
        const span: Span | null = broad ? null : broadSourceSpan(i);
        if (span) broad = { copy: i, span, before: new Set(installed) };
        for (const d of installsIn(i)) {
          if (broad && !broad.before.has(d.install.ecosystem)) after.push(d);
          installed.add(d.install.ecosystem);
          own.add(d.install.ecosystem);
        }
      }
      const first = after[0];
      if (!broad || !first) continue;
      const manifests = [...new Set(after.flatMap((a) => a.install.manifests))];
      const list = manifests.length > 1 ? `${manifests.slice(0, -1).join(', ')} and ${manifests[manifests.length - 1]}` : (manifests[0] ?? '');
      const copyText = `${broad.copy.keyword} ${broad.copy.argsText.trim()}`;
      report({ instruction: broad.copy, span: broad.span, message: messages.order(copyText, first.install.label, first.run.span.line, list) });
    }
  },
});

function installsIn(i: Instruction): { run: Instruction; install: DependencyInstall }[] {
  if (i.keyword !== 'RUN') return [];
  return commandsOf(i).flatMap((cmd) => {
    const install = dependencyInstall(cmd);
    return install ? [{ run: i, install }] : [];
  });
}

/** The span of the `.` source of a COPY/ADD that sends the whole build context, or null. */
function broadSourceSpan(i: Instruction): Span | null {
  if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.heredocs.length > 0 || i.flags.some((f) => f.name === 'from')) return null;
  if (i.json) return i.json.slice(0, -1).some((s) => BROAD_SOURCES.has(s)) ? i.argsSpan : null;
  return i.args.slice(0, -1).find((w) => BROAD_SOURCES.has(w.value))?.span ?? null;
}
