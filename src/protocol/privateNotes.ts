// My private notes in the sidebar (`.mentoring/.private/`, never committed): what is shown of them,
// the request that saves one, and its runtime check. Only the pair and the date name the file; the
// webview never sends a path.
import type { IsoDate } from '../core/folder/model';
import { isIsoDate } from '../shared/dates';
import { isPairIdName, isRequestId, isStr, MAX_TEXT, onlyKeys, type Check } from './guards';

/** Longer notes are shown but edited in their file: a message carries at most this many characters. */
export const MAX_PRIVATE_NOTE_CHARS = MAX_TEXT;

export interface PrivateNoteView {
  text: string;
  /** False when the file is too long to edit here (open it in the editor). */
  editable: boolean;
}

/** My notes about the selected pair and its sessions, read on this machine; nobody else has them. */
export interface PrivateNotesView {
  /** The pair's notes file, relative to the workspace root ('' when they could not be read). */
  file: string;
  notes: PrivateNoteView;
  /** By session date; only sessions I wrote notes for. */
  sessions: Record<IsoDate, PrivateNoteView>;
  /** Why they could not be read (a link on the way, a file too large), shown in their place. */
  problem?: string;
}

/** Saves my note about the pair (no date) or about the session of `date`; '' empties it. */
export interface SavePrivateNoteRequest {
  type: 'savePrivateNote';
  id: number;
  pairId: string;
  date?: IsoDate;
  text: string;
}

export const PRIVATE_NOTES_CHECKS: { savePrivateNote: Check } = {
  savePrivateNote: (v) =>
    onlyKeys(v, 'type', 'id', 'pairId', 'date', 'text') &&
    isRequestId(v.id) &&
    isPairIdName(v.pairId) &&
    (v.date === undefined || isIsoDate(v.date)) &&
    isStr(v.text, MAX_PRIVATE_NOTE_CHARS),
};
