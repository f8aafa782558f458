// When a pair meets next, as "Prepare agenda" proposes it in the sidebar, the palette and
// `mentoring agenda` without --date.
import { basename } from 'node:path';
import { addDays, isIsoDate } from '../../shared/dates';
import { DEFAULT_CADENCE_DAYS } from '../edit';
import type { LoadedFile, MentoringModel, PairModel, Session } from '../folder/model';
import { summarizePair } from '../health/summary';

/** Days between sessions: the pair's agreement, else the program's default, else 14. */
export function cadenceDays(model: MentoringModel, pair: PairModel): number {
  return (
    wholeDays(pair.plan?.data?.agreement?.cadence_days) ??
    wholeDays(model.program?.data?.defaults?.cadence_days) ??
    DEFAULT_CADENCE_DAYS
  );
}

/**
 * The date a new agenda is proposed for: the next session (a prepared agenda from today on, else
 * the agreed `next_session`), else one cadence after the last session when that is still to
 * come, else today. A date that already has an agenda is never proposed:
 * that agenda's own `next_session` follows it, else the date one cadence later.
 */
export function proposedAgendaDate(model: MentoringModel, pair: PairModel, today: string): string {
  const agendas = new Map(pair.sessions.map((file) => [sessionDate(file), file.data]));
  let date = summarizePair(pair, today).nextSession ?? byCadence(model, pair, today);
  while (agendas.has(date)) {
    const agreed = agendas.get(date)?.next_session;
    date =
      typeof agreed === 'string' && isIsoDate(agreed) && agreed > date
        ? agreed
        : addDays(date, cadenceDays(model, pair));
  }
  return date;
}

/** Nothing agreed: one cadence after the last session, unless that day has passed; else today. */
function byCadence(model: MentoringModel, pair: PairModel, today: string): string {
  const last = pair.sessions
    .map(sessionDate)
    .filter((date) => date < today)
    .pop();
  const next = last === undefined ? today : addDays(last, cadenceDays(model, pair));
  return next > today ? next : today;
}

/** A session's date as its file is named: known even when the file does not parse. */
export function sessionDate(file: LoadedFile<Session>): string {
  return basename(file.path, '.yaml');
}

function wholeDays(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 366 ? value : undefined;
}
