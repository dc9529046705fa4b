/**
 * Shell text as hadolint reads it, below the level of commands: ShellCheck's "oversimplified" argument
 * text, hadolint's naive flag split, and a small shell splitter for the text the engine does not parse
 * the way hadolint does (exec form, heredocs, RUN under a non-POSIX SHELL).
 */

/** Characters simplifyWord treats specially; a word without them is its own simplification. */
const SPECIAL = /[\\'"$`{]/;

/**
 * ShellCheck's `oversimplify` of a word as written: quotes removed, backslash escapes resolved, every
 * parameter expansion, command substitution and arithmetic expansion replaced by `${VAR}`, brace
 * expansions and `$"…"` dropped. With `keepExpansions`, expansions and braces stay as written instead
 * (the engine's `ShellWord.value`).
 */
export function simplifyWord(raw: string, keepExpansions = false): string {
  // Most words have nothing to simplify; the loop below would copy them character by character.
  if (!SPECIAL.test(raw)) return raw;
  let out = '';
  let i = 0;
  const n = raw.length;
  /** Appends the expansion at `i` (`$…` or a backtick); a lone `$` is literal. */
  const expansion = () => {
    const end = expansionEnd(raw, i);
    if (end > i + 1 || raw[i] === '`') out += keepExpansions ? raw.slice(i, end) : '${VAR}';
    else out += raw[i];
    i = Math.max(end, i + 1);
  };
  while (i < n) {
    const c = raw[i] as string;
    if (c === '\\') {
      if (raw[i + 1] !== '\n') out += raw[i + 1] ?? '';
      i += 2;
    } else if (c === "'") {
      const j = raw.indexOf("'", i + 1);
      out += raw.slice(i + 1, j < 0 ? n : j);
      i = j < 0 ? n : j + 1;
    } else if (c === '"') {
      i++;
      while (i < n && raw[i] !== '"') {
        const d = raw[i] as string;
        if (d === '\\' && i + 1 < n) {
          const e = raw[i + 1] as string;
          if ('$`"\\'.includes(e)) out += e;
          else if (e !== '\n') out += d + e;
          i += 2;
        } else if (d === '$' || d === '`') expansion();
        else {
          out += d;
          i++;
        }
      }
      i++;
    } else if (c === '$' && raw[i + 1] === "'") {
      const j = closingSingleQuote(raw, i + 2);
      out += raw.slice(i + 2, j);
      i = j + 1;
    } else if (c === '$' && raw[i + 1] === '"') {
      const j = raw.indexOf('"', i + 2);
      if (keepExpansions) out += raw.slice(i + 2, j < 0 ? n : j);
      i = j < 0 ? n : j + 1;
    } else if (c === '$' || c === '`') expansion();
    else if (c === '{' && !keepExpansions) {
      const j = matching(raw, i, '{', '}');
      if (j > i && /^[^\s]*(,|\.\.)[^\s]*$/.test(raw.slice(i + 1, j))) i = j + 1;
      else {
        out += c;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** End (exclusive) of the expansion starting at `i` (`$…` or a backtick); i + 1 when it is a lone `$`. */
function expansionEnd(raw: string, i: number): number {
  if (raw[i] === '`') {
    let j = i + 1;
    while (j < raw.length && raw[j] !== '`') j += raw[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, raw.length);
  }
  const next = raw[i + 1] ?? '';
  if (next === '{') return matching(raw, i + 1, '{', '}') + 1;
  if (next === '(') return matching(raw, i + 1, '(', ')') + 1;
  if (/[A-Za-z_]/.test(next)) {
    let j = i + 1;
    while (j < raw.length && /[A-Za-z0-9_]/.test(raw[j] as string)) j++;
    return j;
  }
  if (/[0-9@*#?$!-]/.test(next)) return i + 2;
  return i + 1;
}

/** Index of the bracket closing the one at `open` (nesting and quotes respected); the last index if none. */
function matching(raw: string, open: number, l: string, r: string): number {
  let depth = 0;
  for (let j = open; j < raw.length; j++) {
    const c = raw[j];
    if (c === '\\') j++;
    else if (c === "'" && l !== '{') {
      const k = raw.indexOf("'", j + 1);
      if (k < 0) return raw.length - 1;
      j = k;
    } else if (c === l) depth++;
    else if (c === r) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return raw.length - 1;
}

function closingSingleQuote(raw: string, from: number): number {
  for (let j = from; j < raw.length; j++) {
    if (raw[j] === '\\') j++;
    else if (raw[j] === "'") return j;
  }
  return raw.length;
}

/** hadolint's flag names of one argument: `-qy` → q, y; `--yes=1` → yes; `-` and `--` are not flags. */
export function flagNames(text: string): string[] {
  if (text === '--' || text === '-') return [];
  if (text.startsWith('--')) {
    const eq = text.indexOf('=');
    return [eq >= 0 ? text.slice(2, eq) : text.slice(2)];
  }
  if (text.startsWith('-')) return [...text.slice(1)];
  return [];
}

/** Words that open or close a compound command; they are not command names. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'esac', '!', '{', '}']);
/** Segments that name no simple command: `for x in a b`, `case $x in a`, tests (`[ -f x ]`). */
const SKIPPED = new Set(['for', 'select', 'case', 'in', '[', '[[']);

/**
 * The simple commands of a shell text as a list of words as written (quotes kept), and whether it has
 * a pipe (`|` or `|&`). Commands end at unquoted `;` `&` `&&` `||` `|` `(` `)` and newlines; comments,
 * redirections (with their targets, and heredoc bodies) and compound-command keywords are dropped;
 * `$(…)` and backticks stay inside their word. Good enough to find commands and pipes, not a shell parser.
 */
export function splitShellText(text: string): { commands: string[][]; hasPipe: boolean } {
  const commands: string[][] = [];
  let words: string[] = [];
  let hasPipe = false;
  const heredocs: string[] = [];
  let i = 0;
  const endCommand = () => {
    while (words.length && KEYWORDS.has(words[0] as string)) words.shift();
    if (words.length && !SKIPPED.has(words[0] as string)) commands.push(words);
    words = [];
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && text[i + 1] === '\n') i += 2;
    else if (c === '#') i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (c === '\n') {
      endCommand();
      i++;
      // The bodies of the heredocs started on the line just ended.
      for (const marker of heredocs.splice(0)) {
        while (i < text.length) {
          const eol = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
          const line = text.slice(i, eol).trim();
          i = eol + 1;
          if (line === marker) break;
        }
      }
    } else if (/\s/.test(c)) i++;
    else if (c === '<' || c === '>' || text.startsWith('&>', i)) {
      // A redirection: drop the operator and its target (`> log`, `2>&1`, `<<EOF` and its body).
      const heredoc = text.startsWith('<<', i) && !text.startsWith('<<<', i);
      while (i < text.length && '<>&|-'.includes(text[i] as string)) i++;
      while (text[i] === ' ' || text[i] === '\t') i++;
      const end = wordEnd(text, i);
      if (heredoc) heredocs.push(simplifyWord(text.slice(i, end), true));
      i = end;
    } else if ('|&;()'.includes(c)) {
      endCommand();
      const two = text.slice(i, i + 2);
      if (c === '|' && two !== '||') hasPipe = true;
      i += ['&&', '||', '|&', ';;'].includes(two) ? 2 : 1;
    } else {
      const end = wordEnd(text, i);
      const word = text.slice(i, end);
      i = end;
      if (/^[0-9]+$/.test(word) && (text[i] === '<' || text[i] === '>')) continue; // the fd of `2>x`
      words.push(word);
    }
  }
  endCommand();
  return { commands, hasPipe };
}

/** End (exclusive) of the word starting at `i`: up to unquoted whitespace or an operator character. */
function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text[j] as string;
    if (c === '\\') j += 2;
    else if (c === "'") {
      const k = text.indexOf("'", j + 1);
      j = k < 0 ? text.length : k + 1;
    }
    else if (c === '"' || c === '`') {
      let k = j + 1;
      while (k < text.length && text[k] !== c) k += text[k] === '\\' ? 2 : 1;
      j = k + 1;
    } else if (c === '$' && (text[j + 1] === '(' || text[j + 1] === '{')) j = matching(text, j + 1, text[j + 1] as string, text[j + 1] === '(' ? ')' : '}') + 1;
    else if (/\s/.test(c) || '|&;()<>'.includes(c)) break;
    else j++;
  }
  return Math.min(j, text.length);
}
