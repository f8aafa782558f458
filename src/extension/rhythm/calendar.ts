// "Add to Calendar": the selected pair's next session as an .ics file (core/app/calendar), kept in
// the extension's storage and opened with the system's calendar on request.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { localToday } from '../../core/app/today';
import type { Controller } from '../state/controller';
import { shownText } from '../workbench/shownText';

const OPEN = 'Open in Calendar';

export async function addToCalendar(controller: Controller, storageDir: string, pairArg?: unknown): Promise<void> {
  await controller.start();
  const model = controller.store.model;
  const pairId = typeof pairArg === 'string' ? pairArg : controller.selectedPairId;
  const pair = controller.visiblePair(pairId);
  if (!model || !pair || !pairId) {
    void vscode.window.showInformationMessage('Choose a mentoring relationship in the sidebar first.');
    return;
  }
  const { sessionCalendar, CalendarRefused } = await import('../../core/app/calendar');
  const repeat = await vscode.window.showQuickPick(
    [
      { label: 'The next session', recurring: false },
      { label: 'The next session, repeated every agreed cadence', recurring: true },
    ],
    { placeHolder: `Add the session of ${pairId} to your calendar` },
  );
  if (!repeat) return;
  let calendar;
  try {
    calendar = sessionCalendar(model, pairId, { today: localToday(), recurring: repeat.recurring });
  } catch (error) {
    if (error instanceof CalendarRefused) return void vscode.window.showWarningMessage(shownText(error.message));
    throw error;
  }
  const { writeFileAtomic } = await import('../../core/fs/atomicWrite');
  const dir = join(storageDir, 'calendar');
  await mkdir(dir, { recursive: true });
  const file = join(dir, calendar.fileName);
  await writeFileAtomic(file, calendar.ics);
  const when = calendar.time ? `${calendar.date} at ${calendar.time}` : calendar.date;
  const choice = await vscode.window.showInformationMessage(
    shownText(
      `The session of ${pairId} on ${when} is in ${calendar.fileName}. Importing it again updates the same event.`,
    ),
    OPEN,
  );
  if (choice === OPEN) await vscode.env.openExternal(vscode.Uri.file(file));
}
