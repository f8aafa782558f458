// What needs me: in the pairs I am part of, what waits for me, each item with the file (and
// line) where it is handled. The sidebar's inbox and `mentoring inbox` both list this.
//
// Who gets what: a feedback request goes to whom it is asked of, its answer back to who asked;
// an action to its owner; an agenda to read to the side that did not prepare it; a session with
// no agenda, or no next session agreed, to whoever drives the relationship (the plan's `driver`:
// the mentee unless it says mentor; both when shared), because the mentee drives by default.
// A coordinator gets nothing from a pair: every item quotes the pair's own words.
import { addDays, daysBetween, isIsoDate } from '../../shared/dates';
import type { Action, Feedback, Handle, LoadedFile, MentoringModel, PairModel, Session } from '../folder/model';
import { planPath, sessionPath, toRel } from '../folder/paths';
import { parseYaml, positionOfPath } from '../folder/yamlText';
import { finishedActionKeys } from '../health/actions';
import { pairStateFromModel } from '../health/figures';
import { summarizePair } from '../health/summary';
import { actionKey } from '../history/facts';
import { mayReadPrivate, visiblePairs } from '../policy/access';
import type { Proposal } from '../review/proposal';
import { sessionDate } from './nextSession';
import { clip, firstName, personNames, shortDate } from './timeline';
import type { InboxItemKind } from '../../shared/vocabulary';

export type { InboxItemKind };

export interface InboxItem {
  /** The same while the item is the same: a key for the UI, and what `seen` holds for answered requests. */
  id: string;
  kind: InboxItemKind;
  pair: string;
  /** My part in the pair. */
  role: 'mentee' | 'mentor';
  /** The pair's other person. */
  other: Handle;
  /** One sentence, for the person themselves (it quotes the pair's words). */
  text: string;
  /** The date it is about: asked, answered, proposed, due, or the session's. */
  date?: string;
  /** Days it has waited for me (requests, proposals) or since it was answered. */
  ageDays?: number;
  /** Days until it is due: 0 today, negative when overdue (actions, sessions). */
  dueInDays?: number;
  /** Where it is handled, relative to the root, with '/'. */
  file: string;
  /** 1-based line in `file`, where there is one to point at. */
  line?: number;
  /** The session's date (agenda and session items; for actions, the agenda holding it). */
  session?: string;
  /** action-due: the list and index of the action in `file`. */
  action?: { list: 'actions' | 'follow_ups'; index: number; text: string; due: string };
  /** proposal-to-review: the proposal as `pendingProposals` gave it. */
  proposal?: Proposal;
}

export interface InboxOptions {
  /** The user's calendar day (`localToday`). */
  today: string;
  /** Proposals waiting for review (`pendingProposals`): those the other side of my pairs made become items. */
  proposals?: readonly Proposal[];
  /** Ids of answered-request items already seen (the extension keeps them locally; the CLI has none). */
  seen?: ReadonlySet<string>;
  /** How many days ahead counts as soon: sessions to prepare or read, actions due. Default 7. */
  soonDays?: number;
  /** An answer older than this many days is no longer news, seen or not. Default 14. */
  answeredWithinDays?: number;
}

export const SOON_DAYS = 7;
export const ANSWERED_WITHIN_DAYS = 14;

const ORDER: InboxItemKind[] = [
  'feedback-to-answer',
  'proposal-to-review',
  'action-due',
  'agenda-missing',
  'agenda-to-read',
  'no-next-session',
  'feedback-answered',
];

/** What needs `me`, most pressing kind first, oldest or earliest due first within a kind. */
export function inbox(model: MentoringModel, me: Handle, options: InboxOptions): InboxItem[] {
  const names = personNames(model);
  const context: Context = {
    model,
    me,
    today: options.today,
    soon: addDays(options.today, options.soonDays ?? SOON_DAYS),
    name: (handle) => firstName(names, handle),
    items: [],
  };
  for (const { pair, role } of visiblePairs(model, me)) {
    if (!mayReadPrivate(role)) continue; // a coordinator: every item would quote the pair's words
    const side = role as 'mentee' | 'mentor';
    const mine = { ...context, pair, role: side, other: side === 'mentee' ? pair.mentor : pair.mentee };
    feedbackItems(mine, options);
    if (pair.plan?.data?.status === 'active') sessionItems(mine);
    actionItems(mine);
  }
  for (const proposal of options.proposals ?? []) proposalItem(context, proposal);
  return context.items.sort(
    (a, b) =>
      ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
      (a.date ?? '').localeCompare(b.date ?? '') ||
      a.pair.localeCompare(b.pair) ||
      a.id.localeCompare(b.id),
  );
}

