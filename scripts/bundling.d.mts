// Types of bundling.mjs, for the bench that builds the bundles as the build does.
import type { BuildOptions, Plugin } from 'esbuild';
export const LAZY_LIBRARIES: Record<string, string>;
export const lazyLibraries: Plugin;
export const leanSchemas: Plugin;
export function lazyLibraryBuilds(outdir: string, common: BuildOptions & { absWorkingDir: string }): BuildOptions[];
