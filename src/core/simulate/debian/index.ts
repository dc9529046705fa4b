/** Debian package data and apt resolution for the size simulator (pure; data passed in). */
export type { EncodedDebianIndex, IndexHeader, IndexSource, Priority } from './format.ts';
export { INDEX_FORMAT, INDEX_FORMAT_VERSION } from './format.ts';
export type { DebianIndex, DebianPackage, DepAtom, DepGroup, Provider } from './decode.ts';
export { decodeDebianIndex, DebianIndexFormatError } from './decode.ts';
export type {
  AptInstallOptions,
  AptInstallResult,
  AptInstalledPackage,
  AptPurgeOptions,
  AptPurgeResult,
  AptRemovedPackage,
  InstallReason,
  RelationKind,
  RemovalReason,
  UnknownPackage,
} from './resolve.ts';
export { resolveAptInstall, resolveAptPurge, requestedPackageName, formatGroup } from './resolve.ts';
export type { BaseImageSet } from './minbase.ts';
export { debootstrapMinbase } from './minbase.ts';
export { compareDebianVersions } from './version.ts';
