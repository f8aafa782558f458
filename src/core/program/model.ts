// The shapes of the program's figures: what the Program Overview and `mentoring report` show.
// Types only, and browser-safe (the protocol derives the panel's messages from them). Every
// field is a number, a date, a status or a handle: a pair's words have no place here.

import type { Ratio } from '../../shared/ratio';

/** Whether the mentee-driven share went up or down: the later half of the months against the earlier half. */
export type Trend = 'rising' | 'steady' | 'falling';

/** One pair's figures, as one row of the overview's table. */
export interface PairRow {
  pair: string;
  mentee: string;
  mentor: string;
  status: string | null;
  lastSession: string | null;
  daysSinceLastSession: number | null;
  cadenceDays: number | null;
  sessionsHeld: number;
  /** What the agreed cadence asks for so far; null without a cadence or a start. */
  sessionsAgreed: number | null;
  agendasAhead: Ratio;
  followThrough: Ratio;
  menteeDriven: Ratio;
  /** Month by month (`YYYY-MM`), the mentee-driven share. */
  menteeDrivenByMonth: { month: string; share: number | null }[];
  menteeDrivenTrend: Trend | null;
  openFeedback: number;
  oldestFeedbackDays: number | null;
  /** The next session's date when one is agreed. */
  nextSession: string | null;
}

export type RiskKind = 'no-session' | 'agendas-never-ahead' | 'feedback-waiting' | 'proposal-pending';

export interface RiskReason {
  kind: RiskKind;
  /** How many days: since the last session (or the start), the oldest request's age, the proposal's age. */
  days: number;
  /** The limit it passed: twice the cadence, or the program's number of days. */
  limit: number;
}

export interface PairAtRisk {
  pair: string;
  reasons: RiskReason[];
}

/** A relationship proposed and not yet accepted or declined. */
export interface PendingRow {
  pair: string;
  mentee: string;
  mentor: string;
  /** Who proposed: a handle, `program`, or null when unknown. */
  from: string | null;
  /** The day it was proposed, when known. */
  since: string | null;
  ageDays: number | null;
}

export interface UnmatchedMentee {
  handle: string;
  /** A relationship is proposed for them and waits for acceptance. */
  proposed: boolean;
}

export interface MentorLoad {
  handle: string;
  /** Concurrent mentees they take; null when their file does not say. */
  capacity: number | null;
  /** Active and paused relationships (a paused one keeps its place). */
  active: number;
  /** Relationships proposed to them and not decided yet. */
  pending: number;
  /** What is left: capacity less active and pending, never below 0; null without a capacity. */
  remaining: number | null;
  paused: boolean;
}

export interface MonthFigures {
  /** `YYYY-MM`. */
  month: string;
  /** Sessions held that month, all pairs. */
  sessions: number;
  /** What the pairs' cadences ask for that month (days running / cadence, summed; one decimal). */
  agreed: number;
  /** Share of agendas, feedback requests and plan edits that month made by mentees. */
  menteeDriven: number | null;
}

export interface ProgramTotals {
  pairs: number;
  byStatus: Record<string, number>;
  sessionsHeld: number;
  sessionsAgreed: number;
  agendasAhead: Ratio;
  followThrough: Ratio;
  menteeDriven: Ratio;
  openFeedback: number;
  oldestFeedbackDays: number | null;
  /** Active pairs with a next session agreed. */
  nextSessionAgreed: Ratio;
  medianDaysSinceLastSession: number | null;
}

/** Pairs by follow-through: how many fall in each quarter, and how many have no action due yet. */
export interface FollowThroughBuckets {
  /** [0, 25%), [25, 50%), [50, 75%), [75, 100%]. */
  quarters: [number, number, number, number];
  none: number;
}

export interface RiskLimits {
  /** A request waiting longer than this many days puts its pair at risk. */
  feedbackDays: number;
  /** A relationship proposed longer ago than this many days is at risk. */
  proposalDays: number;
}

export interface ProgramReport {
  /** The program's name, from program.yaml. */
  name: string | null;
  today: string;
  /** The commit the figures were read at. */
  head: string | null;
  shallow: boolean;
  limits: RiskLimits;
  totals: ProgramTotals;
  pairs: PairRow[];
  atRisk: PairAtRisk[];
  pending: PendingRow[];
  unmatchedMentees: UnmatchedMentee[];
  mentors: MentorLoad[];
  months: MonthFigures[];
  followThrough: FollowThroughBuckets;
}
