// "Mentoring: Open My Private Notes", and the sidebar following my notes files as I save them in
// an editor (the folder watcher reads only the shared mentoring files).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PRIVATE_FOLDER, isInside } from '../../core/folder/paths';
import { COMMAND } from '../commands/ids';
import { registerCommand } from '../commands/registerCommand';
import type { Controller } from '../state/controller';
import type { PrivateNoteActions } from './notes';
import { shownText } from '../workbench/shownText';

export function registerPrivateNotes(c: Controller, notes: PrivateNoteActions): vscode.Disposable[] {
  return [
    registerCommand(COMMAND.openPrivateNotes, async () => {
      const pairId = await pickPair(c);
      if (pairId) await notes.open(pairId);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const folder = c.store.folderAbs;
      if (folder && doc.uri.scheme === 'file' && isInside(path.join(folder, PRIVATE_FOLDER), doc.uri.fsPath))
        c.privateNotesChanged();
    }),
  ];
}

/** The selected pair, else the only one, else one picked now. */
async function pickPair(c: Controller): Promise<string | undefined> {
  await c.start();
  const pairs = c.visiblePairs();
  if (pairs.length === 0) {
    const why = c.me.kind === 'known' ? 'You have no mentoring relationship yet.' : c.me.reason;
    void vscode.window.showInformationMessage(shownText(`${why} Private notes are kept per relationship.`));
    return undefined;
  }
  const selected = c.selectedPairId;
  if (pairs.length === 1 || selected) return selected ?? pairs[0].pair.id;
  const picked = await vscode.window.showQuickPick(
    pairs.map(({ pair }) => ({ label: pair.id, id: pair.id })),
    { title: 'Open my private notes about…' },
  );
  return picked?.id;
}