interface Context {
  model: MentoringModel;
  me: Handle;
  today: string;
  /** The last day that counts as soon. */
  soon: string;
  name: (handle: Handle) => string;
  items: InboxItem[];
}

interface PairContext extends Context {
  pair: PairModel;
  role: 'mentee' | 'mentor';
  other: Handle;
}

function feedbackItems(c: PairContext, options: InboxOptions): void {
  for (const file of c.pair.feedback) {
    const request = file.data as Partial<Feedback> | undefined;
    if (!request || typeof request.question !== 'string') continue;
    const question = `'${clip(request.question, 60)}'`;
    const asked = isIsoDate(request.asked) ? request.asked : undefined;
    if (request.asked_of === c.me && request.status === 'open') {
      const who = typeof request.asked_by === 'string' ? c.name(request.asked_by) : 'Someone';
      c.items.push({
        ...about(c, file, 'feedback-to-answer', `feedback-to-answer:${file.rel}`, ['answer']),
        text: `${who} asked you for feedback${asked ? ` ${ago(asked, c.today)}` : ''}: ${question}`,
        date: asked,
        ageDays: asked === undefined ? undefined : daysBetween(asked, c.today),
      });
    }
    if (request.asked_by === c.me && request.status === 'answered') {
      const answered = isIsoDate(request.answered) ? request.answered : asked;
      const id = `feedback-answered:${file.rel}:${answered ?? ''}`;
      const within = options.answeredWithinDays ?? ANSWERED_WITHIN_DAYS;
      if (options.seen?.has(id) || !answered || daysBetween(answered, c.today) > within) continue;
      const who = typeof request.asked_of === 'string' ? c.name(request.asked_of) : 'Someone';
      c.items.push({
        ...about(c, file, 'feedback-answered', id, ['answer']),
        text: `${who} answered your feedback request ${ago(answered, c.today)}: ${question}`,
        date: answered,
        ageDays: daysBetween(answered, c.today),
      });
    }
  }
}

function sessionItems(c: PairContext): void {
  const driver = c.pair.plan?.data?.driver;
  const iDrive = driver === 'shared' || driver === c.role || (driver !== 'mentor' && c.role === 'mentee');
  const summary = summarizePair(c.pair, c.today);
  for (const file of c.pair.sessions) {
    const date = sessionDate(file);
    const agenda = file.data as Partial<Session> | undefined;
    if (date < c.today || date > c.soon || !agenda || agenda.prepared_by === c.me) continue;
    const first = firstWords(agenda);
    if (first === undefined) continue; // a blank template holds nothing to read yet
    const who = typeof agenda.prepared_by === 'string' ? c.name(agenda.prepared_by) : 'The other side';
    c.items.push({
      ...about(c, file, 'agenda-to-read', `agenda-to-read:${file.rel}`),
      text: `Read ${who}'s agenda for the session ${when(date, c.today)}: '${clip(first, 60)}'`,
      date,
      dueInDays: daysBetween(c.today, date),
      session: date,
    });
  }
  if (!iDrive) return;
  const next = summary.nextSession;
  if (next !== undefined && !summary.agendaReady && next <= c.soon) {
    const agenda = toRel(c.model.root, sessionPath(c.model.folder, c.pair.id, next));
    c.items.push({
      ...about(c, agenda, 'agenda-missing', `agenda-missing:${c.pair.id}:${next}`),
      text: `The session with ${c.name(c.other)} ${when(next, c.today)} has no agenda yet`,
      date: next,
      dueInDays: daysBetween(c.today, next),
      session: next,
    });
  }
  if (next === undefined) {
    const last = c.pair.sessions[c.pair.sessions.length - 1];
    const lastDate = last && sessionDate(last);
    const text = last
      ? `No next session agreed with ${c.name(c.other)}: the last one was ${shortDate(lastDate)}`
      : `No session agreed with ${c.name(c.other)} yet`;
    const where = last ?? toRel(c.model.root, planPath(c.model.folder, c.pair.id));
    c.items.push({
      ...about(c, where, 'no-next-session', `no-next-session:${c.pair.id}`, ['next_session']),
      text,
      session: lastDate,
    });
  }
}

/**
 * My open actions due soon or overdue. Open actions live in the latest agendas: the last session
 * held (today's included) and any prepared after it, whose `follow_ups` carry the earlier ones
 * over; the latest copy of an action says where it is, any copy ticked that it is done.
 */
