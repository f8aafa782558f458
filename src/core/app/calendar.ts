// The next session as an iCalendar file: "Add to Calendar" in the editor and `mentoring calendar`.
// One event per pair and date, with a UID made of both, so importing it again (after the time
// changed, or from the other person's invite) updates the event rather than adding a second one.
// The organiser is whoever drives the relationship (the mentee initiates meetings unless the plan
// says the mentor drives); a time, when the agenda or the agreement gives one, is in the
// organiser's time zone from their person file; without a time the event is all day.
// The library is required on the first export, not when this file loads: the extension's feature
// bundle leaves it out (dist/ical.js, scripts/bundling.mjs).
type Ical = typeof import('ical-generator');
import { addDays, isIsoDate } from '../../shared/dates';
import type { Handle, MentoringModel, PairModel, Person } from '../folder/model';
import { sessionPath, toRel } from '../folder/paths';
import { summarizePair } from '../health/summary';
import { cadenceDays, sessionDate } from './nextSession';

export const DEFAULT_SESSION_MINUTES = 45;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export class CalendarRefused extends Error {}

export interface SessionCalendar {
  /** The .ics text. */
  ics: string;
  uid: string;
  /** The session's date. */
  date: string;
  /** `HH:MM` in `timeZone`, when a time is known. */
  time?: string;
  timeZone?: string;
  minutes: number;
  /** The agenda file of that session, relative to the root (it may not exist yet). */
  agenda: string;
  /** A file name to save it under: `<pair>-<date>.ics`. */
  fileName: string;
}

export interface CalendarOptions {
  today: string;
  /** Repeat the event every agreed cadence (RRULE), until the plan's `ends` when it has one. */
  recurring?: boolean;
  /** The DTSTAMP; default now. */
  now?: Date;
}

export function sessionCalendar(model: MentoringModel, pairId: string, options: CalendarOptions): SessionCalendar {
  const pair = model.pairs.find((p) => p.id === pairId);
  if (!pair) throw new CalendarRefused(`no pair ${pairId} in the mentoring folder`);
  const date = summarizePair(pair, options.today).nextSession;
  if (date === undefined)
    throw new CalendarRefused(
      `${pairId} has no next session agreed: agree one first (next_session in the last agenda)`,
    );
  const plan = pair.plan?.data;
  const agreement = (plan?.agreement ?? {}) as Record<string, unknown>;
  const agendaFile = pair.sessions.find((file) => sessionDate(file) === date);
  const time = [agendaFile?.data?.time, agreement.session_time].find(
    (value): value is string => typeof value === 'string' && TIME.test(value),
  );
  const minutes =
    wholeMinutes(agreement.session_minutes) ??
    wholeMinutes(model.program?.data?.defaults?.session_minutes) ??
    DEFAULT_SESSION_MINUTES;
  const people = new Map(model.people.flatMap((file) => (file.data ? [[file.data.handle, file.data] as const] : [])));
  const organiserHandle = plan?.driver === 'mentor' ? pair.mentor : pair.mentee;
  const organiser = people.get(organiserHandle);
  const timeZone =
    time !== undefined && typeof organiser?.timezone === 'string' ? validZone(organiser.timezone) : undefined;
  const agenda = toRel(model.root, sessionPath(model.folder, pair.id, date));
  const uid = `${pair.id}-${date}@mentoring`;
  const name = (handle: Handle) => nameOf(people.get(handle), handle);

  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, by design
  const library = require('ical-generator') as Ical;
  const { ICalAttendeeRole, ICalAttendeeStatus } = library;
  const calendar = library.default({ prodId: { company: 'mentoring', product: 'mentoring', language: 'EN' } });
  const event = calendar.createEvent({
    id: uid,
    stamp: options.now ?? new Date(),
    summary: `Mentoring: ${name(pair.mentee)} and ${name(pair.mentor)}`,
    description: `Mentoring session of ${name(pair.mentee)} (mentee) and ${name(pair.mentor)} (mentor).\nAgenda: ${agenda}`,
    ...(time === undefined
      ? { start: floating(date, '00:00'), allDay: true }
      : {
          start: floating(date, time),
          end: floating(date, time, minutes),
          timezone: timeZone ?? null,
          floating: timeZone === undefined,
        }),
  });
  const organiserEmail = emailOf(organiser);
  if (organiserEmail) event.organizer({ name: name(organiserHandle), email: organiserEmail });
  for (const handle of [pair.mentee, pair.mentor]) {
    const email = emailOf(people.get(handle));
    if (!email) continue;
    event.createAttendee({
      name: name(handle),
      email,
      role: handle === organiserHandle ? ICalAttendeeRole.CHAIR : ICalAttendeeRole.REQ,
      status: handle === organiserHandle ? ICalAttendeeStatus.ACCEPTED : ICalAttendeeStatus.NEEDSACTION,
      rsvp: handle !== organiserHandle,
    });
  }
  if (options.recurring) event.repeating(recurrence(library, model, pair, plan?.ends));
  return { ics: calendar.toString(), uid, date, time, timeZone, minutes, agenda, fileName: `${pair.id}-${date}.ics` };
}

function recurrence({ ICalEventRepeatingFreq }: Ical, model: MentoringModel, pair: PairModel, ends: unknown) {
  const cadence = cadenceDays(model, pair);
  const weekly = cadence % 7 === 0;
  return {
    freq: weekly ? ICalEventRepeatingFreq.WEEKLY : ICalEventRepeatingFreq.DAILY,
    interval: weekly ? cadence / 7 : cadence,
    ...(isIsoDate(ends) ? { until: new Date(`${addDays(ends, 1)}T00:00:00Z`) } : {}),
  };
}

/** A local date and time, written without a zone (`2026-12-05T14:30:00`), `plusMinutes` later. */
function floating(date: string, time: string, plusMinutes = 0): string {
  const [hours, minutes] = time.split(':').map(Number);
  const [year, month, day] = date.split('-').map(Number);
  const at = new Date(Date.UTC(year, month - 1, day, hours, minutes + plusMinutes));
  return at.toISOString().slice(0, 19);
}

function validZone(zone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

function wholeMinutes(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 5 && value <= 480 ? value : undefined;
}

function nameOf(person: Person | undefined, handle: Handle): string {
  return typeof person?.name === 'string' && person.name.trim() !== '' ? person.name : handle;
}

function emailOf(person: Person | undefined): string | undefined {
  const email = person?.emails?.find((value) => typeof value === 'string' && value.includes('@'));
  return email;
}
