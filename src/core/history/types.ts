// What the history gives: the events and edits of the walk, and each pair's files at HEAD.
import type { FileEdit, HistoryEvent } from './events';
import type { FeedbackFacts, PlanFacts, SessionFacts } from './facts';

export interface SessionState extends SessionFacts {
  path: string;
  /** The date the session is for: its `date`, else its file name. */
  sessionDate: string;
}

export interface FeedbackState extends FeedbackFacts {
  path: string;
}

/** A pair's files as they are at HEAD (or in the working tree, see `pairStateFromModel`). */
export interface PairState {
  id: string;
  mentee: string;
  mentor: string;
  plan?: PlanFacts;
  /** Sorted by session date, oldest first. */
  sessions: SessionState[];
  feedback: FeedbackState[];
}

export interface History {
  /** The repository's top level. */
  root: string;
  /** The mentoring folder, relative to `root`, with '/'. */
  folder: string;
  /** Only this pair's files were walked (people files are always read). */
  pair?: string;
  /** The commit the history was read at; undefined in a repository without commits. */
  head?: string;
  /** A shallow clone: history before its oldest commits is missing, and their files count as already there. */
  shallow: boolean;
  /** Commits that touched the walked folders. */
  commits: number;
  /** Oldest first: every commit after its parents. */
  events: HistoryEvent[];
  edits: FileEdit[];
  /** Each pair with a file at HEAD. */
  pairs: Map<string, PairState>;
  /**
   * Current path → the file's id across renames (`HistoryEvent.fileId`). Shared with later
   * results of the same repository: it may gain paths, never changes what a path maps to.
   */
  fileIds: ReadonlyMap<string, string>;
  /** Each pair's events and edits (what `pairHealth` takes). */
  logs: Map<string, PairLog>;
}

export interface PairLog {
  events: HistoryEvent[];
  edits: FileEdit[];
  fileIds: ReadonlyMap<string, string>;
}

export interface HistoryOptions {
  /** The mentoring folder relative to `root` (default `.mentoring`). */
  folder?: string;
  /** Only this pair (`<mentee>--<mentor>`). */
  pair?: string;
  /**
   * Read at this commit (a full id) instead of HEAD: what's new reads the mentoring branch and its
   * remote-tracking branch, which need not be checked out.
   */
  at?: string;
  /** Skip the cache (the benchmark's cold runs). */
  noCache?: boolean;
  /**
   * Keep the derived history in an index under the repository's git folder and go on from it
   * after a restart (persist.ts). HEAD's history only (not `at`).
   */
  persist?: boolean;
}
