import type { Span } from '../../diagnostic.ts';
import type { Instruction, ParsedDockerfile } from '../../parse/model.ts';
import { expandVars } from '../../parse/vars.ts';
import { defineRule } from '../define-rule.ts';
import { cleanPath, compileDockerignore, normalizeDockerignorePattern } from '../dockerignore.ts';
import { stageOf } from '../helpers.ts';

const context = (dockerignore: string[], topLevel: string[]) => ({ hasDockerignore: true, dockerignore, topLevel });

export const noCopyOfIgnoredFile = defineRule({
  id: 'no-copy-of-ignored-file',
  title: 'Do not COPY or ADD files that .dockerignore excludes',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['buildkit:CopyIgnoredFile'],
  lesson: 'cache-friendly-order',
  why:
    'Files matched by .dockerignore are never sent to the builder, so a COPY or ADD that names one fails with "not found", or, for a wildcard, silently copies nothing. As in BuildKit, each source of a COPY/ADD from the build context is matched as written against the .dockerignore patterns (including `!` exceptions and parent directories). This check needs the build context, so it runs in the CLI with a context directory; copying the whole context (`COPY . .`) is not reported.',
  messages: {
    ignored: (keyword: string, source: string, pattern: string) =>
      `\`${keyword} ${source}\` names a path that .dockerignore excludes (pattern \`${pattern.trim()}\`), so it is not in the build context and this step fails or copies nothing. Remove or narrow that pattern, add \`!${cleanPath(source)}\` after it, or stop copying the path.`,
  },
  examples: {
    invalid: [
      { code: 'FROM node:22-slim\nWORKDIR /app\nCOPY .env.production ./.env', context: context(['.env*'], ['.env.production', 'package.json', 'src']) },
      { code: 'FROM python:3.12-slim\nCOPY docs/openapi.yaml /app/openapi.yaml', context: context(['docs', '!docs/README.md'], ['app', 'docs']) },
      { code: 'FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt', context: context(['*/tmp/*'], ['tmp']) },
    ],
    valid: [
      { code: 'FROM python:3.12-slim\nCOPY docs/README.md /app/README.md', context: context(['docs', '!docs/README.md'], ['app', 'docs']) },
      { code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .', context: context(['node_modules', '.git'], ['.git', 'node_modules', 'src']) },
      { code: 'FROM node:22-slim AS build\nRUN mkdir -p /out/node_modules\nFROM node:22-slim\nCOPY --from=build /out/node_modules /app/node_modules', context: context(['node_modules'], ['node_modules']) },
    ],
  },
  check({ dockerfile, context: ctx, report }, messages) {
    if (!ctx || !ctx.hasDockerignore) return;
    const patterns = ctx.dockerignore.map(normalizeDockerignorePattern).filter((p): p is string => p !== null);
    if (patterns.length === 0) return;
    const matcher = compileDockerignore(patterns);
    for (const i of dockerfile.instructions) {
      if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.flags.some((f) => f.name === 'from')) continue;
      for (const source of contextSources(dockerfile, i)) {
        if (cleanPath(source.value) === '.') continue;
        const m = matcher.match(source.value);
        if (m.excluded && m.pattern !== null) report({ instruction: i, span: source.span, message: messages.ignored(i.keyword, source.value, m.pattern) });
      }
    }
  },
});

/** Local sources of a COPY/ADD with variables expanded; URLs, git sources, heredocs and unknown values are left out. */
function contextSources(df: ParsedDockerfile, i: Instruction): { value: string; span: Span }[] {
  const body = i.heredocs[0]?.contentSpan?.line ?? Infinity;
  const plain = i.args.filter((w) => w.span.line < body);
  const words = i.json ? i.json.slice(0, -1).map((value) => ({ value, span: i.argsSpan ?? i.span })) : plain.slice(0, -1);
  const stage = stageOf(df, i);
  const defs = stage ? stage.vars.filter((v) => v.line < i.span.line) : [];
  const out: { value: string; span: Span }[] = [];
  for (const w of words) {
    if (w.value.startsWith('<<') || /^[a-z][a-z0-9+.-]*:\/\//i.test(w.value) || w.value.startsWith('git@')) continue;
    const value = expandVars(w.value, defs, df.escapeChar).value;
    if (value !== null && value !== '') out.push({ value, span: w.span });
  }
  return out;
}
