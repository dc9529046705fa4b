/** The tables the simulator needs, passed in by the caller (the engine never reads files). */
import type { BaseImageTable } from './base-images.ts';
import type { VirtualContext } from './context.ts';
import type { DebianIndex } from './debian/index.ts';

export interface SimulationData {
  /** data/base-images.json, validated (parseBaseImageTable); null when not loaded. */
  baseImages: BaseImageTable | null;
  /** Debian package indexes (data/debian/<release>.json.gz, decoded), for `apt-get install`. */
  debian?: { bookworm?: DebianIndex; trixie?: DebianIndex };
}

export interface SimulateOptions {
  /** The stage to build (`docker build --target`), by name; default the last stage. */
  target?: string | undefined;
  /** The build context; without it COPY/ADD of local files are unknown. */
  context?: VirtualContext | null | undefined;
  /**
   * Sizes stated for base images the table does not know, by reference (`myco/base:1`, bytes).
   * A `# layerlab-size 120MB` comment right above the FROM does the same inside the Dockerfile.
   */
  baseImageSizes?: Readonly<Record<string, number>> | undefined;
}
