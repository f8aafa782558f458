// What a pair looks like at a glance: used by `mentoring status`, the sidebar and the status bar.
import type { PairModel, Session } from '../folder/model';

export interface PairSummary {
  id: string;
  mentee: string;
  mentor: string;
  status?: string;
  goals: { total: number; done: number; dropped: number };
  lastSession?: string;
  /** The next session's date: a prepared agenda dated today or later, else the last session's `next_session`. */
  nextSession?: string;
  /** Whether an agenda file exists for `nextSession`. */
  agendaReady: boolean;
  openFeedback: number;
  problems: number;
}

export function summarizePair(pair: PairModel, today: string): PairSummary {
  const plan = pair.plan?.data;
  const goals = plan?.goals ?? [];
  const dated = pair.sessions.filter((s) => s.data?.date).map((s) => s.data as Session);
  const upcoming = dated.find((s) => s.date >= today);
  const past = dated.filter((s) => s.date < today);
  const last = past[past.length - 1];
  const agreed = last?.next_session && last.next_session >= today ? last.next_session : undefined;
  const files = [pair.plan, ...pair.sessions, ...pair.feedback].filter((f) => f !== undefined);
  return {
    id: pair.id,
    mentee: pair.mentee,
    mentor: pair.mentor,
    status: plan?.status,
    goals: {
      total: goals.length,
      done: goals.filter((g) => g.status === 'done').length,
      dropped: goals.filter((g) => g.status === 'dropped').length,
    },
    lastSession: last?.date,
    nextSession: upcoming?.date ?? agreed,
    agendaReady: upcoming !== undefined,
    openFeedback: pair.feedback.filter((f) => f.data?.status === 'open').length,
    problems: files.reduce((n, f) => n + f.problems.filter((p) => p.severity === 'error').length, 0),
  };
}
