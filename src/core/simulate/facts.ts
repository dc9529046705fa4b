/**
 * Measured sizes the RUN estimators use, each with its source, and the default ranges assumed for
 * what is not modelled. Numbers come from /work/shared/research/size-data.md (§2, §4c) and
 * calibration-cases.md; nothing here is a guess unless it says "assumed".
 */
import type { Bytes, SourceRef } from './types.ts';

export interface Fact {
  bytes: Bytes;
  /** One sentence on what was measured and why the range is what it is. */
  why: string;
  sources: SourceRef[];
}

/** Bytes of the three bookworm Packages.lz4 files (main, security, updates), exact. */
const APT_LISTS_PACKAGES = 18_840_233 + 760_491 + 11_648;
/** Plus the three InRelease files, about 241 kB together. */
const APT_LISTS_MEASURED = APT_LISTS_PACKAGES + 241_000;
/** The layer of `RUN apt-get update` seen on a real dockerd (issue 3). */
const APT_UPDATE_LAYER_ISSUE = 31_600_000;

/**
 * What `apt-get update` leaves in /var/lib/apt/lists on an official Debian image.
 *
 * Two measurements exist. The itemised one (19.85 MB: Packages.lz4 files 19,612,372 B, which the
 * research summary rounds to "≈19.6 MB", plus InRelease files ≈241 kB) was taken file by file with
 * the official image's apt configuration (compressed indexes, no translations), bookworm amd64.
 * The issue reports a whole `RUN apt-get update` layer of 31.6 MB on a real dockerd; its release,
 * date and architecture are not recorded, and a real layer also rewrites some apt state.
 * The itemised figure is the estimate because its conditions are known; the dockerd layer is the
 * upper end of the range, so the range covers both observations.
 */
export const APT_LISTS: Fact = {
  bytes: { value: APT_LISTS_MEASURED, low: APT_LISTS_PACKAGES, high: APT_UPDATE_LAYER_ISSUE },
  why: 'measured file by file on debian:bookworm (amd64, official apt config); up to 31.6 MB as one real dockerd layer',
  sources: [
    {
      text: 'Layerlab research size-data.md §4c: bookworm Packages.lz4 18,840,233 B + security 760,491 B + updates 11,648 B + InRelease ≈241 kB',
      url: null,
      date: '2026-11-22',
    },
    { text: 'Layerlab issue 3: `RUN apt-get update` added 31.6 MB on a real dockerd', url: null, date: null },
  ],
};

/**
 * apt lists on an apt-based image that is not Debian bookworm/trixie (e.g. Ubuntu): not measured.
 * The range spans the published reports (about 10 MB to over 80 MB, 2014, uncompressed lists).
 */
export const APT_LISTS_OTHER: Fact = {
  bytes: { value: APT_LISTS_MEASURED, low: 10_000_000, high: 80_000_000 },
  why: 'measured only on Debian; reports for other apt images range from about 10 MB to over 80 MB',
  sources: [
    ...APT_LISTS.sources,
    { text: 'phusion/baseimage-docker issue 41: "over 80 MByte" in /var/lib/apt/lists (Ubuntu, 2014)', url: 'https://github.com/phusion/baseimage-docker/issues/41', date: '2014' },
    { text: 'rocker-org/rocker issue 45: "~10MB" of apt lists', url: 'https://github.com/rocker-org/rocker/issues/45', date: '2014' },
  ],
};

/**
 * `apk update` / `apk add` without `--no-cache` leave APKINDEX.<hash>.tar.gz files (main, community)
 * in /var/cache/apk. Reports grow over time: 0.75 MB (2016), 1.2 MB (3.8, 2018), 1.3 MB (2019),
 * 1.8 MB (2020), 2.5 MB (alpine 3.19, 2023). The newest report is the estimate; the upper end allows
 * for growth since 2023 by half again (assumed, not measured).
 */
export const APK_INDEX: Fact = {
  bytes: { value: 2_500_000, low: 1_800_000, high: 3_750_000 },
  why: 'reported 2.5 MB on alpine 3.19 (2023) and 1.8 MB in 2020; up to 3.75 MB assumed for newer releases',
  sources: [
    { text: 'fluent/fluentd-docker-image PR 365: `du -h /var/cache/apk/` = 2.5M after `apk update` (alpine 3.19)', url: 'https://github.com/fluent/fluentd-docker-image/pull/365', date: '2023-12-18' },
    { text: 'resyst-it/docker-bind9 PR 11: apk index ≈1.8 MB', url: 'https://github.com/resyst-it/docker-bind9/pull/11', date: '2020' },
  ],
};

/** Default range for a RUN command Layerlab does not model yet (an assumption, not data). */
export const UNKNOWN_COMMAND: Bytes = { value: 0, low: 0, high: 100_000_000 };
export const UNKNOWN_COMMAND_WHY =
  'the default range for a step Layerlab cannot size (an assumption, not data); state the real size with a `# layerlab-size 45MB` comment above the instruction';

/** Default range for commands that only write small files (config edits, users, `echo > file`). */
export const SMALL_WRITE: Bytes = { value: 0, low: 0, high: 1_000_000 };
export const SMALL_WRITE_WHY = 'assumed: these commands write only small files (configuration, users, dpkg status), up to 1 MB';

/**
 * Compression (uncompressed ÷ gzip) by kind of content, from size-data.md §2 (amd64, 2026 builds):
 * distro/package layers 2.01-2.78 (debian:bookworm 2.40, bookworm-slim 2.65, alpine 2.15);
 * already-compressed payloads (lz4 lists, .tar.gz indexes, jars, wheels, images) ≈1.0-1.3.
 */
export interface Ratio {
  value: number;
  low: number;
  high: number;
}
export const RATIO_PACKAGES: Ratio = { value: 2.5, low: 2.0, high: 2.8 };
export const RATIO_COMPRESSED: Ratio = { value: 1.0, low: 1.0, high: 1.3 };
/** Files of unknown kind (build context, unknown steps): anything from incompressible to package-like. */
export const RATIO_FILES: Ratio = { value: 2.5, low: 1.0, high: 2.8 };
export const RATIO_SOURCE: SourceRef = {
  text: 'Layerlab research size-data.md §2: observed gzip ratios of official images and buildpack-deps layers',
  url: null,
  date: '2026',
};

export type CompressionClass = 'packages' | 'compressed' | 'files';

export function ratioOf(kind: CompressionClass): Ratio {
  return kind === 'packages' ? RATIO_PACKAGES : kind === 'compressed' ? RATIO_COMPRESSED : RATIO_FILES;
}

const COMPRESSED_EXT = /\.(gz|tgz|bz2|tbz2?|xz|txz|zst|lz4|lzma|zip|jar|war|ear|whl|egg|apk|deb|rpm|7z|rar|png|jpe?g|gif|webp|avif|mp4|m4v|mov|webm|mp3|ogg|woff2?|pdf)$/i;

/** Files that are compressed already (archives, images, fonts) hardly shrink in a gzip layer. */
export function compressionClassOfFile(path: string): CompressionClass {
  return COMPRESSED_EXT.test(path) ? 'compressed' : 'files';
}
