// Types for demo-repo.mjs, for the TypeScript tests.
export interface DemoRepo {
  dir: string;
  today: string;
  me: string;
  pairs: string[];
  commits: number;
}
export function isoToday(): string;
export function createDemoRepo(dir: string, options?: { today?: string }): DemoRepo;
