// The program's figures for a coordinator: every pair's health as a row, pairs at risk with the
// reason, proposals waiting, mentees without a mentor and mentors' room, month by month. One
// operation for `mentoring report` and the Program Overview panel.
//
// Aggregates and dates only. The rows are built field by field from the health figures (which
// hold numbers, dates and handles, never a file's words) and the people files give handles,
// roles, capacity and `paused`; nothing else of a file reaches the report.
import { daysBetween } from '../../shared/dates';
import { loadMentoring } from '../folder/load';
import type { MentoringModel, Program } from '../folder/model';
import { knownPeople } from '../folder/people';
import { historyHealth, type PairHealth, type ProgramHealth } from '../health/figures';
import { readHistory, type History } from '../history';
import {
  DEFAULT_LIMITS,
  driveTrend,
  followThroughBuckets,
  holdsPlace,
  menteesWithoutMentor,
  mentorLoads,
  monthFigures,
  pairsAtRisk,
  type Participant,
  type RunningSpan,
} from '../program/figures';
import type { PairRow, PendingRow, ProgramReport, ProgramTotals, RiskLimits } from '../program/model';
import { pendingProposals } from '../review';

export type { ProgramReport };

export interface ProgramReportOptions {
  /** The mentoring folder relative to the root (default `.mentoring`). */
  folder?: string;
  today: string;
  /** The mentoring branch, when not the default branch (where pending proposals are looked for). */
  branch?: string;
}

export async function programReport(root: string, options: ProgramReportOptions): Promise<ProgramReport> {
  const { today } = options;
  const model = await loadMentoring(root, { folder: options.folder });
  const history = await readHistory(root, { folder: options.folder });
  const program = model.program?.data;
  const settings = programSettings(program);
  const health = historyHealth(history, today, { defaultCadenceDays: settings.cadenceDays });
  const proposals = history.head
    ? await pendingProposals(root, { folder: options.folder, into: options.branch }).catch(() => [])
    : [];
  const pending: PendingRow[] = proposals
    .filter((proposal) => proposal.kind === 'relationship')
    .map((proposal) => {
      const since = proposal.date ? proposal.date.slice(0, 10) : (proposedOn(history, proposal.pair) ?? null);
      return {
        pair: proposal.pair,
        mentee: proposal.mentee,
        mentor: proposal.mentor,
        from: proposal.from ?? null,
        since,
        ageDays: since === null ? null : Math.max(0, daysBetween(since, today)),
      };
    });

  const rows = health.pairs.map(pairRow);
  const people = participants(model);
  const relationships = health.pairs.map((pair) => ({ mentee: pair.mentee, mentor: pair.mentor, status: pair.status }));
  const started = new Map<string, string>();
  for (const state of history.pairs.values()) {
    const start = state.plan?.started ?? state.sessions[0]?.sessionDate;
    if (start !== undefined) started.set(state.id, start);
  }
  return {
    name: typeof program?.name === 'string' ? program.name : null,
    today,
    head: history.head ?? null,
    shallow: history.shallow,
    limits: settings.limits,
    totals: totals(health.program),
    pairs: rows,
    atRisk: pairsAtRisk(rows, pending, settings.limits, started, today),
    pending,
    unmatchedMentees: menteesWithoutMentor(people, relationships, pending),
    mentors: mentorLoads(people, relationships, pending),
    months: monthFigures(
      sessionDates(history),
      runningSpans(history, health.pairs, today),
      health.program.trend,
      today,
    ),
    followThrough: followThroughBuckets(rows),
  };
}

function pairRow(health: PairHealth): PairRow {
  return {
    pair: health.pair,
    mentee: health.mentee,
    mentor: health.mentor,
    status: health.status,
    lastSession: health.lastSession,
    daysSinceLastSession: health.daysSinceLastSession,
    cadenceDays: health.sessions.cadenceDays,
    sessionsHeld: health.sessions.held,
    sessionsAgreed: health.sessions.expected,
    agendasAhead: health.agendasBeforeSession,
    followThrough: health.followThrough,
    menteeDriven: health.menteeDrives.overall,
    menteeDrivenByMonth: health.menteeDrives.trend.map((month) => ({ month: month.month, share: month.share })),
    menteeDrivenTrend: driveTrend(health.menteeDrives.trend),
    openFeedback: health.openFeedback.count,
    oldestFeedbackDays: health.openFeedback.oldestDays,
    nextSession: health.nextSession.agreed ? health.nextSession.date : null,
  };
}

function totals(program: ProgramHealth): ProgramTotals {
  return {
    pairs: program.pairs,
    byStatus: { ...program.byStatus },
    sessionsHeld: program.sessions.held,
    sessionsAgreed: program.sessions.expected,
    agendasAhead: program.agendasBeforeSession,
    followThrough: program.followThrough,
    menteeDriven: program.menteeDrives,
    openFeedback: program.openFeedback.count,
    oldestFeedbackDays: program.openFeedback.oldestDays,
    nextSessionAgreed: program.nextSessionAgreed,
    medianDaysSinceLastSession: program.medianDaysSinceLastSession,
  };
}

/** The people files as capacity and matching read them: roles, capacity and `paused` only. */
export function participants(model: MentoringModel): Participant[] {
  return knownPeople(model).map((person) => ({
    handle: person.handle,
    roles: Array.isArray(person.roles) ? person.roles.filter((role) => typeof role === 'string') : [],
    capacity: typeof person.capacity === 'number' && person.capacity >= 0 ? Math.floor(person.capacity) : null,
    paused: person.paused === true,
  }));
}

/** The first day a pair's plan was committed as proposed: the age of a proposal on the mentoring branch itself. */
function proposedOn(history: History, pair: string): string | undefined {
  const event = history.events.find((e) => e.pair === pair && e.kind === 'relationship-proposed');
  return event?.date.slice(0, 10);
}

function sessionDates(history: History): string[] {
  return [...history.pairs.values()].flatMap((state) => state.sessions.map((session) => session.sessionDate));
}

/** Active pairs run until today; a pair paused or ended ran until its last session. */
function runningSpans(history: History, pairs: PairHealth[], today: string): RunningSpan[] {
  const spans: RunningSpan[] = [];
  for (const health of pairs) {
    const state = history.pairs.get(health.pair);
    const from = state?.plan?.started ?? state?.sessions[0]?.sessionDate;
    const cadenceDays = health.sessions.cadenceDays;
    if (
      !from ||
      cadenceDays === null ||
      (!holdsPlace(health.status) && health.status !== 'completed' && health.status !== 'ended')
    )
      continue;
    let to = health.status === 'active' ? today : (health.lastSession ?? from);
    if (state?.plan?.ends && state.plan.ends < to) to = state.plan.ends;
    if (from <= to) spans.push({ from, to, cadenceDays });
  }
  return spans;
}

interface ProgramSettings {
  cadenceDays?: number;
  limits: RiskLimits;
}

/** What program.yaml says about cadence and the at-risk limits; anything missing or odd keeps the default. */
function programSettings(program: Program | undefined): ProgramSettings {
  const positive = (value: unknown): number | undefined =>
    typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
  const overview = (program?.overview ?? {}) as Record<string, unknown>;
  return {
    cadenceDays: positive(program?.defaults?.cadence_days),
    limits: {
      feedbackDays: positive(overview.feedback_waiting_days) ?? DEFAULT_LIMITS.feedbackDays,
      proposalDays: positive(overview.proposal_waiting_days) ?? DEFAULT_LIMITS.proposalDays,
    },
  };
}
