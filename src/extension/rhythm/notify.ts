// The day's one grouped notification per person: what is due, with Open (where it is handled)
// and Snooze (a day, a week). Shown at most once a day per person; the day it was shown and the
// snoozes are kept in the workspace's storage, never in the repository.
import * as vscode from 'vscode';
import type { Reminder } from '../../core/app/remind';
import { addDays } from '../../shared/dates';
import type { WorkspaceStorage } from '../state/storage';
import { shownItem, shownText } from '../workbench/shownText';

const OPEN = 'Open';
const SNOOZE_DAY = 'Snooze a Day';
const SNOOZE_WEEK = 'Snooze a Week';

export interface NotifyDeps {
  storage: WorkspaceStorage;
  root: string;
  /** Prepare the agenda of a pair's next session (the palette's Prepare Agenda, for that pair). */
  prepareAgenda: (pairId: string) => Promise<void>;
}

/** The snoozes still in force today (older ones are dropped). */
export function activeSnoozes(storage: WorkspaceStorage, today: string): Record<string, string> {
  const all = storage.get('mentoring.reminders.snoozed') ?? {};
  return Object.fromEntries(Object.entries(all).filter(([, until]) => until > today));
}

/** Shows today's reminders of `me` unless they were shown today already. */
export async function notifyOnce(deps: NotifyDeps, me: string, today: string, items: Reminder[]): Promise<void> {
  const shown = deps.storage.get('mentoring.reminders.shownOn') ?? {};
  if (items.length === 0 || shown[me] === today) return;
  await deps.storage.set('mentoring.reminders.shownOn', { ...shown, [me]: today });
  const texts = items.slice(0, 3).map((item) => item.text);
  const more = items.length > 3 ? ` (and ${items.length - 3} more)` : '';
  const message = `Mentoring: ${texts.join(' · ')}${more}`;
  const choice = await vscode.window.showInformationMessage(shownText(message), OPEN, SNOOZE_DAY, SNOOZE_WEEK);
  if (choice === OPEN) await open(deps, items);
  else if (choice === SNOOZE_DAY || choice === SNOOZE_WEEK) {
    const until = addDays(today, choice === SNOOZE_DAY ? 1 : 7);
    const snoozed = activeSnoozes(deps.storage, today);
    for (const item of items) snoozed[item.id] = until;
    await deps.storage.set('mentoring.reminders.snoozed', snoozed);
  }
}

async function open(deps: NotifyDeps, items: Reminder[]): Promise<void> {
  let item: Reminder | undefined = items[0];
  if (items.length > 1) {
    const picked = await vscode.window.showQuickPick(
      items.map((reminder) => shownItem({ label: reminder.text, description: reminder.pair, reminder })),
      { placeHolder: 'Which reminder?', matchOnDescription: true },
    );
    item = picked?.reminder;
  }
  if (!item) return;
  if (item.kind === 'agenda-missing') return deps.prepareAgenda(item.pair);
  const uri = vscode.Uri.joinPath(vscode.Uri.file(deps.root), item.file);
  const line = Math.max((item.line ?? 1) - 1, 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0) });
}
