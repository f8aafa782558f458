// Turns commits (in parents-before-children order) and the facts of each file version into
// the relationship's events. The walk keeps just enough state to continue later from a newer
// HEAD without starting over.
import type { CommitRecord } from '../git/logParser';
import type { RawChange } from '../git/parse';
import {
  classifyPairPath,
  type FileFacts,
  type FeedbackFacts,
  type PairFileKind,
  type PlanFacts,
  type SessionFacts,
} from './facts';

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

export type FactsLookup = (kind: PairFileKind, blob: string | undefined) => FileFacts | undefined;
export type AuthorLookup = (email: string) => EventAuthor;

/**
 * The walk's memory. Merges: every commit reachable from HEAD is walked (not only first
 * parents), so each change keeps its real author (a mentee's commits on a review branch stay
 * the mentee's); merge commits add no content events, only `plan-review-merged`, so merged
 * changes are never counted twice. The same change reachable twice (a cherry-pick onto
 * another branch) is recognised by its blob ids and counted once, unless the file went back
 * in between (a revert of a revert is a real change). One-time facts (an agenda prepared, a
 * request asked or answered, an action done, a benchmark reached) are keyed by the file or
 * the action, so a revert and its re-application never count twice.
 */
export interface WalkSnapshot {
  events: HistoryEvent[];
  edits: FileEdit[];
  fileIds: [string, string][];
  lastFacts: [string, FileFacts][];
  liveTransitions: string[];
  once: string[];
}

export class HistoryWalk {
  readonly events: HistoryEvent[] = [];
  readonly edits: FileEdit[] = [];
  /** The same events and edits by pair, and which pairs got new ones since `takeTouched`. */
  readonly byPair = new Map<string, { events: HistoryEvent[]; edits: FileEdit[] }>();
  private touched = new Set<string>();
  /** Current path → file id. */
  readonly fileIds = new Map<string, string>();
  private readonly lastFacts = new Map<string, FileFacts>();
  private readonly liveTransitions = new Set<string>();
  private readonly once = new Set<string>();

  constructor(private readonly folderPrefix: string) {}

  /** Applies one commit. `boundary`: a shallow clone's oldest commit, whose "additions" are only the starting state. */
  apply(commit: CommitRecord, facts: FactsLookup, authorOf: AuthorLookup, boundary: boolean): void {
    if (commit.parents.length > 1) {
      this.applyMerge(commit, authorOf);
      return;
    }
    for (const change of commit.changes) {
      const fileId = this.trackIdentity(change);
      const where = classifyPairPath(this.folderPrefix, change.path);
      if (!where) continue;
      const newFacts = change.status === 'D' ? undefined : facts(where.kind, change.newBlob);
      if (boundary) {
        if (newFacts && newFacts.kind !== 'invalid') this.lastFacts.set(fileId, newFacts);
        continue;
      }
      const context = { commit, fileId, pair: where.pair, path: change.path, author: authorOf(commit.authorEmail) };
      this.addEdit({
        pair: where.pair,
        kind: where.kind,
        path: change.path,
        fileId,
        change:
          change.status === 'A' || change.status === 'C'
            ? 'added'
            : change.status === 'D'
              ? 'deleted'
              : change.status === 'R'
                ? 'renamed'
                : 'modified',
        commit: commit.id,
        author: context.author,
        authorName: commit.authorName,
        authorEmail: commit.authorEmail,
        date: commit.authorDate,
      });
      if (!newFacts || newFacts.kind === 'invalid') continue;
      const transition = `${fileId}\0${change.oldBlob ?? ''}\0${change.newBlob ?? ''}`;
      if (this.liveTransitions.has(transition)) continue;
      this.liveTransitions.add(transition);
      this.liveTransitions.delete(`${fileId}\0${change.newBlob ?? ''}\0${change.oldBlob ?? ''}`);

      let oldFacts = change.oldBlob
        ? facts(classifyPairPath(this.folderPrefix, change.oldPath)?.kind ?? where.kind, change.oldBlob)
        : undefined;
      if (!oldFacts || oldFacts.kind === 'invalid') oldFacts = this.lastFacts.get(fileId);
      if (oldFacts && oldFacts.kind !== newFacts.kind) oldFacts = undefined;
      this.lastFacts.set(fileId, newFacts);
      const emit = (kind: HistoryEventKind, details: EventDetails, onceKey?: string): void => {
        if (onceKey !== undefined) {
          if (this.once.has(onceKey)) return;
          this.once.add(onceKey);
        }
        this.addEvent({
          kind,
          pair: context.pair,
          author: context.author,
          authorName: commit.authorName,
          authorEmail: commit.authorEmail,
          date: commit.authorDate,
          committed: commit.committerDate,
          commit: commit.id,
          path: context.path,
          fileId,
          details,
        });
      };
      if (newFacts.kind === 'plan') planEvents(oldFacts as PlanFacts | undefined, newFacts, emit, where.pair);
      else if (newFacts.kind === 'session')
        sessionEvents(oldFacts as SessionFacts | undefined, newFacts, emit, where.pair, where.name, commit, fileId);
      else feedbackEvents(oldFacts as FeedbackFacts | undefined, newFacts, emit, fileId);
    }
  }

