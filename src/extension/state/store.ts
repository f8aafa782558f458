// Holds the loaded mentoring folder and keeps it fresh. The first load reads the program, the
// people files that could be me (`peopleHint`), my pairs and their people, shows them, then reads
// the other people and pairs in the background (core FolderIndex). After that a change is patched in by path: the file watcher and the editors feed
// the paths they saw, and only those files are read again; an editor's unsaved text of a
// mentoring file stands for the file, live, marked as unsaved. A changed folder or repository
// setting, a new workspace folder or Refresh reads everything again. Nothing is read until `start()` (the view
// was first shown or a command needs the data): activation alone scans no files and runs no git.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Reload } from '../../shared/reload';
import { uncommittedPaths } from '../../core/git/repository';
import { FolderIndex, type PeopleHint, type WhoAmI } from '../../core/folder/folderIndex';
import type { MentoringModel } from '../../core/folder/model';
import { folderSetting, repositorySetting, workspaceRoot } from './settings';
import { isTrusted } from '../workbench/trust';
import { shownText } from '../workbench/shownText';

/** How long typing or file events must pause before they are patched in. */
const PATCH_QUIET_MS = 30;

export class MentoringStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watcher: vscode.Disposable | undefined;
  private readonly reload = new Reload(() => this.load());
  private readonly patches = new Reload(() => this.patch(), PATCH_QUIET_MS);
  /** Paths changed since the last patch, and whether one of them changed on disk. */
  private readonly pending = new Set<string>();
  private pendingOnDisk = false;
  /** Git's view changed (a commit, a pull): what differs from HEAD is asked again at the next patch. */
  private pendingGit = false;
  private index: FolderIndex | undefined;
  /** Resolves once the first part of the newest full load is in (patches wait for it). */
  private firstPart: Promise<void> = Promise.resolve();
  private started = false;
  /** Who I am, asked with the program and the people read: my pairs are read first. */
  whoAmI: WhoAmI = () => undefined;
  /** The people files that could be me: the first load reads only those before asking `whoAmI`. */
  peopleHint: (() => Promise<PeopleHint | undefined>) | undefined;

  model: MentoringModel | undefined;
  /**
   * Files under the folder that differ from HEAD (modified, staged, untracked, ignored), relative
   * to the repository root; undefined when git cannot say (untrusted, not a repository).
   */
  private uncommitted: Set<string> | undefined;
  lastError: string | undefined;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.editorChanged(event.document);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => this.editorChanged(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.editorChanged(doc, true)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('mentoring.repository')) refuseRepositoryAloud();
        if (event.affectsConfiguration('mentoring.folder') || event.affectsConfiguration('mentoring.repository')) {
          this.watch();
          this.refreshSoon();
        } else if (event.affectsConfiguration('mentoring.me')) this.changed.fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watch();
        this.refreshSoon();
      }),
    );
  }

  get isStarted(): boolean {
    return this.started;
  }

  get root(): string | undefined {
    return workspaceRoot();
  }

  get folderAbs(): string | undefined {
    const root = this.root;
    return root ? path.resolve(root, folderSetting()) : undefined;
  }

  /** Loads for the first time and starts watching; resolves when every pair is read. */
  async start(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.watch();
      await this.refresh();
    } else await this.reload.idle();
  }

  /** Reads everything again after a quiet moment. */
  refreshSoon(): void {
    if (this.started) this.reload.soon();
  }

  /** Reads everything again now; a request during a load runs one more load after it, never two at once. */
  async refresh(): Promise<void> {
    if (this.started) await this.reload.now();
  }

  /**
   * After git committed (Share, Commit Agenda) or moved HEAD (Pull): patches in the files it
   * changed (relative to the root; none for a commit of files as they are) and asks git again what
   * is not committed. No full reload.
   */
  gitChanged(relPaths: readonly string[] = []): void {
    const root = this.root;
    if (!this.started || !root) return;
    this.pendingGit = true;
    this.patchSoon(relPaths.map((rel) => path.resolve(root, rel)));
  }

  /** Patches in the changed paths (absolute) after a short quiet moment. */
  patchSoon(paths: string[], onDisk = true): void {
    if (!this.started) return;
    for (const p of paths) this.pending.add(p);
    this.pendingOnDisk ||= onDisk;
    this.patches.soon();
  }

  private async load(): Promise<void> {
    const root = this.root;
    if (!root) {
      this.index = undefined;
      this.model = undefined;
      const repository = repositorySetting();
      this.lastError = repository.kind === 'refused' ? repository.message : undefined;
      this.changed.fire();
      return;
    }
    let index: FolderIndex;
    try {
      index = new FolderIndex(root, { folder: folderSetting() });
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.changed.fire();
      return;
    }
    this.index = index;
    this.pending.clear();
    for (const doc of vscode.workspace.textDocuments)
      if (doc.isDirty && this.isMentoringFile(doc.uri)) index.setUnsaved(doc.uri.fsPath, doc.getText());
    const first = index.loadFirst(this.whoAmI, this.peopleHint);
    this.firstPart = first.catch(() => undefined);
    await first;
    if (this.index !== index) return;
    this.model = index.model;
    this.lastError = undefined;
    await this.readUncommitted(root);
    this.changed.fire();
    await index.loadRest();
    if (this.index !== index) return;
    this.model = index.model;
    this.changed.fire();
  }

  private async patch(): Promise<void> {
    await this.firstPart;
    const index = this.index;
    const root = this.root;
    if (!index || !root || (this.pending.size === 0 && !this.pendingGit)) return;
    const paths = [...this.pending];
    const onDisk = this.pendingOnDisk || this.pendingGit;
    this.pending.clear();
    this.pendingOnDisk = false;
    this.pendingGit = false;
    await index.patch(paths);
    if (this.index !== index) return;
    this.model = index.model;
    this.changed.fire();
    // What git has changes only with the disk; the sidebar is shown first, then told.
    if (onDisk && (await this.readUncommitted(root))) this.changed.fire();
  }

  /** Asks git what differs from HEAD; true when git could say. */
  private async readUncommitted(root: string): Promise<boolean> {
    this.uncommitted = undefined;
    if (!isTrusted() || !this.model?.exists) return false;
    try {
      this.uncommitted = new Set(await uncommittedPaths(root, folderSetting()));
      return true;
    } catch {
      // Not a git repository (or no git): nothing is committed, which the sidebar shows as such.
      return false;
    }
  }

  /** An editor's text of a mentoring file changed, was saved or closed: its unsaved text, or the disk again. */
  private editorChanged(doc: vscode.TextDocument, closed = false): void {
    if (!this.index || !this.isMentoringFile(doc.uri)) return;
    const text = doc.isDirty && !closed ? doc.getText() : undefined;
    if (this.index.setUnsaved(doc.uri.fsPath, text)) this.patchSoon([doc.uri.fsPath], false);
  }

  /** Whether git has this file (relative to the workspace root) as it is on disk: nothing to commit. */
  isCommitted(rel: string): boolean {
    const uncommitted = this.uncommitted;
    if (!uncommitted) return false;
    if (uncommitted.has(rel)) return false;
    // The workspace may be a folder inside the repository, whose paths git names from its root.
    for (const file of uncommitted) if (file.endsWith(`/${rel}`)) return false;
    return true;
  }

  isMentoringFile(uri: vscode.Uri): boolean {
    const folder = this.folderAbs;
    if (uri.scheme !== 'file' || !folder) return false;
    const rel = path.relative(folder, uri.fsPath);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  }

  private watch(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    // The mentoring root, which `mentoring.repository` may put outside every workspace folder.
    const rootPath = this.root;
    if (!rootPath || !this.started) return;
    const root = vscode.Uri.file(rootPath);
    const pattern = new vscode.RelativePattern(root, `${folderSetting()}/**`);
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onChange = (uri: vscode.Uri) => this.patchSoon([uri.fsPath]);
    this.watcher = vscode.Disposable.from(
      watcher,
      watcher.onDidCreate(onChange),
      watcher.onDidChange(onChange),
      watcher.onDidDelete(onChange),
    );
    // The folder itself appearing or going (init, checkout) is not under `folder/**`.
    const parent = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, folderSetting()));
    this.watcher = vscode.Disposable.from(
      this.watcher,
      parent,
      parent.onDidCreate(onChange),
      parent.onDidDelete(onChange),
    );
  }

  dispose(): void {
    this.reload.cancel();
    this.patches.cancel();
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** A `mentoring.repository` just set to something that is not a clone says so at once, not only in the sidebar. */
function refuseRepositoryAloud(): void {
  const repository = repositorySetting();
  if (repository.kind === 'refused')
    void vscode.window.showWarningMessage(shownText(`Mentoring: ${repository.message.replace(/^t/, 'T')}`));
}
