// What the history gives: the events and edits of the walk, and each pair's files at HEAD.
import type { FeedbackFacts, PairFileKind, PlanFacts, SessionFacts } from './facts';

export type HistoryEventKind =
  | 'relationship-proposed'
  | 'relationship-accepted'
  | 'relationship-started'
  | 'relationship-paused'
  | 'relationship-resumed'
  | 'relationship-ended'
  | 'goal-added'
  | 'goal-changed'
  | 'goal-done'
  | 'goal-dropped'
  | 'goal-removed'
  | 'benchmark-reached'
  | 'agenda-prepared'
  | 'notes-written'
  | 'action-done'
  | 'feedback-asked'
  | 'feedback-answered'
  | 'plan-review-merged';

/** A commit author: the person whose `people/<handle>.yaml` lists the email, else the email itself. */
export type EventAuthor = { handle: string } | { unknown: string };

export interface EventDetails {
  status?: string;
  previousStatus?: string;
  goal?: string;
  title?: string;
  /** goal-changed: which goal fields changed. */
  fields?: string[];
  benchmark?: string;
  /** agenda-prepared, notes-written, action-done: the session's date. */
  sessionDate?: string;
  /** agenda-prepared: the commit's date (in its own time zone) is before the session's date. */
  committedBeforeSession?: boolean;
  preparedBy?: string;
  action?: string;
  /** action-done: owner and normalised text, the same across carried-over copies. */
  actionKey?: string;
  owner?: string;
  due?: string;
  askedBy?: string;
  askedOf?: string;
  asked?: string;
  feedbackKind?: string;
}

export interface HistoryEvent {
  kind: HistoryEventKind;
  pair: string;
  author: EventAuthor;
  authorName: string;
  authorEmail: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  /** Committer date, ISO 8601 with offset: when the change entered the repository. */
  committed: string;
  commit: string;
  /** Path at that commit, relative to the repository root. */
  path: string;
  /** The file across renames: the first path it was seen at. */
  fileId: string;
  details: EventDetails;
}

/** One commit's change to one pair file (merges excluded): what "who drives" counts plan edits from. */
export interface FileEdit {
  pair: string;
  kind: PairFileKind;
  path: string;
  fileId: string;
  change: 'added' | 'modified' | 'deleted' | 'renamed';
  commit: string;
  author: EventAuthor;
  authorName: string;
  authorEmail: string;
  date: string;
}

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
  /**
   * With `persist`, for the whole folder: `true` writes the health summary (summary.ts) even when
   * the index on disk was already current; `'only'` writes the summary and not the whole folder's
   * index (107 MB at L), which nothing but the summary's first build would read.
   */
  summary?: boolean | 'only';
}
