// Turns commits (in parents-before-children order) and the facts of each file version into
// the relationship's events (eventRules.ts says which). The walk keeps just enough state to
// continue later from a newer HEAD without starting over.
import type { CommitRecord } from '../git/logParser';
import type { RawChange } from '../git/parse';
import { feedbackEvents, planEvents, sessionEvents } from './eventRules';
import {
  classifyPairPath,
  type FileFacts,
  type FeedbackFacts,
  type PairFileKind,
  type PlanFacts,
  type SessionFacts,
} from './facts';
import type { EventAuthor, EventDetails, FileEdit, HistoryEvent, HistoryEventKind } from './types';

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
          ...fromCommit(commit),
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
        ...fromCommit(commit),
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
    walk.remember(snapshot);
    return walk;
  }

  /** Adds a part of a snapshot's memory (summary.ts keeps it per pair), without its events. */
  remember(memory: Pick<WalkSnapshot, 'fileIds' | 'lastFacts' | 'liveTransitions' | 'once'>): void {
    for (const [path, id] of memory.fileIds) this.fileIds.set(path, id);
    for (const [id, facts] of memory.lastFacts) this.lastFacts.set(id, facts);
    for (const transition of memory.liveTransitions) this.liveTransitions.add(transition);
    for (const key of memory.once) this.once.add(key);
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

/** What an event takes from its commit. */
function fromCommit(
  commit: CommitRecord,
): Pick<HistoryEvent, 'authorName' | 'authorEmail' | 'date' | 'committed' | 'commit'> {
  return {
    authorName: commit.authorName,
    authorEmail: commit.authorEmail,
    date: commit.authorDate,
    committed: commit.committerDate,
    commit: commit.id,
  };
}
