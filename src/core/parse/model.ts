import type { Span } from '../diagnostic.ts';
import type { ShellScript } from '../shell/types.ts';

/** A word of an instruction: `value` has escapes and quotes processed as dockerfile-ast does. */
export interface Word {
  value: string;
  span: Span;
}

export interface Flag {
  /** Without the leading dashes, lowercase as written. */
  name: string;
  value: string | null;
  span: Span;
  valueSpan: Span | null;
  /** `key=value` options of flags such as `--mount=type=cache,target=/x`. */
  options: ReadonlyMap<string, string | null>;
}

export interface Heredoc {
  name: string;
  content: string;
  span: Span;
  contentSpan: Span | null;
}

/** A reference to an image, as in `FROM` or `COPY --from`. */
export interface ImageRef {
  /** The text as written, e.g. `${BASE}` or `python:3.12-slim`. */
  raw: string;
  /** After ARG substitution; null when a variable has no known value. */
  resolved: string | null;
  /** Variables that could not be resolved. */
  unresolvedVars: string[];
  registry: string | null;
  /** Repository path without registry, tag and digest, e.g. `library/python` stays `python`. */
  name: string;
  tag: string | null;
  digest: string | null;
}

export interface Instruction {
  /** Upper-case keyword, e.g. `RUN`. */
  keyword: string;
  /** The keyword as written. */
  keywordRaw: string;
  keywordSpan: Span;
  /** The whole instruction including continuation lines and heredoc bodies. */
  span: Span;
  flags: Flag[];
  /** Arguments after the flags, split as the builder splits them (not shell-aware). */
  args: Word[];
  /** Raw text after the flags, continuation lines included, as in the document. */
  argsText: string;
  argsSpan: Span | null;
  /** `name=value` pairs of ARG, ENV and LABEL, values with quotes and escapes processed (null: no value). */
  properties: { name: string; value: string | null; span: Span }[];
  /** The JSON (exec) form, when the arguments are a JSON array of strings. */
  json: string[] | null;
  heredocs: Heredoc[];
  /** Index of the stage this instruction belongs to; -1 before the first FROM. */
  stage: number;
  /** For `ONBUILD X`, the trigger instruction X (with `onbuildParent` set). */
  trigger: Instruction | null;
  /** For a trigger, the ONBUILD instruction that holds it. */
  onbuildParent: Instruction | null;
  /** For RUN (and shell-form CMD/ENTRYPOINT/HEALTHCHECK CMD), the parsed shell script. */
  shell: ShellScript | null;
  /** Index in `ParsedDockerfile.instructions` (-1 for ONBUILD triggers). */
  index: number;
}

export interface VarDef {
  name: string;
  /** null: declared without a value (e.g. `ARG VERSION`), so its value is unknown. */
  value: string | null;
  kind: 'ARG' | 'ENV';
  line: number;
}

export interface Stage {
  index: number;
  /** Lower-cased alias from `AS name`, if any. */
  name: string | null;
  nameRaw: string | null;
  nameSpan: Span | null;
  from: Instruction;
  image: ImageRef;
  imageSpan: Span | null;
  platform: string | null;
  /** Index of the earlier stage this stage builds on (`FROM build`), else null. */
  baseStage: number | null;
  /** Instructions after FROM up to the next FROM (FROM itself excluded). */
  instructions: Instruction[];
  /** ARG and ENV definitions in this stage, in order. */
  vars: VarDef[];
}

export interface Comment {
  /** Text after `#`, trimmed. */
  text: string;
  span: Span;
  line: number;
}

export interface Directive {
  /** Lower-cased, e.g. `syntax`, `escape`, `check`. */
  name: string;
  value: string;
  span: Span;
}

export interface ParsedDockerfile {
  text: string;
  /** Number of lines in the document. */
  lineCount: number;
  escapeChar: string;
  directives: Directive[];
  comments: Comment[];
  instructions: Instruction[];
  stages: Stage[];
  /** ARGs declared before the first FROM. */
  globalArgs: VarDef[];
  lineText(line: number): string;
  /** Offset-based helpers for fixes. */
  offsetOf(line: number, column: number): number;
  spanOf(startOffset: number, endOffset: number): Span;
}
