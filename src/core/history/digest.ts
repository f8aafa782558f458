// What the health figures take from a pair's log, independent of today and of the pair's files:
// when it was first proposed, when it last stopped, when each agenda was first prepared, when each action was first done,
// and who drove, month by month. Small enough to persist for every pair (summary.ts), and
// extended by new events without the old ones.
import { parsePairId } from '../folder/names';
import type { FileEdit, HistoryEvent } from './types';

/** Per month: agendas by the mentee, agendas, requests asked by the mentee, requests, plan edits by the mentee, plan edits. */
export type DriveCounts = [number, number, number, number, number, number];

export interface PairDigest {
  /** The calendar day (author's offset) of the first relationship-proposed event. */
  proposedOn?: string;
  /** The calendar day (author's offset) of the last relationship-paused or relationship-ended event. */
  stoppedOn?: string;
  /** File id → the calendar day (committer's offset) of its first agenda-prepared event. */
  preparedOn: Map<string, string>;
  /** Action key → the calendar day (author's offset) of its first action-done event. */
  doneOn: Map<string, string>;
  /** Month (`YYYY-MM`) → drive counts. */
  drives: Map<string, DriveCounts>;
}

export function emptyDigest(): PairDigest {
  return { preparedOn: new Map(), doneOn: new Map(), drives: new Map() };
}

/** Adds a pair's newer events and edits (oldest first, after those already added) to `digest`. */
export function addToDigest(digest: PairDigest, pair: string, events: HistoryEvent[], edits: FileEdit[]): PairDigest {
  const { mentee } = parsePairId(pair);
  const byMentee = (author: HistoryEvent['author']): number => ('handle' in author && author.handle === mentee ? 1 : 0);
  const count = (month: string, at: number, mine: number): void => {
    let counts = digest.drives.get(month);
    if (!counts) digest.drives.set(month, (counts = [0, 0, 0, 0, 0, 0]));
    counts[at] += mine;
    counts[at + 1]++;
  };
  for (const event of events) {
    if (event.pair !== pair) continue;
    if (event.kind === 'relationship-paused' || event.kind === 'relationship-ended')
      digest.stoppedOn = event.date.slice(0, 10);
    else if (event.kind === 'relationship-proposed') digest.proposedOn ??= event.date.slice(0, 10);
    else if (event.kind === 'agenda-prepared') {
      if (!digest.preparedOn.has(event.fileId)) digest.preparedOn.set(event.fileId, event.committed.slice(0, 10));
      count(event.date.slice(0, 7), 0, byMentee(event.author));
    } else if (event.kind === 'feedback-asked') count(event.date.slice(0, 7), 2, byMentee(event.author));
    else if (event.kind === 'action-done') {
      const key = event.details.actionKey;
      if (key !== undefined && !digest.doneOn.has(key)) digest.doneOn.set(key, event.date.slice(0, 10));
    }
  }
  for (const edit of edits)
    if (edit.pair === pair && edit.kind === 'plan') count(edit.date.slice(0, 7), 4, byMentee(edit.author));
  return digest;
}

export function pairDigest(pair: string, log: { events: HistoryEvent[]; edits: FileEdit[] }): PairDigest {
  return addToDigest(emptyDigest(), pair, log.events, log.edits);
}
