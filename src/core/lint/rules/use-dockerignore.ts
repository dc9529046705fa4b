import type { Instruction } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { cleanPath, compileDockerignore, normalizeDockerignorePattern } from '../dockerignore.ts';

/** Top-level entries that are big, change all the time, or hold secrets, with the line that excludes them. */
const HEAVY: readonly { test: (name: string) => boolean; line: (name: string) => string }[] = [
  { test: (n) => ['.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', '.tox', '.pytest_cache', '.mypy_cache', '.ruff_cache', 'dist', 'build', '.next', 'coverage'].includes(n), line: (n) => n },
  { test: (n) => n === '__pycache__', line: () => '**/__pycache__' },
  { test: (n) => n === '.env' || (/^\.env\./.test(n) && !/\.(example|sample|template|dist)$/.test(n)), line: (n) => n },
];

interface BroadCopy {
  instruction: Instruction;
  source: string;
  span: Instruction['span'];
}

export const useDockerignore = defineRule({
  id: 'use-dockerignore',
  title: 'Keep heavy and volatile files out of the build context with .dockerignore',
  category: 'cache',
  severity: 'info',
  equivalents: [],
  lesson: 'cache-friendly-order',
  why:
    '`COPY . .` copies everything in the build context that .dockerignore does not exclude: the .git history, local node_modules or virtualenvs, build output, caches and .env files with secrets. They make the context slow to send, bloat the image, and any change to them invalidates the layer cache from that COPY on. This check needs the build context, so it runs in the CLI with a context directory, not in the editor.',
  messages: {
    noFile: (copy: string, lines: readonly string[]) =>
      `\`${copy}\` copies the whole build context and there is no .dockerignore${lines.length ? `, so ${lines.map((l) => `\`${l}\``).join(', ')} end up in the image and every change to them busts the cache` : ', so every file in the directory ends up in the image and any change busts the cache'}. Create a .dockerignore next to the Dockerfile${lines.length ? ` with the lines ${lines.map((l) => `\`${l}\``).join(', ')}` : ' listing what the image does not need (e.g. `.git`, local build output, `.env` files)'}.`,
    notIgnored: (copy: string, entries: readonly string[], lines: readonly string[]) =>
      `\`${copy}\` copies the whole build context, and .dockerignore does not exclude ${entries.map((e) => `\`${e}\``).join(', ')}: they bloat the image, slow the build and bust the cache whenever they change${entries.some((e) => e.startsWith('.env')) ? ', and .env files usually hold secrets' : ''}. Add ${lines.length === 1 ? 'the line' : 'the lines'} ${lines.map((l) => `\`${l}\``).join(', ')} to .dockerignore.`,
  },
  examples: {
    invalid: [
      {
        code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt',
        context: { hasDockerignore: false, dockerignore: [], topLevel: ['.git', '.venv', 'Dockerfile', 'app.py', 'requirements.txt'] },
      },
      {
        code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
        context: { hasDockerignore: true, dockerignore: ['.git'], topLevel: ['.env', '.git', 'node_modules', 'package-lock.json', 'package.json', 'src'] },
      },
    ],
    valid: [
      {
        code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
        context: { hasDockerignore: true, dockerignore: ['.git', 'node_modules', '.env*'], topLevel: ['.env', '.git', 'node_modules', 'package-lock.json', 'package.json', 'src'] },
      },
      {
        code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .',
        context: { hasDockerignore: true, dockerignore: ['*', '!app', '!requirements.txt'], topLevel: ['.git', '.venv', 'app', 'requirements.txt'] },
      },
      {
        code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt app.py ./',
        context: { hasDockerignore: false, dockerignore: [], topLevel: ['.git', 'app.py', 'requirements.txt'] },
      },
    ],
  },
  check({ dockerfile, context, report }, messages) {
    if (!context) return;
    const copy = firstBroadCopy(dockerfile.instructions);
    if (!copy) return;
    const heavy = context.topLevel.map((name) => ({ name, kind: HEAVY.find((h) => h.test(name)) })).filter((e) => e.kind !== undefined);
    const text = `${copy.instruction.keyword} ${copy.source}`;
    if (!context.hasDockerignore) {
      const lines = [...new Set(heavy.map((e) => e.kind?.line(e.name) as string))];
      report({ instruction: copy.instruction, span: copy.span, message: messages.noFile(text, lines) });
      return;
    }
    const matcher = compileDockerignore(context.dockerignore.map(normalizeDockerignorePattern).filter((p): p is string => p !== null));
    const missing = heavy.filter((e) => !matcher.match(e.name).excluded && !matcher.match(`${e.name}/_`).excluded);
    if (missing.length === 0) return;
    const lines = [...new Set(missing.map((e) => e.kind?.line(e.name) as string))];
    report({ instruction: copy.instruction, span: copy.span, message: messages.notIgnored(text, missing.map((e) => e.name), lines) });
  },
});

/** The first COPY/ADD from the build context whose source is the whole context (`.`, `./`, `*`). */
function firstBroadCopy(instructions: readonly Instruction[]): BroadCopy | null {
  for (const i of instructions) {
    if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
    if (i.flags.some((f) => f.name === 'from')) continue;
    const body = i.heredocs[0]?.contentSpan?.line ?? Infinity;
    const plain = i.args.filter((w) => w.span.line < body && !w.value.startsWith('<<'));
    const sources = i.json ? i.json.slice(0, -1).map((value) => ({ value, span: i.argsSpan ?? i.span })) : plain.slice(0, -1);
    for (const s of sources) {
      const cleaned = cleanPath(s.value);
      if (cleaned === '.' || cleaned === '*') return { instruction: i, source: s.value, span: s.span };
    }
  }
  return null;
}
