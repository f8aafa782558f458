// Types for system.mjs, for the unit tests.
export interface NeededPackage {
  pkg: string;
  why: string;
}
export function neededSystemPackages(options: {
  forBuild: boolean;
  browser: boolean;
  chromium?: string;
}): NeededPackage[];
export function aptCommand(needed: NeededPackage[], uid?: number): string;
export function installSystemPackages(
  needed: NeededPackage[],
  options: { log: (message: string) => void; uid?: number },
): void;
export function hasDotFolder(path: string): boolean;
export function demoRepoPath(env?: NodeJS.ProcessEnv, home?: string, temp?: string): string;
