// Health figures for a mentoring relationship, computed from its log (history events and
// edits) and its files' current state. Pure functions: the same figures whether the state
// comes from HEAD (`History.pairs`) or from the working tree (`pairStateFromModel`).
// Figures hold numbers, dates and handles only, never the text of notes, goals or answers.
import { daysBetween, ISO_DATE_SOURCE } from '../../shared/dates';
import { factsOfData, type FeedbackFacts, type PlanFacts, type SessionFacts } from '../history/facts';
import type { FileEdit, HistoryEvent } from '../history/types';
import { pairDigest, type PairDigest } from '../history/digest';
import type { History, PairLog, PairState, PairSummaries } from '../history/index';
import type { PairModel } from '../folder/model';

import { pairActions } from './actions';
import { ratio, share, type Ratio } from '../../shared/ratio';
import type { DriveMonth, PairHealth, ProgramHealth } from './model';

export type { DriveMonth, PairHealth, ProgramHealth };
export type { PairLog };

export interface HealthOptions {
  /** The program's default cadence, for plans that agree none. */
  defaultCadenceDays?: number;
}

export function pairHealth(state: PairState, log: PairLog, today: string, options: HealthOptions = {}): PairHealth {
  const fileIds = log.fileIds;
  return digestHealth(state, pairDigest(state.id, log), (path) => fileIds.get(path) ?? path, today, options);
}

/** A pair's figures from its files and its log's digest; `fileIdOf` gives a current path's file id. */
export function digestHealth(
  state: PairState,
  digest: PairDigest,
  fileIdOf: (path: string) => string,
  today: string,
  options: HealthOptions = {},
): PairHealth {
  const plan = state.plan;
  const held = state.sessions.filter((session) => session.sessionDate < today);
  const last = held[held.length - 1];
  return {
    pair: state.id,
    mentee: state.mentee,
    mentor: state.mentor,
    status: plan?.status ?? null,
    lastSession: last?.sessionDate ?? null,
    daysSinceLastSession: last ? daysBetween(last.sessionDate, today) : null,
    sessions: sessionsAgainstCadence(state, digest, held.length, today, options),
    agendasBeforeSession: agendasBefore(state, digest, fileIdOf),
    followThrough: followThrough(state, digest, today),
    menteeDrives: menteeDrives(digest),
    openFeedback: openFeedback(state.feedback, today),
    goals: goalCounts(plan),
    benchmarks: benchmarks(plan),
    nextSession: nextSession(state.sessions, today),
  };
}

/**
 * A pair's figures, remembered while its state object (replaced whenever its files change at
 * HEAD) and its newest event and edit stay the same: an incremental refresh recomputes only the
 * pairs a new commit touched.
 */
const memo = new WeakMap<
  PairState,
  { today: string; cadence?: number; last?: HistoryEvent; lastEdit?: FileEdit; health: PairHealth }
>();

