import type { Span } from './diagnostic.ts';

/** Maps between 0-based string offsets and 1-based line/column positions of one document. */
export class TextIndex {
  readonly text: string;
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.lineStarts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of a 0-based offset (clamped into the document). */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (this.lineStarts[lo] ?? 0) + 1 };
  }

  /** 0-based offset of a 1-based line and column (clamped). */
  offset(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.lineStarts.length));
    const start = this.lineStarts[l - 1] ?? 0;
    const lineEnd = l < this.lineStarts.length ? (this.lineStarts[l] ?? this.text.length) : this.text.length;
    return Math.max(start, Math.min(start + column - 1, lineEnd));
  }

  span(startOffset: number, endOffset: number): Span {
    const s = this.position(startOffset);
    const e = this.position(Math.max(startOffset, endOffset));
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }

  /** Text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    let end = next === undefined ? this.text.length : next;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
}

/** LSP-style 0-based range to a 1-based span. */
export function spanFromRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): Span {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}
