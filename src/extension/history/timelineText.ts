// A history event as the sidebar's timeline shows it: an icon and a plain sentence. For a
// coordinator the sentence leaves out what stays between the pair (action texts, questions).
import { daysBetween } from '../../shared/dates';
import type { HistoryEvent } from '../../core/history';

export interface EventWords {
  icon: string;
  text: string;
}

export interface WordsContext {
  /** A handle's first name ("Ana"), or the handle. */
  firstName(handle: string): string;
  /** The feedback request's question, when the file is still there and may be shown. */
  question(event: HistoryEvent): string | undefined;
  /** A coordinator's view: no action texts. */
  private: boolean;
}

const ICONS: Record<HistoryEvent['kind'], string> = {
  'relationship-proposed': 'person-add',
  'relationship-accepted': 'pass',
  'relationship-started': 'play',
  'relationship-paused': 'debug-pause',
  'relationship-resumed': 'debug-continue',
  'relationship-ended': 'circle-slash',
  'goal-added': 'target',
  'goal-changed': 'edit',
  'goal-done': 'pass-filled',
  'goal-dropped': 'close',
  'goal-removed': 'trash',
  'benchmark-reached': 'milestone',
  'agenda-prepared': 'notebook',
  'notes-written': 'note',
  'action-done': 'tasklist',
  'feedback-asked': 'comment',
  'feedback-answered': 'comment-discussion',
  'plan-review-merged': 'git-merge',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 28" for 2026-11-28 (the same in every locale, like the rest of the sentence). */
export function shortDate(iso: string | undefined): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? `${MONTHS[Number(match[1]) - 1]} ${Number(match[2])}` : (iso ?? 'a session');
}

/** Long text cut at a word boundary, with an ellipsis. */
export function clip(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

export function eventWords(event: HistoryEvent, ctx: WordsContext): EventWords {
  const who = 'handle' in event.author ? ctx.firstName(event.author.handle) : event.authorName || 'Someone';
  const d = event.details;
  const goal = `goal '${clip(d.title ?? d.goal ?? '')}'`;
  const text = ((): string => {
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
      case 'action-done':
        return ctx.private || !d.action ? `${who} marked an action done` : `${who} marked '${clip(d.action)}' done`;
      case 'feedback-asked': {
        const question = ctx.question(event);
        const of = d.askedOf ? ` ${ctx.firstName(d.askedOf)}` : '';
        return question ? `${who} asked${of} '${clip(question)}'` : `${who} asked${of} for feedback`;
      }
      case 'feedback-answered': {
        const question = ctx.question(event);
        return question ? `${who} answered '${clip(question)}'` : `${who} answered a feedback request`;
      }
      case 'plan-review-merged':
        return `${who} merged a plan review`;
    }
  })();
  return { icon: ICONS[event.kind], text };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "committed 2 days before", "committed the day before", "committed on the day", "committed 3 days after". */
function inAdvance(event: HistoryEvent): string {
  const session = event.details.sessionDate;
  if (!session || !/^\d{4}-\d{2}-\d{2}$/.test(session)) return 'committed';
  const days = daysBetween(event.committed.slice(0, 10), session);
  if (days === 0) return 'committed on the day';
  if (days === 1) return 'committed the day before';
  if (days === -1) return 'committed the day after';
  return days > 0 ? `committed ${days} days before` : `committed ${-days} days after`;
}