/** Every pair of a history (its state at HEAD), and the program-wide aggregates. */
export function historyHealth(
  history: History,
  today: string,
  options: HealthOptions = {},
): { pairs: PairHealth[]; program: ProgramHealth } {
  const none: PairLog = { events: [], edits: [], fileIds: history.fileIds };
  const logOf = (pair: string): PairLog => history.logs.get(pair) ?? none;
  const pairs = [...history.pairs.values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((state) => {
      const log = logOf(state.id);
      const last = log.events[log.events.length - 1];
      const lastEdit = log.edits[log.edits.length - 1];
      const known = memo.get(state);
      if (
        known &&
        known.today === today &&
        known.cadence === options.defaultCadenceDays &&
        known.last === last &&
        known.lastEdit === lastEdit
      ) {
        return known.health;
      }
      const health = pairHealth(state, log, today, options);
      memo.set(state, { today, cadence: options.defaultCadenceDays, last, lastEdit, health });
      return health;
    });
  return { pairs, program: programHealth(pairs) };
}

/** Every pair's figures from the health summary (`readPairSummaries`): the same as `historyHealth` at that HEAD. */
export function summaryHealth(
  summaries: PairSummaries,
  today: string,
  options: HealthOptions = {},
): { pairs: PairHealth[]; program: ProgramHealth } {
  const pairs = [...summaries.pairs.values()]
    .sort((a, b) => (a.state.id < b.state.id ? -1 : 1))
    .map((pair) => digestHealth(pair.state, pair.digest, pair.fileIdOf, today, options));
  return { pairs, program: programHealth(pairs) };
}

/** Aggregates only: counts and pooled shares, nothing that names a pair or quotes a file. */
export function programHealth(pairs: PairHealth[]): ProgramHealth {
  const byStatus: Record<string, number> = {};
  const goals = { total: 0, planned: 0, inProgress: 0, done: 0, dropped: 0 };
  const months = new Map<string, { mentee: number; total: number }>();
  let held = 0;
  let expected = 0;
  let openCount = 0;
  let oldest: number | null = null;
  const days: number[] = [];
  const active = pairs.filter((pair) => pair.status === 'active');
  for (const pair of pairs) {
    const status = pair.status ?? 'unknown';
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    held += pair.sessions.held;
    expected += pair.sessions.expected ?? 0;
    openCount += pair.openFeedback.count;
    if (pair.openFeedback.oldestDays !== null) oldest = Math.max(oldest ?? 0, pair.openFeedback.oldestDays);
    if (pair.daysSinceLastSession !== null) days.push(pair.daysSinceLastSession);
    for (const key of Object.keys(goals) as (keyof typeof goals)[]) goals[key] += pair.goals[key];
    for (const month of pair.menteeDrives.trend) {
      const sum = months.get(month.month) ?? { mentee: 0, total: 0 };
      sum.mentee += month.mentee;
      sum.total += month.total;
      months.set(month.month, sum);
    }
  }
  days.sort((a, b) => a - b);
  const median =
    days.length === 0
      ? null
      : days.length % 2 === 1
        ? days[(days.length - 1) / 2]
        : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;
  return {
    pairs: pairs.length,
    byStatus,
    sessions: { held, expected },
    agendasBeforeSession: pool(pairs.map((pair) => pair.agendasBeforeSession)),
    followThrough: pool(pairs.map((pair) => pair.followThrough)),
    menteeDrives: pool(pairs.map((pair) => pair.menteeDrives.overall)),
    trend: [...months.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, sum]) => ({ month, ...sum, share: share(sum.mentee, sum.total) })),
    openFeedback: { count: openCount, oldestDays: oldest },
    goals,
    benchmarks: pool(pairs.map((pair) => pair.benchmarks)),
    nextSessionAgreed: ratio(active.filter((pair) => pair.nextSession.agreed).length, active.length),
    medianDaysSinceLastSession: median,
  };
}

/** A pair's state from the loaded working tree, for the sidebar (unsaved edits aside, what the user sees). */
export function pairStateFromModel(pair: PairModel): PairState {
  const plan = pair.plan?.data !== undefined ? factsOfData('plan', pair.plan.data) : undefined;
  const state: PairState = { id: pair.id, mentee: pair.mentee, mentor: pair.mentor, sessions: [], feedback: [] };
  if (plan?.kind === 'plan') state.plan = plan;
  for (const file of pair.sessions) {
    const facts = file.data !== undefined ? factsOfData('session', file.data) : undefined;
    const name = file.rel.slice(file.rel.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
    if (facts?.kind === 'session') state.sessions.push({ ...facts, path: file.rel, sessionDate: facts.date ?? name });
  }
  state.sessions.sort((a, b) => (a.sessionDate < b.sessionDate ? -1 : a.sessionDate > b.sessionDate ? 1 : 0));
  for (const file of pair.feedback) {
    const facts = file.data !== undefined ? factsOfData('feedback', file.data) : undefined;
    if (facts?.kind === 'feedback') state.feedback.push({ ...facts, path: file.rel });
  }
  return state;
}

function sessionsAgainstCadence(
  state: PairState,
  digest: PairDigest,
  held: number,
  today: string,
  options: HealthOptions,
): PairHealth['sessions'] {
  const plan = state.plan;
  const cadenceDays = plan?.cadenceDays ?? options.defaultCadenceDays ?? null;
  const start = plan?.started ?? state.sessions[0]?.sessionDate;
  const running =
    plan?.status === 'active' || plan?.status === 'paused' || plan?.status === 'completed' || plan?.status === 'ended';
  if (cadenceDays === null || start === undefined || !running)
    return { held, expected: null, cadenceDays, share: null };
  let end = today;
  if (plan?.ends && plan.ends < end) end = plan.ends;
  if (plan?.status !== 'active' && digest.stoppedOn !== undefined && digest.stoppedOn < end) end = digest.stoppedOn;
  const days = daysBetween(start, end);
  const expected = days > 0 ? Math.ceil(days / cadenceDays) : 0;
  return { held, expected, cadenceDays, share: expected > 0 ? round(held / expected) : null };
}

function agendasBefore(state: PairState, digest: PairDigest, fileIdOf: (path: string) => string): Ratio {
  let part = 0;
  let total = 0;
  for (const session of state.sessions) {
    const prepared = digest.preparedOn.get(fileIdOf(session.path));
    if (prepared === undefined) continue;
    total++;
    if (prepared < session.sessionDate) part++;
  }
  return ratio(part, total);
}

/**
 * Actions whose deadline has passed, and finished actions that have one (README, "Health
 * figures"): on time when the day the history first shows them done is on or before it.
 */
function followThrough(state: PairState, digest: PairDigest, today: string): Ratio {
  const doneOn = digest.doneOn;
  let part = 0;
  let total = 0;
  for (const action of pairActions(state.sessions).values()) {
    if (action.deadline === undefined || (!action.finished && !(action.deadline < today))) continue;
    total++;
    // A tick not committed yet is the working tree's: done today, as far as anyone can tell.
    if (action.finished && (doneOn.get(action.key) ?? today) <= action.deadline) part++;
  }
  return ratio(part, total);
}

function menteeDrives(digest: PairDigest): PairHealth['menteeDrives'] {
  const sum = (at: number): Ratio => {
    let part = 0;
    let total = 0;
    for (const counts of digest.drives.values()) {
      part += at < 0 ? counts[0] + counts[2] + counts[4] : counts[at];
      total += at < 0 ? counts[1] + counts[3] + counts[5] : counts[at + 1];
    }
    return ratio(part, total);
  };
  const trend = [...digest.drives.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, c]) => {
      const mentee = c[0] + c[2] + c[4];
      const total = c[1] + c[3] + c[5];
      return { month, mentee, total, share: share(mentee, total) };
    });
  return { agendas: sum(0), feedback: sum(2), planEdits: sum(4), overall: sum(-1), trend };
}

