// The relationship's rhythm from the moment the editor starts: the next session in the status bar
// and the day's reminders, without the sidebar being opened. Until the sidebar has loaded the whole
// folder, only my own pairs are read (myPairs.ts); after that its model is used. The check runs at
// startup and again when the calendar day changes.
import * as vscode from 'vscode';
import { localToday } from '../../core/app/today';
import { COMMAND } from '../commands/ids';
import { registerCommand } from '../commands/registerCommand';
import type { Controller } from '../state/controller';
import { folderSetting, mentoringConfig, workspaceRoot } from '../state/settings';
import type { WorkspaceStorage } from '../state/storage';
import { isTrusted } from '../workbench/trust';
import type { SessionStatusBar } from '../workbench/statusBar';
import { addToCalendar } from './calendar';
import { loadMyFolder } from './myPairs';
import { activeSnoozes, notifyOnce } from './notify';

export const REMINDERS_SETTING = 'reminders.enabled';
/** How often to look whether the calendar day has changed. */
const DAY_CHECK_MS = 15 * 60 * 1000;

export interface RhythmDeps {
  controller: Controller;
  storage: WorkspaceStorage;
  statusBar: SessionStatusBar;
  /** Where "Add to Calendar" keeps its .ics files (the extension's global storage). */
  storageDir: string;
  /** Shows a pair's next session in the sidebar. */
  revealSession: (pairId: string) => Promise<void>;
}

export function registerRhythm(deps: RhythmDeps): vscode.Disposable[] {
  let checkedOn: string | undefined;
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      checkedOn = await checkToday(deps);
    } catch {
      // A reminder is a courtesy: a folder that cannot be read now is shown by the sidebar.
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => {
    if (checkedOn !== undefined && checkedOn !== localToday()) void check();
  }, DAY_CHECK_MS);
  void check();
  return [
    { dispose: () => clearInterval(timer) },
    registerCommand(COMMAND.addToCalendar, (pairId?: unknown) =>
      addToCalendar(deps.controller, deps.storageDir, pairId),
    ),
    registerCommand(COMMAND.showNextSession, async (pairId?: unknown) => {
      const id = typeof pairId === 'string' ? pairId : deps.controller.selectedPairId;
      if (id) await deps.revealSession(id);
      else await vscode.commands.executeCommand(COMMAND.openSidebar);
    }),
  ];
}

/** Updates the status bar (while the sidebar has not loaded) and shows the day's reminders; returns the day checked. */
async function checkToday(deps: RhythmDeps): Promise<string | undefined> {
  const root = workspaceRoot();
  if (!root) return undefined;
  const today = localToday();
  const { controller, storage } = deps;
  const loaded = controller.readableModel; // my pairs opened with my keys
  const mine =
    loaded && controller.me.kind !== 'unknown'
      ? { model: loaded, me: controller.me }
      : await loadMyFolder(root, folderSetting(), controller.identity);
  if (!mine) return today;
  if (!controller.store.model) {
    const { buildState } = await import('../sidebar/viewModel');
    const { knownPeople } = await import('../../core/folder/people');
    const state = buildState({
      model: mine.model,
      loading: false,
      trusted: isTrusted(),
      hasWorkspace: true,
      folder: folderSetting(),
      today,
      me: mine.me,
      people: knownPeople(mine.model).map((p) => ({ handle: p.handle, name: p.name })),
      selectedPairId: selectedPair(
        storage,
        mine.model.pairs.map((pair) => pair.id),
      ),
      isCommitted: () => true,
    });
    if (!controller.store.model) deps.statusBar.update(state);
  }
  if (mine.me.kind !== 'known' || !mentoringConfig().get<boolean>(REMINDERS_SETTING, true)) return today;
  const me = mine.me.handle;
  const { reminders, notSharedFiles, mayNeedShareCheck } = await import('../../core/app/remind');
  const snoozed = activeSnoozes(storage, today);
  // git runs only when an agenda of mine is close enough for "not shared" to matter.
  const notShared =
    isTrusted() && mayNeedShareCheck(mine.model, me, today) ? await notSharedFiles(root, folderSetting()) : undefined;
  const items = reminders(mine.model, me, { today, notShared, snoozed });
  await notifyOnce(
    {
      storage,
      root,
      prepareAgenda: async (pairId) => {
        await controller.start();
        await controller.selectPair(pairId);
        await vscode.commands.executeCommand(COMMAND.prepareAgenda);
      },
    },
    me,
    today,
    items,
  );
  return today;
}

function selectedPair(storage: WorkspaceStorage, pairs: string[]): string | undefined {
  const chosen = storage.get('mentoring.selectedPair');
  return chosen !== undefined && pairs.includes(chosen) ? chosen : pairs[0];
}
