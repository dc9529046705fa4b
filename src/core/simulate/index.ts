/** The layer-size simulator (pure: data in, estimates out). */
export type { BaseImageAlias, BaseImageEntry, BaseImageLookup, BaseImageTable } from './base-images.ts';
export { BaseImageTableSchema, imageKey, lookupBaseImage, parseBaseImageTable } from './base-images.ts';
export { exact, formatBytes, formatRange, parseSize, range } from './bytes.ts';
export type { PreparedContext, VirtualContext } from './context.ts';
export { prepareContext } from './context.ts';
export type { SimulateOptions, SimulationData } from './data.ts';
export { SIZE_COMMENT } from './estimators/from.ts';
export { analyzeEfficiency, SimFs } from './filesystem.ts';
export type { DiveAnalysis, FsEntry, LayerRecord } from './filesystem.ts';
export { resolveTarget, simulateDockerfile, stageNames, stageRoles } from './simulate.ts';
export type * from './types.ts';
