// What Share says back: plain data both faces show, the sidebar as a notification and the CLI as
// text or JSON.

export interface UnsharedFile {
  /** Relative to the root given, with '/'. */
  path: string;
  change: 'added' | 'modified' | 'deleted';
  /** What changed, in words: "asked ben for feedback on retry policy". */
  words: string[];
  /** Why it cannot be shared as it is: it does not parse. */
  problem?: string;
  /** My change does not apply on the mentoring branch's newer version of the file: Share stops at it. */
  conflicts?: boolean;
}

export type ShareStatus = 'shared' | 'committed' | 'review' | 'conflict' | 'nothing' | 'dry-run';

/** One step of a share, in words, as it is taken. */
export interface ShareStep {
  step: 'seal' | 'commit' | 'push' | 'fetch' | 'rebuild' | 'review-branch' | 'update-branch';
  text: string;
}

export interface ShareResult {
  pair: string;
  /**
   * shared: committed to the mentoring branch and pushed to its upstream; committed: committed
   * to the mentoring branch, not pushed (it has no upstream, or the push failed: `pushError`);
   * review: the remote refused the branch (protection), the change is on a review branch;
   * conflict: stopped, nothing committed; nothing: nothing to share; dry-run: what would be.
   */
  status: ShareStatus;
  /** What happened, in one or two sentences. */
  summary: string;
  /** The mentoring branch. */
  branch: string;
  message: string;
  /** What was (or would be) committed. */
  files: UnsharedFile[];
  commit?: string;
  remote?: string;
  pushed: boolean;
  /** The remote had moved on: the change was rebuilt on its new tip. */
  rebuilt: boolean;
  pushError?: string;
  /** Where a protected branch sent the change. */
  review?: { branch: string; pushed: boolean; compareUrl?: string; pushError?: string; pushCommand: string };
  /** The first file whose change does not apply on the mentoring branch's version (relative to the root). */
  conflict?: { path: string; against: string };
  steps: ShareStep[];
  /** What Share sealed in the pair's files before it looked for changes (core/app/seal.ts); absent on a dry run. */
  sealing?: ShareSealing;
}

/** Values of the pair's sealed fields Share sealed (or could not re-seal) before committing. */
export interface ShareSealing {
  /** Clear values sealed. */
  sealed: number;
  /** Values sealed again to the pair's current recipients (a key or device was added). */
  resealed: number;
  /** Values sealed to older recipients that none of my keys opens: the other person's Share re-seals them. */
  unopened: number;
  /** The pair's people without a key yet: nothing is sealed until both have one. */
  withoutKey: string[];
}
