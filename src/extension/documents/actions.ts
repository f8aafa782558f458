// What the sidebar and the commands do to the mentoring folder. Every action checks that the
// workspace is trusted, that the access policy lets me edit the file's pair, and that it is not broken.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { prepareAgenda } from '../../core/app/agenda';
import { newFeedbackText } from '../../core/edit';
import { share, type ShareResult } from '../../core/app/share';
import type { CodeRef, FeedbackKind, LoadedFile, PairModel } from '../../core/folder/model';
import { slugify } from '../../core/folder/names';
import { lineEndingFor, withLineEnding } from '../../core/fs';
import { feedbackPath, resolveInside, toRel } from '../../core/folder/paths';
import { feedbackGiverFor, hasEnded, mayEdit, mayReadPrivate, pairFileAt } from '../../core/policy/access';
import { fileToOpen } from '../../core/app/openFile';
import { errorMessage } from '../../shared/errors';
import type { EditOp } from '../../protocol/messages';
import type { Controller } from '../state/controller';
import { applyEditOp, fileKindFor, goalNamedBy } from './editOps';
import { sealEditOp, sealQuestion, type SealTo } from './sealOps';
import { pairRecipients, sealedFieldsFor } from '../../core/seal';
import { localToday } from '../../core/app/today';
import { createDocument, editDocument, EditRefused, refuseUnsafePath, type EditOutcome } from './workspaceEdits';
import { requireTrust } from '../workbench/trust';
import { openCodeAtCommit } from './codeDocuments';
import { branchSetting } from '../state/settings';
import { PrivateNoteActions } from '../privateNotes/notes';
import { shownText } from '../workbench/shownText';

export interface FeedbackDraft {
  pairId: string;
  question: string;
  kind: FeedbackKind;
  goal?: string;
  code?: CodeRef;
}

interface FoundFile {
  pair: PairModel;
  file: LoadedFile<unknown>;
  uri: vscode.Uri;
}

export class Actions {
  /** My private notes: saved and opened beside the shared files, never through git. */
  readonly privateNotes: PrivateNoteActions;

  constructor(private readonly c: Controller) {
    this.privateNotes = new PrivateNoteActions(c);
  }

  private writableRoot(): { root: string; folder: string } {
    requireTrust('change the mentoring folder');
    const root = this.c.store.root;
    const folder = this.c.store.folderAbs;
    if (!root || !folder) throw new EditRefused('Open a folder first.');
    return { root, folder };
  }

  private myHandle(): string {
    if (this.c.me.kind !== 'known') throw new EditRefused(`${this.c.me.reason} Pick your person first.`);
    return this.c.me.handle;
  }

  /** A file of a pair I may edit, by its root-relative path; nothing else can be named from the webview. */
  private find(rel: string): FoundFile {
    const { root, folder } = this.writableRoot();
    const abs = resolveInside(root, rel, folder);
    if (!abs) throw new EditRefused(`"${rel}" is not inside the mentoring folder.`);
    const found = pairFileAt(this.c.store.model, rel);
    if (!found) throw new EditRefused(`${rel} is not a plan, agenda or feedback file of the mentoring folder.`);
    if (!mayEdit(this.c.accessTo(found.pair.id)))
      throw new EditRefused(`${rel} belongs to a pair you are not part of; only its mentee and mentor edit it.`);
    refuseEnded(found.pair);
    const uri = vscode.Uri.file(abs);
    refuseUnsafePath(uri);
    return { ...found, uri };
  }

