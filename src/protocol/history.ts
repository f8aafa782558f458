// The chosen pair's history: its timeline and its health card, the commands that load them and
// open a past version, and their runtime checks. The health card's figures are the core's
// (type-only imports: the webview bundles this file, never the core's code).
import type { IsoDate } from '../core/folder/model';
import type { DriveMonth, PairHealth } from '../core/health/model';
import type { Ratio } from '../shared/ratio';
import { isCommit, isPairIdName, isRel, onlyKeys, type Check } from './guards';

export interface TimelineEventView {
  /** A `HistoryEventKind` of the core. */
  kind: string;
  /** A codicon name. */
  icon: string;
  /** The event in words, for example "Ana prepared the agenda for Nov 28 — committed 2 days before". */
  text: string;
  /** The person's name, or "unknown <email>" for an author not in `people/`. */
  author: string;
  /** The author date's calendar day. */
  date: IsoDate;
  commit: string;
  /** The file at that commit, relative to the workspace root. */
  file: string;
  /** The access policy keeps the file's words from me (a coordinator): the event does not open it. */
  withheld: boolean;
}

export interface TimelineMonthView {
  /** YYYY-MM. */
  month: string;
  /** Newest first. */
  events: TimelineEventView[];
}

export type RatioView = Ratio;

/** Figures only: numbers and dates, never the text of notes, goals or answers. */
export interface HealthView extends Pick<
  PairHealth,
  'lastSession' | 'daysSinceLastSession' | 'goals' | 'benchmarks' | 'nextSession'
> {
  /** False when git could not run (Restricted Mode): the figures that need the log are null. */
  fromHistory: boolean;
  sessions: Omit<PairHealth['sessions'], 'share'>;
  agendasBeforeSession: RatioView | null;
  followThrough: RatioView | null;
  /** All the mentee drives (agendas, feedback requests, plan edits) together. */
  menteeDrives: RatioView | null;
  /** The mentee's share month by month, oldest first. */
  trend: DriveMonth[];
  openFeedback: Omit<PairHealth['openFeedback'], 'ages'>;
}

export interface HistoryView {
  pairId: string;
  /** 'unavailable': git cannot run here (Restricted Mode, or not a repository); `message` says why. */
  status: 'loading' | 'ready' | 'unavailable' | 'error';
  message?: string;
  /** Newest month first. */
  months: TimelineMonthView[];
  health?: HealthView;
  /** A shallow clone: what is missing and the command that fetches it (core/app/timeline.ts); else null. */
  shallowNote: string | null;
}

// ---- Webview → extension ----------------------------------------------------------------

/** Load (or bring up to date) a pair's history: sent when its timeline or health card is shown. */
export interface LoadHistoryCommand {
  type: 'loadHistory';
  pairId: string;
}
/** Open the file of a timeline event as it was at that commit. */
export interface OpenHistoryEventCommand {
  type: 'openHistoryEvent';
  pairId: string;
  commit: string;
  file: string;
}

export type HistoryCommand = LoadHistoryCommand | OpenHistoryEventCommand;

export const HISTORY_CHECKS: { [T in HistoryCommand['type']]: Check } = {
  loadHistory: (v) => onlyKeys(v, 'type', 'pairId') && isPairIdName(v.pairId),
  openHistoryEvent: (v) =>
    onlyKeys(v, 'type', 'pairId', 'commit', 'file') && isPairIdName(v.pairId) && isCommit(v.commit) && isRel(v.file),
};

// ---- Extension → webview ----------------------------------------------------------------

export interface DidChangeHistoryNotification {
  type: 'didChangeHistory';
  history: HistoryView;
}
