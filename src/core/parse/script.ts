/**
 * Builds the shell script that a RUN (or shell-form CMD/ENTRYPOINT) hands to the shell, keeping a map
 * from every script offset back to the document offset, so shell commands get exact spans.
 */
export interface ScriptSource {
  text: string;
  /** Document offset of a script offset. */
  toDoc(offset: number): number;
}

export interface HeredocSource {
  name: string;
  content: string;
  /** Document offset of the first content character, or -1 when empty. */
  contentStart: number;
}

interface Segment {
  scriptStart: number;
  docStart: number;
}

const SHELL_READING_STDIN = /^\s*(?:(?:(?:\/usr)?\/bin\/)?(?:sh|bash|ash|dash|zsh)(?:\s+-[a-z]+)*\s*)?$/;

export function buildScript(argsStart: number, argsText: string, heredocs: HeredocSource[], escapeChar: string): ScriptSource {
  const segments: Segment[] = [];
  let text = '';
  const push = (piece: string, docStart: number) => {
    if (piece.length === 0) return;
    segments.push({ scriptStart: text.length, docStart });
    text += piece;
  };

  // The instruction's own lines: up to the first heredoc body, if any.
  let ownEnd = argsText.length;
  if (heredocs.length > 0) {
    const nl = argsText.search(/\r?\n/);
    if (nl >= 0) ownEnd = nl;
  }
  const own = argsText.slice(0, ownEnd);
  let lineStart = 0;
  let continued = false;
  while (lineStart <= own.length) {
    const nl = own.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? own.length : nl;
    let line = own.slice(lineStart, lineEnd);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const skip = continued && (line.trim() === '' || /^\s*#/.test(line));
    if (!skip) {
      const trimmedEnd = line.replace(/\s+$/, '');
      const isContinuation = trimmedEnd.endsWith(escapeChar) && nl >= 0;
      let piece = line;
      if (isContinuation && escapeChar !== '\\') piece = `${trimmedEnd.slice(0, -1)}\\`;
      push(piece, argsStart + lineStart);
      if (nl >= 0 && isContinuation) push('\n', argsStart + lineEnd);
      continued = isContinuation;
      if (!isContinuation) break;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }

  if (heredocs.length > 0) {
    // Remove the heredoc markers (`<<EOF`, `<<-"EOF"`) from the first line.
    const markerRe = /<<-?\s*(["']?)([A-Za-z0-9_.-]+)\1/g;
    const firstLine = text;
    text = firstLine.replace(markerRe, (m) => ' '.repeat(m.length));
    if (SHELL_READING_STDIN.test(text)) {
      for (const h of heredocs) {
        if (h.contentStart < 0 || /^#!(?!.*\b(?:sh|bash|ash|dash|zsh)\b)/.test(h.content)) continue;
        push('\n', h.contentStart);
        push(h.content, h.contentStart);
      }
    }
  }
  return { text, toDoc: (offset) => mapOffset(segments, offset, argsStart) };
}

function mapOffset(segments: Segment[], offset: number, fallback: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  if (hi < 0) return fallback;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as Segment).scriptStart <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = segments[lo] as Segment;
  return s.docStart + Math.max(0, offset - s.scriptStart);
}