  private refuseBroken(found: FoundFile): void {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === found.uri.fsPath);
    // A dirty editor is checked by `editDocument` against its own text; the model knows the disk.
    if (open?.isDirty) return;
    const error = found.file.problems.find((p) => p.severity === 'error');
    if (error)
      throw new EditRefused(
        `${error.file}:${error.line}:${error.col}: ${error.message}. Fix the file first; it was not changed.`,
      );
  }

  async edit(rel: string, op: EditOp): Promise<EditOutcome> {
    const found = this.find(rel);
    if (found.file.kind !== fileKindFor(op)) throw new EditRefused(`${rel} is not a ${fileKindFor(op)} file.`);
    this.refuseBroken(found);
    requireGoal(found.pair, goalNamedBy(op));
    // The pair's words in a sealed field are sealed here, in the extension host, before they are written.
    const written = await sealEditOp(op, this.sealTo(found.pair));
    const outcome = await editDocument(found.uri, (text) => applyEditOp(text, written, localToday()));
    // Only the file written is read again (the folder index is patched), not the folder.
    this.c.store.patchSoon([found.uri.fsPath]);
    return outcome;
  }

  /** What a pair's sealed fields are sealed to: nothing until both of them have a key. */
  private sealTo(pair: PairModel): SealTo {
    const model = this.c.store.model;
    if (!model) return { fields: [], recipients: [] };
    const { recipients, withoutKey } = pairRecipients(model, pair.id);
    return { fields: sealedFieldsFor(model, pair.id), recipients: withoutKey.length > 0 ? [] : recipients };
  }

  async prepareAgenda(pairId: string, date: string): Promise<vscode.Uri> {
    this.writableRoot();
    const model = this.c.store.model;
    const pair = this.c.visiblePair(pairId);
    const preparedBy = this.myHandle();
    if (!model || !pair || (pair.mentee !== preparedBy && pair.mentor !== preparedBy))
      throw new EditRefused(`You are not part of the pair ${pairId}.`);
    refuseEnded(pair);
    const agenda = prepareAgenda({ model, pairId, preparedBy, date, today: localToday() });
    const uri = vscode.Uri.file(agenda.path);
    await createDocument(uri, agenda.text);
    this.c.store.patchSoon([uri.fsPath]);
    return uri;
  }

  /** Share with one file: the agenda goes to the mentoring branch (and its remote) by itself. */
  async commitAgenda(rel: string): Promise<string> {
    const found = this.find(rel);
    if (found.file.kind !== 'session') throw new EditRefused(`${rel} is not an agenda.`);
    const { root, folder } = this.writableRoot();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === found.uri.fsPath);
    if (doc?.isDirty) {
      const save = 'Save and Commit';
      const answer = await vscode.window.showWarningMessage(
        shownText(`${rel} has unsaved changes.`),
        { modal: true },
        save,
      );
      if (answer !== save) throw new EditRefused('Not committed: the agenda has unsaved changes.');
      if (!(await doc.save())) throw new EditRefused(`${rel} could not be saved; not committed.`);
    }
    this.refuseBroken(found);
    const result = await share(root, {
      folder: toRel(root, folder),
      pair: found.pair.id,
      only: [toRel(root, found.uri.fsPath)],
      branch: branchSetting(),
      identities: await this.c.myIdentities(),
    });
    this.c.store.gitChanged();
    return agendaShared(result, path.basename(rel, '.yaml'));
  }

  async askFeedback(draft: FeedbackDraft): Promise<vscode.Uri> {
    const { folder } = this.writableRoot();
    const pair = this.c.visiblePair(draft.pairId);
    const askedBy = this.myHandle();
    const askedOf = pair && mayEdit(this.c.accessTo(pair.id)) ? feedbackGiverFor(pair, askedBy) : undefined;
    if (!pair || !askedOf) throw new EditRefused(`You are not part of the pair ${draft.pairId}.`);
    refuseEnded(pair);
    requireGoal(pair, draft.goal);
    const asked = localToday();
    const to = this.sealTo(pair);
    const question = await sealQuestion(draft.question.trim(), to);
    // A sealed question does not name its file either.
    const slug = question === draft.question.trim() ? slugify(draft.question) : 'request';
    let uri = vscode.Uri.file(feedbackPath(folder, pair.id, asked, slug));
    for (let n = 2; (await exists(uri)) && n < 100; n++)
      uri = vscode.Uri.file(feedbackPath(folder, pair.id, asked, `${slug}-${n}`));
    const fresh = newFeedbackText({
      askedBy,
      askedOf,
      asked,
      kind: draft.kind,
      goal: draft.goal,
      code: draft.code,
      question,
    });
    const root = this.c.store.root ?? folder;
    await createDocument(uri, withLineEnding(fresh, lineEndingFor(root, uri.fsPath)));
    this.c.store.patchSoon([uri.fsPath]);
    return uri;
  }

  async openFile(rel: string, line?: number, col?: number): Promise<void> {
    let abs: string;
    try {
      // The policy, not the webview, decides: a coordinator never opens what stays between a pair.
      abs = fileToOpen(this.c.store.model, this.c.myHandle, rel);
    } catch (error) {
      throw new EditRefused(errorMessage(error));
    }
    const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), Math.max(0, (col ?? 1) - 1));
    refuseUnsafePath(vscode.Uri.file(abs));
    await vscode.window.showTextDocument(vscode.Uri.file(abs), {
      selection: new vscode.Range(position, position),
      preview: false,
    });
  }

  /** Opens the code a feedback request is about, with its lines selected (another repository's: at its commit). */
  async openCode(feedbackRel: string): Promise<void> {
    const root = this.c.store.root;
    const feedback = this.c.store.model?.pairs
      .flatMap((p) => (mayReadPrivate(this.c.accessTo(p.id)) ? p.feedback : []))
      .find((f) => f.rel === feedbackRel);
    const code = feedback?.data?.code;
    if (!root || !code) throw new EditRefused('This request is not about code.');
    if (typeof code.repository === 'string' && code.repository !== '')
      return openCodeAtCommit({ ...code, repository: code.repository });
    const abs = resolveInside(root, code.path, root);
    if (!abs) throw new EditRefused(`"${code.path}" is not inside the workspace.`);
    // A link inside the workspace may point anywhere (/etc): the editor never opens its target.
    if (refuseUnsafePath(vscode.Uri.file(abs)) !== 'file')
      throw new EditRefused(`${code.path} is not a file in the workspace.`);
    const [from, to] = code.lines;
    const range = new vscode.Range(Math.max(0, from - 1), 0, Math.max(0, (to ?? from) - 1), Number.MAX_SAFE_INTEGER);
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(abs), { selection: range, preview: false });
    } catch {
      throw new EditRefused(
        `${code.path} is not in the workspace any more${code.commit ? `; it was asked about at commit ${code.commit.slice(0, 7)}` : ''}.`,
      );
    }
  }
}

