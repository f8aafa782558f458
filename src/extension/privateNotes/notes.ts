// Saving and opening my private notes (`.mentoring/.private/`): written by the core through the fs
// door (atomic, the folder git-ignored first), never through git. The sidebar's Save refuses while
// an editor holds unsaved changes to the same file, so neither text overwrites the other; the
// sidebar keeps its draft until the save lands.
import * as vscode from 'vscode';
import { ensurePrivateNoteFile, privateNotePath, writePrivateNote } from '../../core/app/privateNotes';
import { toRel } from '../../core/folder/paths';
import type { Controller } from '../state/controller';
import { EditRefused, refuseUnsafePath } from '../documents/workspaceEdits';
import { requireTrust } from '../workbench/trust';

export class PrivateNoteActions {
  constructor(private readonly c: Controller) {}

  private place(pairId: string): { root: string; folder: string } {
    requireTrust('write your private notes');
    const root = this.c.store.root;
    const folder = this.c.store.folderAbs;
    if (!root || !folder) throw new EditRefused('Open a folder first.');
    // Notes about a pair I may see, mine whatever my part in it.
    if (!this.c.visiblePair(pairId)) throw new EditRefused(`You are not part of the pair ${pairId}.`);
    return { root, folder };
  }

  /** Saves my note about the pair (no date) or one of its sessions; answers with nothing to say. */
  async save(pairId: string, date: string | undefined, text: string): Promise<void> {
    const { root, folder } = this.place(pairId);
    const abs = privateNotePath(folder, { pairId, date });
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === abs);
    if (open?.isDirty)
      throw new EditRefused(
        `${toRel(root, abs)} is open with unsaved changes: save or revert it in the editor first. Your text here is kept.`,
      );
    await writePrivateNote(root, folder, { pairId, date }, text);
    this.c.privateNotesChanged();
  }

  /** Opens my notes file about the pair in an editor, made (with a heading) when missing. */
  async open(pairId: string): Promise<void> {
    const { root, folder } = this.place(pairId);
    const abs = privateNotePath(folder, { pairId });
    refuseUnsafePath(vscode.Uri.file(abs));
    await ensurePrivateNoteFile(root, folder, { pairId });
    await vscode.window.showTextDocument(vscode.Uri.file(abs), { preview: false });
    this.c.privateNotesChanged();
  }
}