  private applyMerge(commit: CommitRecord, authorOf: AuthorLookup): void {
    const reviewed = new Set<string>();
    for (const change of commit.changes) {
      // The branch's own commits already moved renamed files; only fill in what they did not.
      if (change.status === 'R' && this.fileIds.has(change.oldPath) && !this.fileIds.has(change.path))
        this.trackIdentity(change);
      else if (!this.fileIds.has(change.path) && change.status !== 'D') this.fileIds.set(change.path, change.path);
      const where = classifyPairPath(this.folderPrefix, change.path);
      if (where?.kind === 'plan' && change.status !== 'D') reviewed.add(where.pair);
    }
    for (const pair of reviewed) {
      const path = `${this.folderPrefix}pairs/${pair}/plan.yaml`;
      this.addEvent({
        kind: 'plan-review-merged',
        pair,
        author: authorOf(commit.authorEmail),
        authorName: commit.authorName,
        authorEmail: commit.authorEmail,
        date: commit.authorDate,
        committed: commit.committerDate,
        commit: commit.id,
        path,
        fileId: this.fileIds.get(path) ?? path,
        details: {},
      });
    }
  }

  /** The walk's memory as plain data, to be persisted and `restore`d. */
  snapshot(): WalkSnapshot {
    return {
      events: this.events,
      edits: this.edits,
      fileIds: [...this.fileIds],
      lastFacts: [...this.lastFacts],
      liveTransitions: [...this.liveTransitions],
      once: [...this.once],
    };
  }

  /** A walk that goes on from a snapshot; every pair counts as touched. */
  static restore(folderPrefix: string, snapshot: WalkSnapshot): HistoryWalk {
    const walk = new HistoryWalk(folderPrefix);
    for (const event of snapshot.events) walk.addEvent(event);
    for (const edit of snapshot.edits) walk.addEdit(edit);
    for (const [path, id] of snapshot.fileIds) walk.fileIds.set(path, id);
    for (const [id, facts] of snapshot.lastFacts) walk.lastFacts.set(id, facts);
    for (const transition of snapshot.liveTransitions) walk.liveTransitions.add(transition);
    for (const key of snapshot.once) walk.once.add(key);
    return walk;
  }

  /** Pairs with new events or edits since the last call. */
  takeTouched(): Set<string> {
    const touched = this.touched;
    this.touched = new Set();
    return touched;
  }

  /** Replaces every event's and edit's author (a people file changed). */
  remapAuthors(authorOf: AuthorLookup): void {
    for (let i = 0; i < this.events.length; i++)
      this.events[i] = { ...this.events[i], author: authorOf(this.events[i].authorEmail) };
    for (let i = 0; i < this.edits.length; i++)
      this.edits[i] = { ...this.edits[i], author: authorOf(this.edits[i].authorEmail) };
    this.byPair.clear();
    for (const event of this.events) this.logOf(event.pair).events.push(event);
    for (const edit of this.edits) this.logOf(edit.pair).edits.push(edit);
  }

  private addEvent(event: HistoryEvent): void {
    this.events.push(event);
    this.logOf(event.pair).events.push(event);
  }

  private addEdit(edit: FileEdit): void {
    this.edits.push(edit);
    this.logOf(edit.pair).edits.push(edit);
  }

  private logOf(pair: string): { events: HistoryEvent[]; edits: FileEdit[] } {
    this.touched.add(pair);
    let log = this.byPair.get(pair);
    if (!log) this.byPair.set(pair, (log = { events: [], edits: [] }));
    return log;
  }

