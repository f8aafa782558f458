// A proposal waiting for review. Type only, and browser-safe: the protocol derives the
// webview's view of it from this.

export interface Proposal {
  kind: 'relationship' | 'plan-change';
  pair: string;
  mentee: string;
  mentor: string;
  /** Who proposed: a handle, `program`, or undefined when unknown. */
  from?: string;
  /** The review branch (short name, without the remote), undefined for a plan on the default branch. */
  branch?: string;
  /** The branch exists only on the remote (someone else pushed it). */
  remoteOnly: boolean;
  commit: string;
  /** The proposal's commit date, ISO 8601. */
  date: string;
}
