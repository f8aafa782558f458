// Reminders: the few things of my pairs that will go wrong unless I act soon, for the editor's
// one grouped notification a day and `mentoring remind`. They are a stricter cut of what needs
// me (inbox.ts), with lead times the program and each pair choose, plus two things the inbox
// does not say: an agenda I wrote that the other side cannot see yet, and a relationship that has
// gone quiet for twice its cadence.
//
// Which pairs remind: active ones. A paused pair still reminds of feedback asked of me and of my
// own actions (those are owed either way) but never of sessions or of having gone quiet; a
// proposed, completed or ended pair reminds of nothing.
import { addDays, daysBetween, isIsoDate } from '../../shared/dates';
import type { Handle, MentoringModel, PairModel, Session } from '../folder/model';
import { planPath, toRel } from '../folder/paths';
import { summarizePair } from '../health/summary';
import { visiblePairs } from '../policy/access';
import { inbox, type InboxItem } from './inbox';
import { cadenceDays, sessionDate } from './nextSession';
import { unsharedChanges } from './share';
import { firstName, personNames, shortDate } from './timeline';
import { todayIn } from './today';

export type ReminderKind =
  /** My next session is within the lead time and has no agenda: `file` is the agenda to prepare. */
  | 'agenda-missing'
  /** I prepared the agenda of a session soon and it is not shared (committed to the mentoring branch) yet. */
  | 'agenda-not-shared'
  /** A request asked of me has been open for the lead time or longer: answer it in `file`. */
  | 'feedback-waiting'
  /** One of my open actions is due within the lead time, or overdue. */
  | 'action-due'
  /** No session for twice the cadence and none agreed soon: agree one (`file`: the last agenda, else the plan). */
  | 'relationship-quiet';

export interface Reminder {
  /** The same while the reminder is the same: what a snooze is kept under. */
  id: string;
  kind: ReminderKind;
  pair: string;
  role: 'mentee' | 'mentor';
  other: Handle;
  /** One sentence for the person themselves (it may quote the pair's words). */
  text: string;
  /** The day it is about: the session's, the request's, the action's due date, the last session. */
  date?: string;
  /** Where it is handled, relative to the root, with '/' (an agenda to create may not exist yet). */
  file: string;
  line?: number;
  /** The session's date, for session reminders. */
  session?: string;
}

/** Lead times in days, as `program.yaml` `defaults.reminders` and a plan's `agreement.reminders` hold them. */
export interface LeadTimes {
  /** Remind of a missing agenda this many days before the session (0: on the day only). */
  agenda_days: number;
  /** Remind of an agenda not shared from this many days before the session ("by the day before": 1). */
  share_days: number;
  /** Remind of a request asked of me once it has been open this many days. */
  feedback_days: number;
  /** Remind of my action this many days before it is due (and every day it is overdue). */
  action_days: number;
}

export const DEFAULT_LEAD_TIMES: LeadTimes = { agenda_days: 2, share_days: 1, feedback_days: 3, action_days: 2 };

export interface RemindOptions {
  /** My calendar day (`todayIn` with my time zone). */
  today: string;
  /**
   * Files (relative to the root, '/') whose change is not on the mentoring branch yet, as Share
   * counts them; undefined when that is not known (no git), and then nothing is said about sharing.
   */
  notShared?: { has(path: string): boolean };
  /** Snoozed reminder ids, each with the first day it may show again. */
  snoozed?: Readonly<Record<string, string>>;
}

/** The lead times of a pair: its agreement's, else the program's defaults, else DEFAULT_LEAD_TIMES, each on its own. */
export function leadTimes(model: MentoringModel, pair: PairModel): LeadTimes {
  const program = asRecord(asRecord(model.program?.data?.defaults)?.reminders);
  const agreed = asRecord(asRecord(pair.plan?.data?.agreement)?.reminders);
  const pick = (key: keyof LeadTimes) => days(agreed?.[key]) ?? days(program?.[key]) ?? DEFAULT_LEAD_TIMES[key];
  return {
    agenda_days: pick('agenda_days'),
    share_days: pick('share_days'),
    feedback_days: pick('feedback_days'),
    action_days: pick('action_days'),
  };
}

