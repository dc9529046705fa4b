/**
 * How hadolint's parser (language-docker) reads image references and COPY/ADD operands, for the rules about
 * base images, stages and COPY that claim a hadolint equivalent. hadolint never expands ARGs: it sees the
 * text as written, quotes included. Pure; written from the documented behaviour, no hadolint code is used.
 */
import type { Span } from '../diagnostic.ts';
import type { Instruction, ParsedDockerfile, Stage } from '../parse/model.ts';

export interface RawImageParts {
  /** Only set when the text has `<something>.<something>/` at its start, as language-docker requires. */
  registry: string | null;
  name: string;
  tag: string | null;
  digest: string | null;
}

/**
 * Splits the image of a FROM the way hadolint does:
 * - a registry is recognised only as `domain.tld/` (a dot before the first slash that follows it), so
 *   `localhost:5000/app` has no registry and `myhost:5000` reads as name `myhost` with tag `5000/app`;
 * - the name runs to the first `:` or `@`, the tag to the next `@` or `:`, the digest to the end;
 * - a `${…}` expansion is opaque, so `${BASE:-alpine:3}` is one name without a tag.
 */
export function rawImageParts(text: string): RawImageParts {
  let rest = text;
  let registry: string | null = null;
  const dot = indexOutsideBraces(rest, (c) => c === '.', 0);
  if (dot > 0) {
    const slash = indexOutsideBraces(rest, (c) => c === '/', dot + 1);
    if (slash > dot + 1) {
      registry = rest.slice(0, slash);
      rest = rest.slice(slash + 1);
    }
  }
  const nameEnd = indexOutsideBraces(rest, (c) => c === ':' || c === '@', 0);
  if (nameEnd < 0) return { registry, name: rest, tag: null, digest: null };
  const name = rest.slice(0, nameEnd);
  let tag: string | null = null;
  let pos = nameEnd;
  if (rest[pos] === ':') {
    const tagEnd = indexOutsideBraces(rest, (c) => c === ':' || c === '@', pos + 1);
    tag = rest.slice(pos + 1, tagEnd < 0 ? rest.length : tagEnd);
    pos = tagEnd < 0 ? rest.length : tagEnd;
  }
  const digest = rest[pos] === '@' ? rest.slice(pos + 1) : null;
  return { registry, name, tag, digest };
}

/**
 * An image named by `COPY --from=…` or `RUN --mount=…,from=…`, read as hadolint does (language-docker's
 * `IsString Image`): the part before the first `/` is the registry when it contains a dot; the rest,
 * tag included, is the name.
 */
export function rawImageFromText(text: string): { registry: string | null; name: string } {
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const first = text.slice(0, slash);
    if (first.includes('.')) return { registry: first, name: text.slice(slash + 1).replace(/\/+$/, '') };
  }
  return { registry: null, name: text };
}

/** hadolint's `dropQuotes`: strips every `"` and `'` at both ends. */
export function dropQuotes(text: string): string {
  return text.replace(/^["']+/, '').replace(/["']+$/, '');
}

/** One source or the destination of COPY/ADD. */
export interface Operand {
  /** The text as written for the plain form (quotes and backslashes kept, as hadolint keeps them); unquoted for the JSON form. */
  value: string;
  span: Span;
  /** True for a JSON-form element, whose span is the whole argument list. */
  json: boolean;
}

/**
 * The sources and the destination of a COPY or ADD: the JSON array, the heredoc markers and the path after
 * them, or the plain words. Null when there are fewer than two operands.
 */
export function copyOperands(instruction: Instruction, dockerfile: ParsedDockerfile): { sources: Operand[]; dest: Operand } | null {
  let ops: Operand[];
  if (instruction.json && instruction.argsSpan) {
    const span = instruction.argsSpan;
    ops = instruction.json.map((value) => ({ value, span, json: true }));
  } else {
    let words = instruction.args;
    const first = instruction.heredocs[0];
    if (first) {
      const bodyLine = first.contentSpan ? first.contentSpan.line : first.span.endLine;
      words = words.filter((w) => w.span.line < bodyLine);
    }
    const rawOf = (span: Span) => dockerfile.text.slice(dockerfile.offsetOf(span.line, span.column), dockerfile.offsetOf(span.endLine, span.endColumn));
    ops = words.map((w) => ({ value: w.span.line === w.span.endLine ? rawOf(w.span) : w.value, span: w.span, json: false }));
  }
  const dest = ops[ops.length - 1];
  if (ops.length < 2 || !dest) return null;
  return { sources: ops.slice(0, -1), dest };
}

/** The `--from` flag of a COPY with a non-empty value, as written. */
export function copyFromFlag(instruction: Instruction): { value: string; span: Span } | null {
  if (instruction.keyword !== 'COPY') return null;
  const flag = instruction.flags.find((f) => f.name === 'from');
  if (!flag || flag.value === null || flag.value === '') return null;
  return { value: flag.value, span: flag.span };
}

/** The `--platform` value of a stage's FROM as written (quotes kept); null without the flag or with an empty value. */
export function rawPlatform(stage: Stage): { value: string; span: Span } | null {
  const flag = stage.from.flags.find((f) => f.name === 'platform');
  if (!flag || flag.value === null || flag.value === '') return null;
  return { value: flag.value, span: flag.span };
}

/** Index of the first character at or after `from` matching `test`, skipping `${…}` expansions; -1 if none. */
function indexOutsideBraces(text: string, test: (c: string) => boolean, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '$' && text[i + 1] === '{') {
      depth++;
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      continue;
    }
    if (test(c)) return i;
  }
  return -1;
}
