import { defineRule } from '../define-rule.ts';
import { copyOperands, dropQuotes } from '../image-syntax.ts';

/** Suffixes ADD unpacks (as hadolint lists them); `.zip` is not unpacked. */
const ARCHIVES = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];
/** Flags only ADD understands; with them the instruction cannot simply become COPY. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

function isArchive(path: string): boolean {
  const p = dropQuotes(path);
  return ARCHIVES.some((ext) => p.endsWith(ext));
}

function isUrl(path: string): boolean {
  const p = dropQuotes(path);
  return p.startsWith('https://') || p.startsWith('http://');
}

export const preferCopyOverAdd = defineRule({
  id: 'prefer-copy-over-add',
  title: 'Use COPY, not ADD, for local files and folders',
  category: 'correctness',
  severity: 'error',
  equivalents: ['hadolint:DL3020'],
  lesson: null,
  why:
    'ADD does more than copy: it unpacks local tar archives and downloads URLs. For plain files and folders that magic only surprises (a file that happens to be a tarball gets unpacked), so COPY says what you mean. Keep ADD for archives you want unpacked and for remote URLs (`http(s)://`); note that `.zip` files are never unpacked by ADD.',
  messages: {
    local: (source: string) => `\`${source}\` is a local file or folder, and ADD would unpack it if it were a tar archive. Use COPY, which copies exactly what you name.`,
    zip: (source: string) => `ADD does not unpack \`${source}\` (zip files are copied as they are), so this is a plain copy written with ADD. Use COPY, and unzip in a RUN if you need the contents.`,
  },
  examples: {
    invalid: [
      { code: 'FROM python:3.12-slim\nADD requirements.txt /app/', fixed: 'FROM python:3.12-slim\nCOPY requirements.txt /app/' },
      { code: 'FROM node:22-slim\nWORKDIR /app\nADD --chown=node:node . .', fixed: 'FROM node:22-slim\nWORKDIR /app\nCOPY --chown=node:node . .' },
      'FROM alpine:3.20\nADD site.zip /srv/',
    ],
    valid: [
      'FROM debian:bookworm-slim\nADD rootfs.tar.xz /',
      'FROM alpine:3.20\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /tini',
      'FROM python:3.12-slim\nCOPY requirements.txt /app/',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword !== 'ADD') continue;
      const ops = copyOperands(instruction, dockerfile);
      if (!ops) continue;
      const local = ops.sources.find((s) => !isArchive(s.value) && !isUrl(s.value));
      if (!local) continue;
      const plain = ops.sources.every((s) => !isArchive(s.value) && !isUrl(s.value)) && !instruction.flags.some((f) => ADD_ONLY_FLAGS.has(f.name));
      const upper = instruction.keywordRaw === instruction.keywordRaw.toUpperCase();
      report({
        instruction,
        span: instruction.keywordSpan,
        message: /\.zip$/i.test(dropQuotes(local.value)) ? messages.zip(local.value) : messages.local(local.value),
        fix: plain ? { title: 'Replace ADD with COPY', edits: [{ span: instruction.keywordSpan, text: upper ? 'COPY' : 'copy' }] } : undefined,
      });
    }
  },
});