/** What to remind `me` of today, most pressing first; snoozed reminders left out until their day. */
export function reminders(model: MentoringModel, me: Handle, options: RemindOptions): Reminder[] {
  const { today } = options;
  const mine = visiblePairs(model, me).filter(
    (visible): visible is typeof visible & { role: 'mentee' | 'mentor' } =>
      visible.role === 'mentee' || visible.role === 'mentor',
  );
  const leads = new Map(mine.map(({ pair }) => [pair.id, leadTimes(model, pair)]));
  const statuses = new Map(mine.map(({ pair }) => [pair.id, pair.plan?.data?.status]));
  const farthest = Math.max(0, ...[...leads.values()].flatMap((lead) => [lead.agenda_days, lead.action_days]));
  const found: Reminder[] = [];
  for (const item of inbox(model, me, { today, soonDays: farthest })) {
    const lead = leads.get(item.pair);
    const status = statuses.get(item.pair);
    if (!lead || (status !== 'active' && status !== 'paused')) continue;
    const reminder = fromInbox(item, lead, status === 'active');
    if (reminder) found.push(reminder);
  }
  const names = personNames(model);
  for (const { pair, role } of mine) {
    if (statuses.get(pair.id) !== 'active') continue;
    const context = { model, me, pair, role, today, name: (h: Handle) => firstName(names, h) };
    const notShared = agendaNotShared(context, leads.get(pair.id) as LeadTimes, options.notShared);
    if (notShared) found.push(notShared);
    const quiet = relationshipQuiet(context);
    if (quiet) found.push(quiet);
  }
  const snoozed = options.snoozed ?? {};
  return found
    .filter((reminder) => !(snoozed[reminder.id] !== undefined && today < snoozed[reminder.id]))
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || (a.date ?? '').localeCompare(b.date ?? ''));
}

const ORDER: ReminderKind[] = [
  'agenda-missing',
  'agenda-not-shared',
  'action-due',
  'feedback-waiting',
  'relationship-quiet',
];

function fromInbox(item: InboxItem, lead: LeadTimes, active: boolean): Reminder | undefined {
  const { id, pair, role, other, text, date, file, line, session } = item;
  const base = { pair, role, other, text, date, file, line, session };
  switch (item.kind) {
    case 'agenda-missing':
      return active && (item.dueInDays ?? Infinity) <= lead.agenda_days ? { ...base, id, kind: item.kind } : undefined;
    case 'action-due':
      return (item.dueInDays ?? Infinity) <= lead.action_days ? { ...base, id, kind: item.kind } : undefined;
    case 'feedback-to-answer':
      return (item.ageDays ?? -1) >= lead.feedback_days
        ? { ...base, id: id.replace('feedback-to-answer', 'feedback-waiting'), kind: 'feedback-waiting' }
        : undefined;
    default:
      return undefined;
  }
}

interface PairContext {
  model: MentoringModel;
  me: Handle;
  pair: PairModel;
  role: 'mentee' | 'mentor';
  today: string;
  name: (handle: Handle) => string;
}

/** The agenda I prepared for a session within `share_days` that the other side cannot see yet. */
function agendaNotShared(c: PairContext, lead: LeadTimes, notShared: RemindOptions['notShared']) {
  if (!notShared) return undefined;
  const last = addDays(c.today, lead.share_days);
  const file = c.pair.sessions.find((session) => {
    const date = sessionDate(session);
    return date >= c.today && date <= last && notShared.has(session.rel) && preparedByMe(c, session.data);
  });
  if (!file) return undefined;
  const date = sessionDate(file);
  const other = otherOf(c);
  const reminder: Reminder = {
    id: `agenda-not-shared:${c.pair.id}:${date}`,
    kind: 'agenda-not-shared',
    pair: c.pair.id,
    role: c.role,
    other,
    text: `Your agenda for the session with ${c.name(other)} ${when(date, c.today)} is not shared yet: ${c.name(other)} cannot read it`,
    date,
    file: file.rel,
    session: date,
  };
  return reminder;
}

