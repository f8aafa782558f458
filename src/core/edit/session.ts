// Session agendas (sessions/<date>.yaml): a new agenda, and the edits made before, during and
// after a session. Each edit returns the file's new text.
import { stringify } from 'yaml';
import { addDays } from '../../shared/dates';
import type { Action, Session } from '../folder/model';
import { EditError } from './errors';
import { checkDate, isRecord, requireText } from './fields';
import { isHandle } from '../folder/names';
import { appendItem, readForEdit, setValue } from './yamlEdit';

export const DEFAULT_CADENCE_DAYS = 14;

export interface NewAgenda {
  date: string;
  preparedBy: string;
  /** The previous session (its data, or its file's text): its open actions and follow-ups carry over. */
  previous?: Session | string;
  /** Days until the proposed next session; default 14. */
  cadenceDays?: number;
  objectives?: string[];
}

export type ActionList = 'actions' | 'follow_ups';

/**
 * The text of a new agenda file: fields in the documented order, empty values to fill in, the
 * previous session's open items as `follow_ups`, and `next_session` left empty for the pair to
 * agree: the date the cadence proposes is only in its comment, so a date in the field is always
 * one a person set (health's "next session agreed").
 */
export function newAgendaText(agenda: NewAgenda): string {
  checkDate(agenda.date, 'date');
  if (!isHandle(agenda.preparedBy))
    throw new EditError(`"${agenda.preparedBy}" is not a handle (lower-case letters, digits and single hyphens)`);
  const cadence = agenda.cadenceDays ?? DEFAULT_CADENCE_DAYS;
  if (!Number.isInteger(cadence) || cadence < 1 || cadence > 366)
    throw new EditError(`cadence of ${cadence} days is not a whole number of days from 1 to 366`);
  const objectives = (agenda.objectives ?? []).filter((objective) => objective.trim() !== '');
  const fields: [string, unknown, string][] = [
    ['date', agenda.date, ''],
    ['prepared_by', agenda.preparedBy, ''],
    ['objectives', objectives, 'Today I would like to accomplish...'],
    ['topics', [], 'questions for the mentor; `goal:` links one to a goal'],
    ['ideas', [], 'my own ideas, to get feedback on'],
    ['follow_ups', openItems(agenda.previous), "last session's open actions"],
    ['notes', '', 'during or after the session'],
    ['actions', [], 'new commitments: text, owner, due'],
    [
      'next_session',
      null,
      `when should we meet again? Every ${cadence} days would be ${addDays(agenda.date, cadence)}`,
    ],
    ['thanks', '', "acknowledge the mentor's time"],
  ];
  const lines = [`# Agenda for the mentoring session of ${agenda.date}, prepared by ${agenda.preparedBy}.`];
  for (const [key, value, comment] of fields) {
    const [first, ...rest] =
      value === null
        ? [`${key}:`]
        : stringify({ [key]: value }, { lineWidth: 0 })
            .trimEnd()
            .split('\n');
    lines.push(comment === '' ? first : `${first}  # ${comment}`, ...rest);
  }
  return `${lines.join('\n')}\n`;
}

/** The previous session's actions and follow-ups that are not done, oldest first, as new follow-ups. */
export function openItems(previous: Session | string | undefined): Action[] {
  if (previous === undefined) return [];
  const session = typeof previous === 'string' ? readForEdit(previous) : previous;
  const carried: Action[] = [];
  for (const list of ['follow_ups', 'actions'] as const) {
    const items = session[list];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      if (!isRecord(item) || item.done === true || typeof item.text !== 'string') continue;
      const action: Action = { text: item.text, owner: typeof item.owner === 'string' ? item.owner : '' };
      if (typeof item.due === 'string') action.due = item.due;
      action.done = false;
      carried.push(action);
    }
  }
  return carried;
}

export function addAction(text: string, action: { text: string; owner: string; due?: string }): string {
  const entry: Record<string, unknown> = { text: requireText(action.text, 'an action needs a text') };
  if (!isHandle(action.owner))
    throw new EditError(`owner "${action.owner}" is not a handle (lower-case letters, digits and single hyphens)`);
  entry.owner = action.owner;
  if (action.due !== undefined && action.due !== '') {
    checkDate(action.due, 'due');
    entry.due = action.due;
  }
  return appendItem(text, ['actions'], entry);
}

/** Ticks (or unticks) item `index` of `actions` or `follow_ups`. */
export function setActionDone(text: string, list: ActionList, index: number, done: boolean): string {
  if (list !== 'actions' && list !== 'follow_ups') throw new EditError(`"${String(list)}" is not a list of actions`);
  const items = readForEdit(text)[list];
  const count = Array.isArray(items) ? items.length : 0;
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new EditError(`${list} has no item ${index + 1} (it has ${count})`);
  }
  return setValue(text, [list, index, 'done'], done);
}

export function addObjective(text: string, objective: string): string {
  return appendItem(text, ['objectives'], requireText(objective, 'an objective needs a text'));
}

export function addTopic(text: string, topic: { question: string; goal?: string }): string {
  const entry: Record<string, unknown> = { question: requireText(topic.question, 'a topic needs a question') };
  if (topic.goal !== undefined && topic.goal !== '') entry.goal = topic.goal;
  return appendItem(text, ['topics'], entry);
}

export function addIdea(text: string, idea: string): string {
  return appendItem(text, ['ideas'], requireText(idea, 'an idea needs a text'));
}

/** The answer to "when should we meet again?"; `null` when not agreed yet. */
export function setNextSession(text: string, date: string | null): string {
  if (date !== null) checkDate(date, 'next_session');
  return setValue(text, ['next_session'], date);
}

export function setNotes(text: string, notes: string): string {
  return setValue(text, ['notes'], notes);
}

export function setThanks(text: string, thanks: string): string {
  return setValue(text, ['thanks'], thanks);
}
