// The shapes of the health figures. Types only, and browser-safe: the protocol derives the
// webview's health card from them.

import type { Ratio } from '../../shared/ratio';

export interface DriveMonth {
  /** `YYYY-MM`. */
  month: string;
  mentee: number;
  total: number;
  share: number | null;
}

export interface PairHealth {
  pair: string;
  mentee: string;
  mentor: string;
  status: string | null;
  /** The last session before today, and how many days ago it was. */
  lastSession: string | null;
  daysSinceLastSession: number | null;
  /**
   * Sessions held (dated before today) against the sessions the agreed cadence asks for: one
   * every `cadenceDays` from the start (plan `started`, else the first session) until today,
   * the plan's `ends`, or the day it was paused or ended, whichever comes first.
   */
  sessions: { held: number; expected: number | null; cadenceDays: number | null; share: number | null };
  /** Sessions whose agenda was committed on a day before the session's date, of those whose first commit the history shows. */
  agendasBeforeSession: Ratio;
  /**
   * Actions whose deadline has passed, or that are finished and have one: done on or before it.
   * The deadline is `due`, else the next session after the one the action was agreed in (the
   * next agenda's date, else that session's `next_session`). "Done on" is the author date of the
   * first commit that set `done: true` on any copy of the action (carried-over follow-ups are the
   * same action); a tick not committed yet counts as today. README, "Health figures".
   */
  followThrough: Ratio;
  /** Agendas prepared, feedback requests asked and plan edits committed by the mentee. */
  menteeDrives: { agendas: Ratio; feedback: Ratio; planEdits: Ratio; overall: Ratio; trend: DriveMonth[] };
  openFeedback: { count: number; ages: number[]; oldestDays: number | null };
  goals: { total: number; planned: number; inProgress: number; done: number; dropped: number };
  /** Benchmarks reached, of the goals not dropped. */
  benchmarks: Ratio;
  /**
   * `agreed`: the latest session held (or today's, once it says) has a `next_session` today or
   * later, which only a person writes; `date` is that date, else the date of an agenda prepared
   * for today or later (not agreed), else null.
   */
  nextSession: { agreed: boolean; date: string | null };
}

export interface ProgramHealth {
  pairs: number;
  byStatus: Record<string, number>;
  sessions: { held: number; expected: number };
  agendasBeforeSession: Ratio;
  followThrough: Ratio;
  menteeDrives: Ratio;
  trend: DriveMonth[];
  openFeedback: { count: number; oldestDays: number | null };
  goals: { total: number; planned: number; inProgress: number; done: number; dropped: number };
  benchmarks: Ratio;
  /** Active pairs with a next session agreed. */
  nextSessionAgreed: Ratio;
  /** Median days since the last session, over pairs that have held one. */
  medianDaysSinceLastSession: number | null;
}