/** A feedback file's path: its name starts with the day it was asked. */
const DATED_FILE_NAME = new RegExp(`(${ISO_DATE_SOURCE})-[^/]*$`);

function openFeedback(feedback: (FeedbackFacts & { path: string })[], today: string): PairHealth['openFeedback'] {
  const ages: number[] = [];
  for (const request of feedback) {
    if (request.status !== 'open') continue;
    const asked = request.asked ?? DATED_FILE_NAME.exec(request.path)?.[1];
    if (asked !== undefined) ages.push(Math.max(0, daysBetween(asked, today)));
  }
  ages.sort((a, b) => b - a);
  return { count: feedback.filter((request) => request.status === 'open').length, ages, oldestDays: ages[0] ?? null };
}

function goalCounts(plan: PlanFacts | undefined): PairHealth['goals'] {
  const goals = plan?.goals ?? [];
  const count = (status: string): number => goals.filter((goal) => goal.status === status).length;
  return {
    total: goals.length,
    planned: count('planned'),
    inProgress: count('in-progress'),
    done: count('done'),
    dropped: count('dropped'),
  };
}

function benchmarks(plan: PlanFacts | undefined): Ratio {
  const all = (plan?.goals ?? []).filter((goal) => goal.status !== 'dropped').flatMap((goal) => goal.benchmarks);
  return ratio(all.filter((benchmark) => benchmark.done).length, all.length);
}

/**
 * Agreed only when a person wrote `next_session` (a new agenda leaves it empty; the cadence only
 * proposes a date) in the latest session held, or in today's, and it is today or later. Not
 * agreed, the date is that of an agenda prepared for today or later, if any.
 */
function nextSession(sessions: (SessionFacts & { sessionDate: string })[], today: string): PairHealth['nextSession'] {
  for (const session of sessions.filter((s) => s.sessionDate <= today).reverse()) {
    if (session.nextSession !== undefined) {
      if (session.nextSession >= today) return { agreed: true, date: session.nextSession };
      break;
    }
    // Today's session may agree the next one later today; until then the previous agreement stands.
    if (session.sessionDate !== today) break;
  }
  const upcoming = sessions.find((session) => session.sessionDate >= today);
  return { agreed: false, date: upcoming?.sessionDate ?? null };
}

function pool(ratios: Ratio[]): Ratio {
  return ratio(
    ratios.reduce((sum, r) => sum + r.part, 0),
    ratios.reduce((sum, r) => sum + r.total, 0),
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