  private trackIdentity(change: RawChange): string {
    if (change.status === 'R') {
      const fileId = this.fileIds.get(change.oldPath) ?? change.oldPath;
      this.fileIds.delete(change.oldPath);
      this.fileIds.set(change.path, fileId);
      return fileId;
    }
    // A deleted path keeps its id, so restoring the file (a revert) is the same file again.
    const fileId = this.fileIds.get(change.path) ?? change.path;
    this.fileIds.set(change.path, fileId);
    return fileId;
  }
}

type Emit = (kind: HistoryEventKind, details: EventDetails, onceKey?: string) => void;

function planEvents(old: PlanFacts | undefined, plan: PlanFacts, emit: Emit, pair: string): void {
  if (old?.status !== plan.status && plan.status !== undefined) {
    const previousStatus = old?.status;
    const details = previousStatus === undefined ? { status: plan.status } : { status: plan.status, previousStatus };
    if (plan.status === 'proposed') emit('relationship-proposed', details);
    else if (plan.status === 'active') {
      if (previousStatus === 'proposed') emit('relationship-accepted', details);
      else if (previousStatus === 'paused') emit('relationship-resumed', details);
      else emit('relationship-started', details);
    } else if (plan.status === 'paused') emit('relationship-paused', details);
    else if (plan.status === 'completed' || plan.status === 'ended') emit('relationship-ended', details);
  }
  const before = new Map((old?.goals ?? []).map((goal) => [goal.id, goal]));
  const after = new Set<string>();
  for (const goal of plan.goals) {
    after.add(goal.id);
    const previous = before.get(goal.id);
    if (!previous) {
      emit('goal-added', { goal: goal.id, title: goal.title, status: goal.status });
      continue;
    }
    let statusReported = false;
    if (goal.status !== previous.status && (goal.status === 'done' || goal.status === 'dropped')) {
      emit(goal.status === 'done' ? 'goal-done' : 'goal-dropped', {
        goal: goal.id,
        title: goal.title,
        previousStatus: previous.status,
      });
      statusReported = true;
    }
    const keys = new Set([...Object.keys(goal.fields), ...Object.keys(previous.fields)]);
    const fields = [...keys]
      .filter((key) => goal.fields[key] !== previous.fields[key] && !(statusReported && key === 'status'))
      .sort();
    if (fields.length > 0) emit('goal-changed', { goal: goal.id, title: goal.title, fields, status: goal.status });
    const reachedBefore = new Set(previous.benchmarks.filter((b) => b.done).map((b) => b.text));
    for (const benchmark of goal.benchmarks) {
      if (benchmark.done && !reachedBefore.has(benchmark.text)) {
        emit(
          'benchmark-reached',
          { goal: goal.id, benchmark: benchmark.text, due: benchmark.done },
          `benchmark\0${pair}\0${goal.id}\0${benchmark.text}`,
        );
      }
    }
  }
  for (const [id, goal] of before) {
    if (!after.has(id)) emit('goal-removed', { goal: id, title: goal.title });
  }
}

function sessionEvents(
  old: SessionFacts | undefined,
  session: SessionFacts,
  emit: Emit,
  pair: string,
  fileName: string,
  commit: CommitRecord,
  fileId: string,
): void {
  const sessionDate = session.date ?? fileName.replace(/\.yaml$/, '');
  if (!old) {
    emit(
      'agenda-prepared',
      {
        sessionDate,
        preparedBy: session.preparedBy,
        committedBeforeSession: commit.committerDate.slice(0, 10) < sessionDate,
      },
      `agenda\0${fileId}`,
    );
  }
  if (session.notes && !old?.notes) emit('notes-written', { sessionDate }, `notes\0${fileId}`);
  const doneBefore = new Set(
    [...(old?.actions ?? []), ...(old?.followUps ?? [])].filter((a) => a.done).map((a) => a.key),
  );
  for (const action of [...session.actions, ...session.followUps]) {
    if (action.done && !doneBefore.has(action.key)) {
      emit(
        'action-done',
        { action: action.text, actionKey: action.key, owner: action.owner, due: action.due, sessionDate },
        `action\0${pair}\0${action.key}`,
      );
    }
  }
}

function feedbackEvents(old: FeedbackFacts | undefined, feedback: FeedbackFacts, emit: Emit, fileId: string): void {
  const details = {
    askedBy: feedback.askedBy,
    askedOf: feedback.askedOf,
    asked: feedback.asked,
    feedbackKind: feedback.feedbackKind,
    goal: feedback.goal,
  };
  if (!old) emit('feedback-asked', details, `asked\0${fileId}`);
  if (feedback.answered && !old?.answered)
    emit('feedback-answered', { ...details, status: feedback.status }, `answered\0${fileId}`);
}
