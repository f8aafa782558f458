// The program's figures for a coordinator: every pair's health as a row, pairs at risk with the
// reason, proposals waiting, mentees without a mentor and mentors' room, month by month. One
// operation for `mentoring report` and the Program Overview panel.
//
// Aggregates and dates only. The rows are built field by field from the health figures (which
// hold numbers, dates and handles, never a file's words) and the people files give handles,
// roles, capacity and `paused`; nothing else of a file reaches the report.
//
// What it reads: program.yaml and the people files (no pair folder), and the health summary
// (`readPairSummaries`: after a restart, the summary on disk and the pairs new commits touched).
import { daysBetween } from '../../shared/dates';
import { loadMentoring } from '../folder/load';
import type { MentoringModel, Program } from '../folder/model';
import { knownPeople } from '../folder/people';
import { summaryHealth, type PairHealth, type ProgramHealth } from '../health/figures';
import { readPairSummaries, type PairState, type PairSummaries } from '../history';
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
  // program.yaml and the people files only: every pair's figures come from the health summary.
  // The three reads are independent; the proposals mostly wait for git, so they go alongside.
  const [model, summaries, proposals] = await Promise.all([
    loadMentoring(root, { folder: options.folder, pairs: () => false }),
    readPairSummaries(root, { folder: options.folder }),
    pendingProposals(root, { folder: options.folder, into: options.branch }).catch(() => []),
  ]);
  const program = model.program?.data;
  const settings = programSettings(program);
  const health = summaryHealth(summaries, today, { defaultCadenceDays: settings.cadenceDays });
  const states = [...summaries.pairs.values()].map((pair) => pair.state);
  const pending: PendingRow[] = proposals
    .filter((proposal) => proposal.kind === 'relationship')
    .map((proposal) => {
      const since = proposal.date ? proposal.date.slice(0, 10) : (summaries.proposedOn.get(proposal.pair) ?? null);
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
  for (const state of states) {
    const start = state.plan?.started ?? state.sessions[0]?.sessionDate;
    if (start !== undefined) started.set(state.id, start);
  }
  return {
    name: typeof program?.name === 'string' ? program.name : null,
    today,
    head: summaries.head ?? null,
    shallow: summaries.shallow,
    limits: settings.limits,
    totals: totals(health.program),
    pairs: rows,
    atRisk: pairsAtRisk(rows, pending, settings.limits, started, today),
    pending,
    unmatchedMentees: menteesWithoutMentor(people, relationships, pending),
    mentors: mentorLoads(people, relationships, pending),
    months: monthFigures(
      sessionDates(states),
      runningSpans(summaries, health.pairs, today),
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

function sessionDates(states: PairState[]): string[] {
  return states.flatMap((state) => state.sessions.map((session) => session.sessionDate));
}

/** Active pairs run until today; a pair paused or ended ran until its last session. */
function runningSpans(summaries: PairSummaries, pairs: PairHealth[], today: string): RunningSpan[] {
  const spans: RunningSpan[] = [];
  for (const health of pairs) {
    const state = summaries.pairs.get(health.pair)?.state;
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
