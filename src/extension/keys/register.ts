// "Mentoring: Set Up My Key": an age identity for sealed fields, kept in this machine's
// SecretStorage (never on disk, in a setting or in the repository), with its recipient written
// into my people file as a change to share, by the same core function as `mentoring keys init`.
// With a key here already: show my recipient, or add a new key beside it. On another machine
// ("Add This Device") a new key's recipient is added beside the ones my people file lists.
import * as vscode from 'vscode';
import { addRecipient } from '../../core/app/keys';
import { createIdentity, recipientOf, recipientsOf } from '../../core/seal';
import { personPath, toRel } from '../../core/folder/paths';
import { COMMAND } from '../commands/ids';
import { registerCommand } from '../commands/registerCommand';
import type { Controller } from '../state/controller';
import { requireTrust } from '../workbench/trust';
import type { KeyRing } from './keyRing';
import { shownText } from '../workbench/shownText';

interface Choice extends vscode.QuickPickItem {
  run: () => Promise<void>;
}

export function registerKeys(c: Controller, keys: KeyRing): vscode.Disposable[] {
  return [registerCommand(COMMAND.setUpMyKey, () => setUpMyKey(c, keys))];
}

async function setUpMyKey(c: Controller, keys: KeyRing): Promise<void> {
  requireTrust('set up your key (it writes your people file)');
  await c.start();
  const root = c.store.root;
  const model = c.store.model;
  if (!root || !c.store.folderAbs || !model?.exists)
    throw new Error('Set up the mentoring folder first (Mentoring: Set Up Mentoring Folder).');
  const me = c.myHandle;
  if (!me) {
    const pick = 'Pick My Person';
    if ((await vscode.window.showWarningMessage(shownText(c.me.kind === 'unknown' ? c.me.reason : ''), pick)) === pick)
      await vscode.commands.executeCommand(COMMAND.pickMe);
    return;
  }
  const folder = toRel(root, c.store.folderAbs);
  const listed = recipientsOf(model, me);
  const here = await keys.identities();
  const hereRecipients = await Promise.all(here.map((identity) => recipientOf(identity)));
  const keep = async (identity: string, recipient: string) => {
    // My people file is written on disk: unsaved changes to it in an editor would be lost.
    const mine = personPath(c.store.folderAbs!, me);
    if (vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'file' && d.uri.fsPath === mine && d.isDirty))
      throw new Error(
        `${toRel(root, mine)} is open with unsaved changes: save or revert it first, then set up your key again.`,
      );
    await keys.add(identity);
    const { file, added } = await addRecipient(root, folder, me, recipient);
    c.store.patchSoon([vscode.Uri.joinPath(vscode.Uri.file(root), file).fsPath]);
    await c.keysChanged();
    await tellToShare(file, added);
  };
  const fresh = async () => {
    const { identity, recipient } = await createIdentity();
    await keep(identity, recipient);
  };
  const existing = async () => {
    const identity = await vscode.window.showInputBox({
      title: 'Use a Key I Already Have',
      prompt: 'Paste an age identity (AGE-SECRET-KEY-1…), for example the one `mentoring keys show` uses',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) =>
        recipientOf(value).then(
          () => undefined,
          () => 'This is not an age identity (AGE-SECRET-KEY-1…).',
        ),
    });
    if (!identity) return;
    await keep(identity.trim(), await recipientOf(identity));
  };
  const choices: Choice[] = [];
  if (here.length === 0) {
    choices.push(
      listed.length === 0
        ? { label: '$(key) Create My Key', detail: 'A new key kept in this machine’s secret storage', run: fresh }
        : {
            label: '$(device-desktop) Add This Device',
            detail: `A new key for this machine, beside the ${listed.length === 1 ? 'key' : `${listed.length} keys`} your people file lists`,
            run: fresh,
          },
    );
  } else {
    const mine = hereRecipients[hereRecipients.length - 1];
    choices.push(
      {
        label: '$(copy) Show My Recipient',
        detail: `${mine} (copied to the clipboard)`,
        run: async () => {
          await vscode.env.clipboard.writeText(mine);
          void vscode.window.showInformationMessage(shownText(`Your recipient ${mine} is copied to the clipboard.`));
        },
      },
      { label: '$(add) Add a New Key', detail: 'Another key on this machine, beside the one you have', run: fresh },
    );
    // A key kept here whose recipient my people file no longer lists is of no use to the pair.
    const missing = hereRecipients.filter((r) => !listed.includes(r));
    if (missing.length > 0)
      choices.unshift({
        label: '$(warning) Add My Recipient Again',
        detail: `Your people file does not list ${missing.join(', ')}`,
        run: async () => {
          for (const r of missing) await keep(here[hereRecipients.indexOf(r)], r);
        },
      });
  }
  choices.push({ label: '$(key) Use a Key I Already Have…', detail: 'Paste an age identity', run: existing });
  const picked = await vscode.window.showQuickPick(choices, {
    title: 'Mentoring: Set Up My Key',
    placeHolder: 'Your key seals what stays between you and your mentoring partner',
  });
  await picked?.run();
}

async function tellToShare(file: string, added: boolean): Promise<void> {
  if (!added) {
    void vscode.window.showInformationMessage(shownText(`Your key is kept on this machine; ${file} lists it already.`));
    return;
  }
  const share = 'Share';
  const answer = await vscode.window.showInformationMessage(
    shownText(
      `Your key is kept in this machine's secret storage, and your recipient was added to ${file}. Share it, so what stays between you and your partner can be sealed to you.`,
    ),
    share,
  );
  if (answer === share) await vscode.commands.executeCommand(COMMAND.share);
}