/** No session for twice the cadence and none agreed within one cadence from today. */
function relationshipQuiet(c: PairContext): Reminder | undefined {
  const cadence = cadenceDays(c.model, c.pair);
  const summary = summarizePair(c.pair, c.today);
  if (summary.nextSession !== undefined && summary.nextSession <= addDays(c.today, cadence)) return undefined;
  const held = c.pair.sessions.map(sessionDate).filter((date) => isIsoDate(date) && date <= c.today);
  const plan = c.pair.plan?.data;
  const since = held[held.length - 1] ?? [plan?.accepted, plan?.started].find(isIsoDate);
  if (since === undefined || daysBetween(since, c.today) < 2 * cadence) return undefined;
  const other = otherOf(c);
  const lastFile = c.pair.sessions.filter((session) => sessionDate(session) <= c.today).pop();
  const ago = daysBetween(since, c.today);
  const text =
    held.length > 0
      ? `No session with ${c.name(other)} for ${ago} days (since ${shortDate(since)}; you agreed every ${cadence}): agree the next one`
      : `No session with ${c.name(other)} yet, ${ago} days after the start (you agreed every ${cadence}): agree the first one`;
  return {
    id: `relationship-quiet:${c.pair.id}:${since}`,
    kind: 'relationship-quiet',
    pair: c.pair.id,
    role: c.role,
    other,
    text,
    date: since,
    file: lastFile?.rel ?? toRel(c.model.root, planPath(c.model.folder, c.pair.id)),
  };
}

function preparedByMe(c: PairContext, agenda: Partial<Session> | undefined): boolean {
  if (agenda?.prepared_by !== undefined) return agenda.prepared_by === c.me;
  const driver = c.pair.plan?.data?.driver;
  return driver === 'shared' || driver === c.role || (driver !== 'mentor' && c.role === 'mentee');
}

function otherOf(c: PairContext): Handle {
  return c.role === 'mentee' ? c.pair.mentor : c.pair.mentee;
}

function when(date: string, today: string): string {
  const days = daysBetween(today, date);
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `on ${shortDate(date)}`;
}

function days(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 90 ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export interface MyReminders {
  me: Handle;
  /** My calendar day, in my time zone when my person file names one. */
  today: string;
  reminders: Reminder[];
}

/** Reminders for `me` at the instant `now`, with "today" taken in their own time zone. */
export function remindersAt(
  model: MentoringModel,
  me: Handle,
  now: Date,
  options: Omit<RemindOptions, 'today'> = {},
): MyReminders {
  const person = model.people.find((file) => file.data?.handle === me)?.data;
  const today = todayIn(typeof person?.timezone === 'string' ? person.timezone : undefined, now);
  return { me, today, reminders: reminders(model, me, { ...options, today }) };
}

/** The files Share would commit (relative to `root`), or undefined when that cannot be known (no git, no branch). */
export async function notSharedFiles(root: string, folder: string | undefined): Promise<Set<string> | undefined> {
  try {
    const unshared = await unsharedChanges(root, { folder });
    return new Set(unshared.pairs.flatMap((pair) => pair.files.map((file) => file.path)));
  } catch {
    return undefined;
  }
}

/** Whether an agenda of mine is close enough that asking git what is not shared can change the reminders. */
export function mayNeedShareCheck(model: MentoringModel, me: Handle, today: string): boolean {
  const everything = { has: () => true };
  return reminders(model, me, { today, notShared: everything }).some((r) => r.kind === 'agenda-not-shared');
}
