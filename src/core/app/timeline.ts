// A pair's timeline in words: the one sentence for each history event that the sidebar's
// timeline and `mentoring log` both show. A private view (a coordinator's, or a reader the face
// cannot tell apart from one) leaves out what stays between the pair: action texts and questions.
// A text still sealed (history keeps what git holds) is left out the same way, never shown.
import { basename } from 'node:path';
import { daysBetween, isIsoDate } from '../../shared/dates';
import type { MentoringModel } from '../folder/model';
import { toRel } from '../folder/paths';
import { pairTimeline, type EventDetails, type History, type HistoryEvent } from '../history';
import { withoutCiphertext } from '../policy/sealed';
import { SEALED_PLACEHOLDER, isSealed } from '../../shared/sealed';

/** What the sentences of one pair's timeline may draw on. */
export interface TimelineContext {
  /** People's names by handle, from people/ in the working tree (the handle when a file gives none). */
  names: ReadonlyMap<string, string>;
  /** The pair's feedback questions by file id (`HistoryEvent.fileId`); empty in a private view. */
  questions: ReadonlyMap<string, string>;
  /** Leave out what stays between the pair. */
  private: boolean;
  /** Who reads it: their own requests read "you" and "your" (what's new). */
  reader?: string;
}

export interface TimelineEntry {
  /** The event; in a private view without the action's text. */
  event: HistoryEvent;
  text: string;
}

export function timelineContext(
  model: MentoringModel | undefined,
  history: History,
  pairId: string,
  view: { private: boolean },
): TimelineContext {
  const names = personNames(model);
  // By the file's id, so a request renamed since is still found.
  const questions = new Map<string, string>();
  const pair = view.private ? undefined : model?.pairs.find((p) => p.id === pairId);
  for (const file of pair?.feedback ?? []) {
    const repoPath = toRel(history.root, file.path);
    if (typeof file.data?.question === 'string')
      questions.set(history.fileIds.get(repoPath) ?? repoPath, file.data.question);
  }
  return { names, questions, private: view.private };
}

/** People's names by handle, from people/ (the handle when a file gives none). */
export function personNames(model: MentoringModel | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of model?.people ?? []) {
    if (!file.data || typeof file.data !== 'object') continue;
    const handle = typeof file.data.handle === 'string' ? file.data.handle : basename(file.rel, '.yaml');
    names.set(handle, typeof file.data.name === 'string' ? file.data.name : handle);
  }
  return names;
}

/** "Ana" for ana when people/ana.yaml names her "Ana Lima"; the handle when nobody is named. */
export function firstName(names: ReadonlyMap<string, string>, handle: string): string {
  return names.get(handle)?.split(/\s+/)[0] || handle;
}

/** The pair's events in words, by author date; events of one date stay in the order git walked them. */
export function timelineInWords(
  history: History,
  pairId: string,
  context: TimelineContext,
  order: { newestFirst: boolean },
): TimelineEntry[] {
  const sign = order.newestFirst ? -1 : 1;
  return pairTimeline(history, pairId)
    .map((event, index) => ({ event, index, time: Date.parse(event.date) }))
    .sort((a, b) => sign * (a.time - b.time) || a.index - b.index)
    .map(({ event }) => ({
      event: context.private ? { ...event, details: withoutActionText(event.details) } : withoutCiphertext(event),
      text: eventSentence(event, context),
    }));
}

/** "Ana prepared the agenda for Nov 28 — committed 2 days before". */
export function eventSentence(event: HistoryEvent, context: TimelineContext): string {
  const name = (handle: string) => firstName(context.names, handle);
  const who = 'handle' in event.author ? name(event.author.handle) : event.authorName || 'Someone';
  const d = event.details;
  const goal = `goal '${clip(d.title ?? d.goal ?? '')}'`;
  const question = context.private ? undefined : readable(context.questions.get(event.fileId));
  switch (event.kind) {
    case 'relationship-proposed':
      return `${who} proposed the relationship`;
    case 'relationship-accepted':
      return `${who} accepted: the relationship is active`;
    case 'relationship-started':
      return `${who} started the relationship`;
    case 'relationship-paused':
      return `${who} paused the relationship`;
    case 'relationship-resumed':
      return `${who} resumed the relationship`;
    case 'relationship-ended':
      return `${who} ended the relationship (${d.status ?? 'ended'})`;
    case 'goal-added':
      return `${who} added ${goal}`;
    case 'goal-changed':
      return `${who} changed ${goal}${d.fields?.length ? ` (${d.fields.join(', ')})` : ''}`;
    case 'goal-done':
      return `${capital(goal)} done`;
    case 'goal-dropped':
      return `${capital(goal)} dropped`;
    case 'goal-removed':
      return `${who} removed ${goal}`;
    case 'benchmark-reached':
      return `Benchmark reached: '${clip(d.benchmark ?? '')}'`;
    case 'agenda-prepared':
      return `${who} prepared the agenda for ${shortDate(d.sessionDate)} — ${inAdvance(event)}`;
    case 'notes-written':
      return `${who} wrote the notes of ${shortDate(d.sessionDate)}`;
    case 'action-done': {
      const action = context.private ? undefined : readable(d.action);
      return action ? `${who} marked '${clip(action)}' done` : `${who} marked an action done`;
    }
    case 'feedback-asked': {
      const of = !d.askedOf ? '' : d.askedOf === context.reader ? ' you' : ` ${name(d.askedOf)}`;
      return question ? `${who} asked${of} '${clip(question)}'` : `${who} asked${of} for feedback`;
    }
    case 'feedback-answered': {
      const request = d.askedBy !== undefined && d.askedBy === context.reader ? 'your feedback request' : undefined;
      if (!question) return `${who} answered ${request ?? 'a feedback request'}`;
      return `${who} answered ${request ? `${request} ` : ''}'${clip(question)}'`;
    }
    case 'plan-review-merged':
      return `${who} merged a plan review`;
  }
}

function withoutActionText(details: EventDetails): EventDetails {
  const { action: _action, actionKey: _actionKey, ...rest } = details;
  return rest;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 28" for 2026-11-28: the same in every locale, like the rest of the sentence. */
export function shortDate(iso: string | undefined): string {
  if (iso === undefined || !isIsoDate(iso)) return iso ?? 'a session';
  const [, month, day] = iso.split('-').map(Number);
  return `${MONTHS[month - 1]} ${day}`;
}

/** A text that may be shown: not sealed, nor the placeholder of a sealed one. */
function readable(text: string | undefined): string | undefined {
  return text === undefined || isSealed(text) || text === SEALED_PLACEHOLDER ? undefined : text;
}

/** Long text cut at a word boundary, with an ellipsis: a sentence stays one line. */
export function clip(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "committed 2 days before", "committed the day before", "committed on the day", "committed 3 days after". */
function inAdvance(event: HistoryEvent): string {
  const session = event.details.sessionDate;
  if (session === undefined || !isIsoDate(session)) return 'committed';
  const days = daysBetween(event.committed.slice(0, 10), session);
  if (days === 0) return 'committed on the day';
  if (days === 1) return 'committed the day before';
  if (days === -1) return 'committed the day after';
  return days > 0 ? `committed ${days} days before` : `committed ${-days} days after`;
}
