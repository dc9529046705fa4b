/**
 * Lints every file of the real-world corpus (test/corpus/<group>/*.Dockerfile) and checks the
 * invariants any result must hold (spans inside the document, complete diagnostics, fixes that
 * apply and re-lint). Then snapshots the findings as `line:col rule-id` per file into
 * test/corpus/__snapshots__/findings.txt, which changes whenever rules change: review the diff
 * against test/corpus/EXPECTED.md and regenerate with `npx vitest run test/corpus.test.ts -u`.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../src/node/engine.ts';
import { corpusFiles } from './corpus/files.ts';
import { checkLint } from './corpus/invariants.ts';

const files = corpusFiles();
let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});

describe('corpus shape', () => {
  test('has at least 70 files in the expected groups', () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
    const groups = new Set(files.map((f) => f.group));
    for (const g of ['official', 'python', 'node', 'go', 'rust', 'java', 'ruby', 'php', 'dotnet', 'buildkit', 'edge', 'misc']) {
      expect(groups, `group ${g}`).toContain(g);
    }
  });

  test('every non-empty file says what it represents in a comment', () => {
    const directive = /^#\s*(syntax|escape|check)\s*=/i;
    for (const f of files) {
      if (f.text.trim() === '') continue;
      const comment = f.text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).slice(0, 6).some((l) => l.startsWith('#') && !directive.test(l) && l.length > 12);
      expect(comment, `${f.name} needs a header comment`).toBe(true);
    }
  });

  // Guards the coverage of the corpus: each shape must stay represented by at least one file.
  const shapes: [string, (text: string) => boolean][] = [
    ['CRLF line endings', (t) => /\r\n/.test(t)],
    ['a lone CR line break', (t) => /\r(?!\n)/.test(t)],
    ['a UTF-8 BOM', (t) => t.startsWith('\uFEFF')],
    ['escape=` directive', (t) => /^#\s*escape\s*=\s*`/m.test(t)],
    ['syntax directive', (t) => /^#\s*syntax\s*=/m.test(t)],
    ['check directive', (t) => /^#\s*check\s*=/m.test(t)],
    ['RUN heredoc', (t) => /^RUN[^\n]*<<-?['"]?\w+/m.test(t)],
    ['COPY heredoc', (t) => /^COPY[^\n]*<<-?['"]?\w+/m.test(t)],
    ['cache mount', (t) => t.includes('--mount=type=cache')],
    ['bind mount', (t) => t.includes('--mount=type=bind')],
    ['secret mount', (t) => t.includes('--mount=type=secret')],
    ['ssh mount', (t) => t.includes('--mount=type=ssh')],
    ['COPY --link', (t) => /COPY[^\n]*--link/.test(t)],
    ['COPY --chmod', (t) => /COPY[^\n]*--chmod/.test(t)],
    ['ADD --checksum', (t) => /ADD[^\n]*--checksum/.test(t)],
    ['FROM --platform=$BUILDPLATFORM', (t) => t.includes('FROM --platform=$BUILDPLATFORM')],
    ['ARG before FROM', (t) => /^ARG[^\n]*\n(?:ARG[^\n]*\n|\s*\n|#[^\n]*\n)*FROM/m.test(t.replace(/^(#[^\n]*\n)+/, ''))],
    ['ONBUILD', (t) => /^ONBUILD /m.test(t)],
    ['savedAptMark / apt-mark auto', (t) => t.includes('savedAptMark') && t.includes("apt-mark auto '.*'")],
    ['apk virtual build deps', (t) => /apk add --no-cache --virtual \.build-deps/.test(t) && /apk del (--no-network )?\.build-deps/.test(t)],
    ['apt-get install --update', (t) => t.includes('apt-get install --update')],
    ['apt-get dist-clean', (t) => t.includes('apt-get dist-clean')],
    ['PowerShell SHELL', (t) => /^SHELL \["(powershell|pwsh)"/m.test(t)],
    ['comment inside a continuation', (t) => /\\\n#/.test(t)],
    ['trailing whitespace after a backslash', (t) => /\\[ \t]+\r?\n/.test(t)],
    ['tab indentation', (t) => /^\t+[A-Z]+\t/m.test(t)],
    ['lowercase instructions', (t) => /^(from|run|copy) /m.test(t)],
    ['only comments', (t) => t.trim() !== '' && t.split('\n').every((l) => l.trim() === '' || l.startsWith('#'))],
    ['empty file', (t) => t === ''],
    ['no final newline', (t) => t !== '' && !/[\r\n]$/.test(t)],
    ['astral-plane unicode', (t) => /[\u{1F300}-\u{1FAFF}]/u.test(t)],
    ['a RUN over 100 lines', (t) => /^RUN(?:[^\n]*\\\n){100,}/m.test(t)],
  ];
  test.each(shapes)('covers: %s', (_label, has) => {
    expect(files.some((f) => has(f.text))).toBe(true);
  });
});

describe('invariants', () => {
  test.each(files.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const result = checkLint(linter, f.text);
    expect(result.problems).toEqual([]);
  });
});

test('findings snapshot', async () => {
  const out: string[] = [
    '# Layerlab findings on the corpus, one file per section: `line:col rule-id`.',
    '# Review against test/corpus/EXPECTED.md; regenerate with `npx vitest run test/corpus.test.ts -u`.',
  ];
  for (const f of files) {
    const rows = linter
      .lint(f.text)
      .diagnostics.map((d) => ({ line: d.span.line, column: d.span.column, text: `${d.span.line}:${d.span.column} ${d.ruleId}` }))
      .sort((a, b) => a.line - b.line || a.column - b.column || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
      .map((r) => r.text);
    out.push('', `== ${f.name}`, ...(rows.length > 0 ? rows : ['(no findings)']));
  }
  await expect(out.join('\n') + '\n').toMatchFileSnapshot('./corpus/__snapshots__/findings.txt');
});
