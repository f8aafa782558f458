// What the sidebar and the commands do to the mentoring folder. Every action checks that the
// workspace is trusted, that the file belongs to a pair I can see, and that it is not broken.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { newAgendaText, newFeedbackText } from '../../core/edit';
import { commitPaths } from '../../core/git/repository';
import type { FeedbackKind, LoadedFile, PairModel } from '../../core/folder/model';
import { slugify } from '../../core/folder/names';
import { feedbackPath, sessionPath } from '../../core/folder/paths';
import type { EditOp } from '../../protocol/messages';
import type { Controller } from '../state/controller';
import { applyEditOp, fileKindFor } from './editOps';
import { resolveInside, today } from '../state/settings';
import { createDocument, editDocument, EditRefused, type EditOutcome } from './workspaceEdits';

export interface FeedbackDraft {
  pairId: string;
  question: string;
  kind: FeedbackKind;
  goal?: string;
  code?: { path: string; lines: [number, number]; commit?: string };
}

interface FoundFile {
  pair: PairModel;
  file: LoadedFile<unknown>;
  uri: vscode.Uri;
}

export class Actions {
  constructor(private readonly c: Controller) {}

  private writableRoot(): { root: string; folder: string } {
    if (!vscode.workspace.isTrusted)
      throw new EditRefused(
        'This workspace is not trusted, so Mentoring is read-only: nothing is written and git does not run.',
      );
    const root = this.c.store.root;
    const folder = this.c.store.folderAbs;
    if (!root || !folder) throw new EditRefused('Open a folder first.');
    return { root, folder };
  }

  private myHandle(): string {
    if (this.c.me.kind !== 'known') throw new EditRefused(`${this.c.me.reason} Pick your person first.`);
    return this.c.me.handle;
  }

  /** A file of a pair I can see, by its root-relative path; nothing else can be named from the webview. */
  private find(rel: string): FoundFile {
    const { root, folder } = this.writableRoot();
    const abs = resolveInside(root, rel, folder);
    if (!abs) throw new EditRefused(`"${rel}" is not inside the mentoring folder.`);
    for (const pair of this.c.store.model?.pairs ?? []) {
      const files: LoadedFile<unknown>[] = [...(pair.plan ? [pair.plan] : []), ...pair.sessions, ...pair.feedback];
      const file = files.find((f) => f.rel === rel);
      if (file) {
        if (
          !this.c.visiblePair(pair.id) ||
          this.c.me.kind !== 'known' ||
          (pair.mentee !== this.c.me.handle && pair.mentor !== this.c.me.handle)
        ) {
          throw new EditRefused(`${rel} belongs to a pair you are not part of; only its mentee and mentor edit it.`);
        }
        return { pair, file, uri: vscode.Uri.file(abs) };
      }
    }
    throw new EditRefused(`${rel} is not a plan, agenda or feedback file of the mentoring folder.`);
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
    const outcome = await editDocument(found.uri, (text) => applyEditOp(text, op, today()));
    this.c.store.refreshSoon();
    return outcome;
  }

  async prepareAgenda(pairId: string, date: string): Promise<vscode.Uri> {
    const { folder } = this.writableRoot();
    const pair = this.c.visiblePair(pairId);
    const preparedBy = this.myHandle();
    if (!pair || (pair.mentee !== preparedBy && pair.mentor !== preparedBy))
      throw new EditRefused(`You are not part of the pair ${pairId}.`);
    const uri = vscode.Uri.file(sessionPath(folder, pairId, date));
    const previous = [...pair.sessions].reverse().find((s) => s.data?.date !== undefined && s.data.date < date);
    if (previous && previous.problems.some((p) => p.severity === 'error')) {
      throw new EditRefused(
        `The previous agenda ${previous.rel} has problems, so its open actions cannot be carried over. Fix it first.`,
      );
    }
    const cadenceDays = pair.plan?.data?.agreement?.cadence_days;
    const text = newAgendaText({ date, preparedBy, previous: previous?.text, cadenceDays });
    await createDocument(uri, text);
    this.c.store.refreshSoon();
    return uri;
  }

  async commitAgenda(rel: string): Promise<string> {
    const found = this.find(rel);
    if (found.file.kind !== 'session') throw new EditRefused(`${rel} is not an agenda.`);
    const { root } = this.writableRoot();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === found.uri.fsPath);
    if (doc?.isDirty) {
      const save = 'Save and Commit';
      const answer = await vscode.window.showWarningMessage(`${rel} has unsaved changes.`, { modal: true }, save);
      if (answer !== save) throw new EditRefused('Not committed: the agenda has unsaved changes.');
      if (!(await doc.save())) throw new EditRefused(`${rel} could not be saved; not committed.`);
    }
    this.refuseBroken(found);
    const date = path.basename(rel, '.yaml');
    const message = `mentoring(${found.pair.id}): agenda for ${date}`;
    const gitPath = path.relative(root, found.uri.fsPath).split(path.sep).join('/');
    const { commit } = await commitPaths(root, [gitPath], message);
    this.c.store.refreshSoon();
    return `Committed the agenda for ${date} (${commit.slice(0, 7)}): "${message}".`;
  }

  async askFeedback(draft: FeedbackDraft): Promise<vscode.Uri> {
    const { folder } = this.writableRoot();
    const pair = this.c.visiblePair(draft.pairId);
    const askedBy = this.myHandle();
    if (!pair || (pair.mentee !== askedBy && pair.mentor !== askedBy))
      throw new EditRefused(`You are not part of the pair ${draft.pairId}.`);
    const askedOf = askedBy === pair.mentor ? pair.mentee : pair.mentor;
    const asked = today();
    const slug = slugify(draft.question);
    let uri = vscode.Uri.file(feedbackPath(folder, pair.id, asked, slug));
    for (let n = 2; (await exists(uri)) && n < 100; n++)
      uri = vscode.Uri.file(feedbackPath(folder, pair.id, asked, `${slug}-${n}`));
    const text = newFeedbackText({
      askedBy,
      askedOf,
      asked,
      kind: draft.kind,
      goal: draft.goal,
      code: draft.code,
      question: draft.question.trim(),
    });
    await createDocument(uri, text);
    this.c.store.refreshSoon();
    return uri;
  }

  async openFile(rel: string, line?: number, col?: number): Promise<void> {
    const root = this.c.store.root;
    const folder = this.c.store.folderAbs;
    const abs = root && folder ? resolveInside(root, rel, folder) : undefined;
    if (!abs) throw new EditRefused(`"${rel}" is not inside the mentoring folder.`);
    const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), Math.max(0, (col ?? 1) - 1));
    await vscode.window.showTextDocument(vscode.Uri.file(abs), {
      selection: new vscode.Range(position, position),
      preview: false,
    });
  }

  /** Opens the code a feedback request is about, with its lines selected. */
  async openCode(feedbackRel: string): Promise<void> {
    const root = this.c.store.root;
    const feedback = this.c.store.model?.pairs
      .flatMap((p) => (this.c.visiblePair(p.id) ? p.feedback : []))
      .find((f) => f.rel === feedbackRel);
    const code = feedback?.data?.code;
    if (!root || !code) throw new EditRefused('This request is not about code.');
    const abs = resolveInside(root, code.path, root);
    if (!abs) throw new EditRefused(`"${code.path}" is not inside the workspace.`);
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

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
