/**
 * Result types of the layer-size simulator. Sizes are uncompressed tar-content bytes, as
 * `docker history` and dive report them (size-data.md §2), unless a field says "compressed".
 */

/** A size with its uncertainty: `low <= value <= high`; `low === high === value` when exact. */
export interface Bytes {
  value: number;
  low: number;
  high: number;
}

/** Where a number comes from, so the output can cite it. */
export interface SourceRef {
  /** Short human-readable citation, e.g. `docker-library/repo-info repos/python/local/3.12-slim-bookworm.md @33cda30b`. */
  text: string;
  /** A link, when there is one. */
  url: string | null;
  /** When the fact was observed (ISO date or a short phrase such as `2026-08`). */
  date: string | null;
}

/** A path (or an aggregate like "the apt package lists") a layer adds or removes. */
export interface PathSummary {
  path: string;
  bytes: number;
  /** What it is, e.g. "apt package lists" or "file from the build context". */
  what: string;
}

/** A step (or part of one) the simulator cannot size from data; counted with an assumed range. */
export interface Unknown {
  line: number;
  /** The command or instruction text it is about (short). */
  command: string;
  /** Why it is unknown and what is not modelled yet. */
  reason: string;
  /** The range assumed for it; totals count `assumed.value` and carry `low`/`high`. */
  assumed: Bytes;
  /** Why that range, e.g. "default range for a command Layerlab does not model". */
  assumedWhy: string;
}

export type LayerKind = 'base' | 'filesystem' | 'metadata';

export type CacheState = 'unknown' | 'cached' | 'rebuilt';

export interface LayerEstimate {
  stage: number;
  instructionLine: number;
  endLine: number;
  /** Keyword and arguments on one line, shortened to about 200 characters. */
  instruction: string;
  kind: LayerKind;
  bytes: Bytes;
  /** Estimated gzip size of this layer as a registry stores it. */
  compressedBytes: Bytes;
  /**
   * dive's "wasted" bytes attributed to this layer: the bytes of its paths that occur in two or
   * more layers of the image (all copies count, see size-data.md §1).
   */
  wastedBytes: number;
  added: PathSummary[];
  removed: PathSummary[];
  notes: string[];
  unknown: Unknown | null;
  /** Where the main number comes from (base images, measured facts); null for plain sums. */
  source: SourceRef | null;
  cache: CacheState;
}

export interface BaseImageInfo {
  /** The reference as written after ARG substitution, e.g. `python:3.12-slim`. */
  name: string;
  /** The table entry used, e.g. `python:3.12-slim-bookworm`; null when unknown or stated. */
  entry: string | null;
  bytes: Bytes;
  compressedBytes: Bytes | null;
  source: SourceRef | null;
  os: OsInfo;
  /** Set when the entry is only approximately this tag (e.g. the tag moved to a newer Debian). */
  approximate: string | null;
  /** True when the size is not in the data and nobody stated it. */
  unknown: boolean;
}

export interface OsInfo {
  family: 'debian' | 'ubuntu' | 'alpine' | 'distroless' | 'none' | 'unknown';
  /** e.g. `bookworm`, `trixie`, `3.21`, `24.04`; null when not known. */
  release: string | null;
  packageManager: 'apt' | 'apk' | 'none' | 'unknown';
  libc: 'glibc' | 'musl' | 'uclibc' | 'none' | 'unknown';
  /** Debian -slim images exclude docs, man pages and locales from later dpkg installs. */
  slim: boolean;
}

export type StageRole =
  /** The stage that is built (the last one, or `--target`). */
  | 'target'
  /** A stage the target builds on (`FROM <stage>`): its layers are part of the image. */
  | 'base-of-target'
  /** Built because the image copies from it (`COPY --from`): only the copied files ship. */
  | 'builder'
  /** Not needed for the target; BuildKit skips it. */
  | 'unused';

export interface StageResult {
  index: number;
  name: string | null;
  role: StageRole;
  baseImage: BaseImageInfo | null;
  /** Index of the stage this one is `FROM`, else null. */
  baseStage: number | null;
  /** This stage's own layers (its FROM row first; for `FROM <stage>` that row is 0 B). */
  layers: LayerEstimate[];
  /** Everything this stage's filesystem holds: base image plus all layers of its chain. */
  totalBytes: Bytes;
}

export interface ImageResult {
  totalBytes: Bytes;
  compressedBytes: Bytes;
  baseImage: BaseImageInfo | null;
  /** The target stage's chain (stages it is `FROM` first), FROM rows included. */
  layers: LayerEstimate[];
  /** dive's "potential wasted space". */
  wastedBytes: number;
  /** dive's "image efficiency score", 0..1. */
  efficiency: number;
  /** Bytes of the layers after the base image (what your Dockerfile adds). */
  addedBytes: Bytes;
}

export interface SimulationResult {
  stages: StageResult[];
  /** Index of the built stage; -1 when the Dockerfile has no FROM. */
  target: number;
  image: ImageResult;
  /** Every unknown that counts toward the image (target chain and copied-from stages). */
  unknowns: Unknown[];
  /** Problems with the Dockerfile itself that stop a real build (e.g. COPY of a missing file). */
  problems: { line: number; message: string }[];
  /** Whether a build context was given (COPY sizes are exact only with one). */
  contextKnown: boolean;
}
