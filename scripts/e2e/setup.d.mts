// Types for setup.mjs, for the TypeScript harness in test/e2e.
export const NODE_VERSION: string;
export const CODE_SERVER_VERSION: string;
export const CHROMIUM: string;
export interface ToolPaths {
  dir: string;
  nodeHome: string;
  nodeBin: string;
  codeServerEntry: string;
  marker: string;
  chromium: string;
}
export function cacheRoot(): string;
export function toolsDir(): string;
export function toolPaths(dir?: string): ToolPaths;
export function missingSystemPackages(options: { forBuild: boolean; browser?: boolean }): string[];
export function nodeEnv(paths?: ToolPaths): NodeJS.ProcessEnv;
export function ensureE2eTools(options?: { quiet?: boolean; browser?: boolean }): ToolPaths;
export function prepareE2eTools(options?: {
  browser?: boolean;
  installPackages?: boolean;
  quiet?: boolean;
}): Promise<ToolPaths>;
