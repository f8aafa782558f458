// What the program's figures decide from each pair's health row: which pairs are at risk and
// why, who is waiting for a mentor, how much room each mentor has left, and the month-by-month
// series the charts draw. Pure functions over numbers, dates, statuses and handles.
import { daysBetween } from '../../shared/dates';
import type {
  FollowThroughBuckets,
  MentorLoad,
  MonthFigures,
  PairAtRisk,
  PairRow,
  PendingRow,
  RiskLimits,
  RiskReason,
  Trend,
  UnmatchedMentee,
} from './model';

export const DEFAULT_LIMITS: RiskLimits = { feedbackDays: 14, proposalDays: 14 };

/** A relationship as capacity and matching count it. */
export interface Relationship {
  mentee: string;
  mentor: string;
  status: string | null;
}

/** What matching and capacity need of a person (a people file, checked). */
export interface Participant {
  handle: string;
  roles: string[];
  capacity: number | null;
  paused: boolean;
}

/** A relationship holds a place while it is active or paused; proposed ones count as pending. */
export function holdsPlace(status: string | null): boolean {
  return status === 'active' || status === 'paused';
}

/**
 * Pairs at risk and why: an active pair with no session for twice its cadence (counted from the
 * start when none was held), agendas never committed ahead (of two or more), a feedback request
 * waiting longer than the limit; and a proposal waiting longer than the limit.
 */
export function pairsAtRisk(
  rows: PairRow[],
  pending: PendingRow[],
  limits: RiskLimits,
  started: ReadonlyMap<string, string>,
  today: string,
): PairAtRisk[] {
  const reasons = new Map<string, RiskReason[]>();
  const add = (pair: string, reason: RiskReason): void => {
    reasons.set(pair, [...(reasons.get(pair) ?? []), reason]);
  };
  for (const row of rows) {
    if (row.status !== 'active') continue;
    const since = row.daysSinceLastSession ?? sinceStart(started.get(row.pair), today);
    if (row.cadenceDays !== null && since !== null && since >= 2 * row.cadenceDays)
      add(row.pair, { kind: 'no-session', days: since, limit: 2 * row.cadenceDays });
    if (row.agendasAhead.total >= 2 && row.agendasAhead.part === 0)
      add(row.pair, { kind: 'agendas-never-ahead', days: row.agendasAhead.total, limit: 0 });
    if (row.oldestFeedbackDays !== null && row.oldestFeedbackDays > limits.feedbackDays)
      add(row.pair, { kind: 'feedback-waiting', days: row.oldestFeedbackDays, limit: limits.feedbackDays });
  }
  for (const proposal of pending)
    if (proposal.ageDays !== null && proposal.ageDays > limits.proposalDays)
      add(proposal.pair, { kind: 'proposal-pending', days: proposal.ageDays, limit: limits.proposalDays });
  return [...reasons.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([pair, list]) => ({ pair, reasons: list }));
}

function sinceStart(start: string | undefined, today: string): number | null {
  return start !== undefined && start <= today ? daysBetween(start, today) : null;
}

/** Each mentor's place: capacity less active (and paused) relationships and pending proposals. */
export function mentorLoads(
  people: Participant[],
  relationships: Relationship[],
  pending: { mentor: string }[],
): MentorLoad[] {
  const mentors = people.filter((person) => person.roles.includes('mentor') || person.capacity !== null);
  return mentors.map((person) => {
    const active = relationships.filter((r) => r.mentor === person.handle && holdsPlace(r.status)).length;
    const waiting = pending.filter((p) => p.mentor === person.handle).length;
    return {
      handle: person.handle,
      capacity: person.capacity,
      active,
      pending: waiting,
      remaining: person.capacity === null ? null : Math.max(0, person.capacity - active - waiting),
      paused: person.paused,
    };
  });
}

/** Mentees (by role) with no active or paused relationship as mentee; paused people are not waiting. */
export function menteesWithoutMentor(
  people: Participant[],
  relationships: Relationship[],
  pending: { mentee: string }[],
): UnmatchedMentee[] {
  return people
    .filter((person) => person.roles.includes('mentee') && !person.paused)
    .filter((person) => !relationships.some((r) => r.mentee === person.handle && holdsPlace(r.status)))
    .map((person) => ({ handle: person.handle, proposed: pending.some((p) => p.mentee === person.handle) }));
}

/** The later half of the months against the earlier half, pooled; a change under 10 points is steady. */
export function driveTrend(months: { mentee: number; total: number }[]): Trend | null {
  const counted = months.filter((month) => month.total > 0);
  if (counted.length < 2) return null;
  const half = Math.floor(counted.length / 2);
  const pooled = (list: typeof counted): number =>
    list.reduce((sum, m) => sum + m.mentee, 0) / list.reduce((sum, m) => sum + m.total, 0);
  const change = pooled(counted.slice(counted.length - half)) - pooled(counted.slice(0, half));
  return change >= 0.1 ? 'rising' : change <= -0.1 ? 'falling' : 'steady';
}

export function followThroughBuckets(rows: PairRow[]): FollowThroughBuckets {
  const quarters: [number, number, number, number] = [0, 0, 0, 0];
  let none = 0;
  for (const row of rows) {
    const share = row.followThrough.share;
    if (share === null) none++;
    else quarters[Math.min(3, Math.floor(share * 4))]++;
  }
  return { quarters, none };
}

/** When a pair ran, for what its cadence asks month by month. */
export interface RunningSpan {
  from: string;
  /** The last day it ran (inclusive): today for an active pair. */
  to: string;
  cadenceDays: number;
}

/**
 * The last `count` months up to today's, from the first with anything to show: sessions held
 * (dated before today), what the cadences asked for (each pair's days running in the month
 * divided by its cadence), and the pooled mentee-driven share.
 */
export function monthFigures(
  sessionDates: string[],
  spans: RunningSpan[],
  drive: { month: string; mentee: number; total: number }[],
  today: string,
  count = 12,
): MonthFigures[] {
  const figures = lastMonths(today, count).map((month) => {
    const first = `${month}-01`;
    const last = lastDayOf(month);
    let agreed = 0;
    for (const span of spans) {
      const from = span.from > first ? span.from : first;
      const to = span.to < last ? span.to : last;
      if (from <= to) agreed += (daysBetween(from, to) + 1) / span.cadenceDays;
    }
    const driven = drive.filter((d) => d.month === month);
    const total = driven.reduce((sum, d) => sum + d.total, 0);
    return {
      month,
      sessions: sessionDates.filter((date) => date < today && date.startsWith(month)).length,
      agreed: Math.round(agreed * 10) / 10,
      menteeDriven: total === 0 ? null : round(driven.reduce((sum, d) => sum + d.mentee, 0) / total),
    };
  });
  const first = figures.findIndex((m) => m.sessions > 0 || m.agreed > 0 || m.menteeDriven !== null);
  return first === -1 ? [] : figures.slice(first);
}

function lastMonths(today: string, count: number): string[] {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    months.unshift(`${year}-${String(month).padStart(2, '0')}`);
    month--;
    if (month === 0) {
      month = 12;
      year--;
    }
  }
  return months;
}

function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