function actionItems(c: PairContext): void {
  const sessions = c.pair.sessions;
  let from = sessions.length - 1;
  while (from > 0 && sessionDate(sessions[from]) > c.today) from--;
  type Found = { file: LoadedFile<Session>; list: 'actions' | 'follow_ups'; index: number; action: Action };
  const latest = new Map<string, Found>();
  for (const file of sessions.slice(Math.max(from, 0))) {
    for (const list of ['follow_ups', 'actions'] as const) {
      const items: unknown = (file.data as Record<string, unknown> | undefined)?.[list];
      if (!Array.isArray(items)) continue;
      items.forEach((item: unknown, index) => {
        const action = item as Partial<Action> | null;
        if (typeof action?.text !== 'string') return;
        const key = actionKey(typeof action.owner === 'string' ? action.owner : undefined, action.text);
        latest.set(key, { file, list, index, action: action as Action });
      });
    }
  }
  // Done on an older copy (ticked in its own agenda after it was carried over) is done too.
  const finished = finishedActionKeys(pairStateFromModel(c.pair).sessions);
  for (const [key, { file, list, index, action }] of latest) {
    const { text, due } = action;
    if (action.done === true || finished.has(key) || action.owner !== c.me || !isIsoDate(due) || due > c.soon) continue;
    const days = daysBetween(c.today, due);
    const sentence =
      days < 0
        ? `Your action '${clip(text, 60)}' was due ${ago(due, c.today)} (${shortDate(due)})`
        : `Your action '${clip(text, 60)}' is due ${when(due, c.today)}`;
    c.items.push({
      ...about(c, file, 'action-due', `action-due:${c.pair.id}:${key}`, [list, index]),
      text: sentence,
      date: due,
      dueInDays: days,
      session: sessionDate(file),
      action: { list, index, text, due },
    });
  }
}

function proposalItem(c: Context, proposal: Proposal): void {
  const { mentee, mentor, from } = proposal;
  if ((c.me !== mentee && c.me !== mentor) || from === c.me) return;
  const role = c.me === mentee ? 'mentee' : 'mentor';
  const other = role === 'mentee' ? mentor : mentee;
  const text = proposalSentence(c, proposal, role, other);
  const day = proposal.date.slice(0, 10);
  const date = isIsoDate(day) ? day : undefined;
  c.items.push({
    id: `proposal-to-review:${proposal.branch ?? proposal.pair}:${proposal.commit}`,
    kind: 'proposal-to-review',
    pair: proposal.pair,
    role,
    other,
    text: date ? `${text} (${ago(date, c.today)})` : text,
    date,
    ageDays: date === undefined ? undefined : daysBetween(date, c.today),
    file: toRel(c.model.root, planPath(c.model.folder, proposal.pair)),
    proposal,
  });
}

function proposalSentence(c: Context, proposal: Proposal, role: 'mentee' | 'mentor', other: Handle): string {
  const { mentee, mentor, from } = proposal;
  if (proposal.kind === 'plan-change')
    return `${c.name(from && from !== 'program' ? from : other)} proposes plan changes for your review`;
  if (from === 'program')
    return role === 'mentor'
      ? `The program proposes that you mentor ${c.name(mentee)}`
      : `The program proposes ${c.name(mentor)} as your mentor`;
  if (from === mentee) return `${c.name(mentee)} asks you to be their mentor`;
  if (from === mentor) return `${c.name(mentor)} offers to mentor you`;
  return `A mentoring relationship with ${c.name(other)} is proposed`;
}

/** The fields every item shares: where it is handled (a file of the pair, or the path of one to create), with the line of `path` in it. */
function about(
  c: PairContext,
  file: LoadedFile<unknown> | string,
  kind: InboxItemKind,
  id: string,
  path?: (string | number)[],
): Pick<InboxItem, 'id' | 'kind' | 'pair' | 'role' | 'other' | 'file' | 'line'> {
  const common = { id, kind, pair: c.pair.id, role: c.role, other: c.other };
  if (typeof file === 'string') return { ...common, file };
  const line = path && file.text !== undefined ? positionOfPath(parseYaml(file.text), path).line : undefined;
  return { ...common, file: file.rel, line };
}

/** The first objective, question or idea of an agenda; undefined when it has none yet. */
function firstWords(agenda: Partial<Session>): string | undefined {
  const texts = [
    ...(Array.isArray(agenda.objectives) ? agenda.objectives : []),
    ...(Array.isArray(agenda.topics) ? agenda.topics.map((topic) => topic?.question) : []),
    ...(Array.isArray(agenda.ideas) ? agenda.ideas : []),
  ];
  return texts.find((text): text is string => typeof text === 'string' && text.trim() !== '');
}

/** "today", "yesterday", "3 days ago". */
function ago(date: string, today: string): string {
  const days = daysBetween(date, today);
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** "today", "tomorrow", "on Dec 5 (in 3 days)". */
function when(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `on ${shortDate(date)} (in ${days} days)`;
}
