// Holds the loaded mentoring folder and keeps it fresh: a file watcher on the folder plus
// document changes, debounced, so a git checkout, a pull or typing in the YAML shows up in
// the sidebar within a second. Nothing is read until `start()` (the view was first shown or
// a command needs the data): activation alone scans no files and runs no git.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Reload } from '../../shared/reload';
import { uncommittedPaths } from '../../core/git/repository';
import { loadMentoring } from '../../core/folder/load';
import type { MentoringModel } from '../../core/folder/model';
import { folderSetting, workspaceRoot } from './settings';
import { isTrusted } from '../workbench/trust';

export class MentoringStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watcher: vscode.Disposable | undefined;
  private readonly reload = new Reload(() => this.load());
  private started = false;

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
        if (event.contentChanges.length > 0 && this.isMentoringFile(event.document.uri)) this.refreshSoon();
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.isMentoringFile(doc.uri)) this.refreshSoon();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('mentoring.folder')) {
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

  /** Loads for the first time and starts watching; later calls wait for the current load. */
  async start(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.watch();
      await this.refresh();
    } else await this.reload.idle();
  }

  refreshSoon(): void {
    if (this.started) this.reload.soon();
  }

  /** Reloads now; a request during a load runs one more load after it, never two at once. */
  async refresh(): Promise<void> {
    if (this.started) await this.reload.now();
  }

  private async load(): Promise<void> {
    const root = this.root;
    if (!root) {
      this.model = undefined;
      this.changed.fire();
      return;
    }
    const folder = folderSetting();
    try {
      this.model = await loadMentoring(root, { folder });
      this.lastError = undefined;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
    }
    this.uncommitted = undefined;
    if (isTrusted() && this.model?.exists) {
      try {
        this.uncommitted = new Set(await uncommittedPaths(root, folder));
      } catch {
        // Not a git repository (or no git): nothing is committed, which the sidebar shows as such.
      }
    }
    this.changed.fire();
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
    const root = vscode.workspace.workspaceFolders?.[0];
    if (!root || !this.started) return;
    const pattern = new vscode.RelativePattern(root, `${folderSetting()}/**`);
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onChange = () => this.refreshSoon();
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
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
