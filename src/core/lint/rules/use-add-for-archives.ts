import type { Instruction, ParsedDockerfile, Word } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { argsNoFlags, hadolintCommands, type HCommand } from '../hadolint/index.ts';

/** hadolint's archive extensions (not .zip). */
const ARCHIVE_EXTENSIONS = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];
const UNPACKERS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

function dropQuotes(s: string): string {
  return s.replace(/^["']+|["']+$/g, '');
}

function baseName(s: string): string {
  const t = dropQuotes(s);
  const cut = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
  return t.slice(cut + 1);
}

function isArchive(s: string): boolean {
  const t = dropQuotes(s);
  return ARCHIVE_EXTENSIONS.some((e) => t.endsWith(e));
}

/** `tar` with `-…x…`, `--extract` or `--get` (as hadolint checks it), or a decompressor. */
function unpacks(c: HCommand): boolean {
  if (UNPACKERS.has(c.name)) return true;
  return c.name === 'tar' && c.args.some((a) => a.text === '--extract' || a.text === '--get' || (a.text.startsWith('-') && a.text.includes('x')));
}

/**
 * The arguments of a COPY as written (hadolint's parser keeps quotes and backslashes, so
 * `"C:\\Program Files\\app.tar"` is one argument), with their spans.
 */
function rawWords(df: ParsedDockerfile, i: Instruction): Word[] {
  if (!i.argsSpan) return [];
  const base = df.offsetOf(i.argsSpan.line, i.argsSpan.column);
  const text = i.argsText;
  const continuation = (k: number) => text[k] === df.escapeChar && /^[ \t]*\r?\n/.test(text.slice(k + 1));
  const out: Word[] = [];
  let k = 0;
  while (k < text.length) {
    if (/\s/.test(text[k] as string) || continuation(k)) {
      k++;
      continue;
    }
    const start = k;
    let quote = '';
    for (; k < text.length; k++) {
      const c = text[k] as string;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (/\s/.test(c) || continuation(k)) break;
    }
    out.push({ value: text.slice(start, k), span: df.spanOf(base + start, base + k) });
  }
  return out;
}

interface Copied {
  copy: Instruction;
  word: Word;
  name: string;
}

export const useAddForArchives = defineRule({
  id: 'use-add-for-archives',
  title: 'Do not COPY an archive just to unpack it in a later RUN',
  category: 'size',
  severity: 'info',
  equivalents: ['hadolint:DL3010'],
  lesson: 'layers-and-whiteouts',
  why:
    'COPY stores the archive in its own layer; unpacking it in a later RUN stores the files again, and deleting the archive afterwards only hides it. `ADD app.tar.gz /opt/` unpacks a local tar archive in a single layer, and `RUN --mount=type=bind,source=…` lets a RUN read the archive without it ever entering a layer. As in hadolint, only the last stage is checked.',
  messages: {
    copied: (name: string, runLine: number, tar: boolean) =>
      `\`${name}\` is copied into this layer and unpacked by the RUN on line ${runLine}, so the image stores it twice (packed here, unpacked there; deleting it later only hides it). ${
        tar ? `Use \`ADD ${name} <dir>/\`, which unpacks a local tar archive in one layer, or ` : ''
      }read it through a bind mount instead: \`RUN --mount=type=bind,source=${name},target=/tmp/${name} …\`.`,
  },
  examples: {
    invalid: [
      'FROM debian:bookworm-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz',
      'FROM debian:bookworm-slim\nCOPY dist/app.tar /srv/app/\nWORKDIR /srv/app\nRUN tar -xf app.tar',
      'FROM debian:bookworm-slim\nCOPY build/release.tar.xz /release.tar.xz\nRUN tar --extract --file /release.tar.xz',
    ],
    valid: [
      'FROM debian:bookworm-slim\nADD app.tar.gz /opt/',
      'FROM debian:bookworm-slim\nCOPY app.tar.gz /srv/downloads/',
      'FROM debian:bookworm-slim AS unpack\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\nFROM debian:bookworm-slim\nCOPY --from=unpack /opt /opt',
      'FROM debian:bookworm-slim\nCOPY --from=builder /out/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt',
      'FROM debian:bookworm-slim\nRUN --mount=type=bind,source=app.tar.gz,target=/tmp/app.tar.gz tar -xzf /tmp/app.tar.gz -C /opt',
    ],
  },
  check({ dockerfile, report }, messages) {
    let copied: Copied[] = [];
    let extracted = new Map<Copied, number>();
    for (const i of dockerfile.instructions) {
      if (i.keyword === 'FROM') {
        // hadolint starts over at every FROM, findings included: only the last stage is reported.
        copied = [];
        extracted = new Map();
      } else if (i.keyword === 'COPY' && !i.flags.some((f) => f.name === 'from') && i.heredocs.length === 0) {
        const words = i.json ? i.json.map((value) => ({ value, span: i.argsSpan ?? i.span })) : rawWords(dockerfile, i);
        const target = words[words.length - 1];
        if (!target || words.length < 2) continue;
        const add = (word: Word) => {
          const name = baseName(word.value);
          if (!copied.some((c) => c.copy === i && c.name === name)) copied.push({ copy: i, word, name });
        };
        if (isArchive(target.value)) add(target);
        else for (const w of words.slice(0, -1)) if (isArchive(w.value)) add(w);
      } else if (i.keyword === 'RUN' && copied.length) {
        const cmds = hadolintCommands(dockerfile, i).filter(unpacks);
        for (const c of copied) {
          if (extracted.has(c)) continue;
          if (cmds.some((cmd) => argsNoFlags(cmd).some((a) => baseName(a.text) === c.name))) extracted.set(c, i.span.line);
        }
      }
    }
    for (const [c, runLine] of extracted) {
      report({ instruction: c.copy, span: c.word.span, message: messages.copied(c.name, runLine, /\.(tar|tgz|tbz2?|tb2|txz|tlz|tZ|tar\.(gz|bz2|xz|lz|lzma|Z))$/.test(c.name)) });
    }
  },
});
