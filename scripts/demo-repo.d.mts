// Types for demo-repo.mjs, for the TypeScript tests.
export interface DemoRepo {
  dir: string;
  today: string;
  me: string;
  pairs: string[];
  commits: number;
}
export interface DemoRemote {
  remote: string;
  mentorDir: string;
  mentor: string;
}
export function localToday(now?: Date): string;
export function createDemoRepo(dir: string, options?: { today?: string }): DemoRepo;
export function addDemoRemote(dir: string, options?: { remote?: string; mentorDir?: string }): DemoRemote;