/**
 * A goal a message names must be one of the pair's plan as loaded: otherwise the edit would write a
 * file that `validate` rejects (a topic or request about a goal that does not exist).
 */
function requireGoal(pair: PairModel, goal: string | undefined): void {
  if (goal === undefined) return;
  const goals = (Array.isArray(pair.plan?.data?.goals) ? pair.plan.data.goals : []).map((g) => g?.id);
  if (goals.includes(goal)) return;
  const known = goals.length > 0 ? `its goals are ${goals.join(', ')}` : 'it has no goals yet';
  throw new EditRefused(
    `The plan of ${pair.id} has no goal "${goal}" (${known}); save the plan if you just added it, then try again. Nothing was changed.`,
  );
}

/** What the agenda's share did, in the words "Commit agenda" has always used when it committed. */
function agendaShared(result: ShareResult, date: string): string {
  if (result.status === 'conflict' || result.status === 'nothing') throw new EditRefused(result.summary);
  if (result.status !== 'shared' && result.status !== 'committed') return result.summary;
  const done = `Committed the agenda for ${date} (${result.commit?.slice(0, 7)}) to ${result.branch}`;
  const pushed = result.pushed ? ` and pushed it to ${result.remote}` : '';
  const failed = result.pushError ? ` Not pushed: ${result.pushError}; share again to retry.` : '';
  return `${done}${pushed}: "${result.message}".${failed}`;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function refuseEnded(pair: PairModel): void {
  if (hasEnded(pair)) throw new EditRefused(`${pair.id} has ended: its folder stays as the record and is not changed.`);
}
