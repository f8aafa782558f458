// Who I am follows git: watches the files git takes `user.email` from (the repository's config,
// a worktree's own, the global ones) and says when one changes, so `git config user.email …`
// shows in the sidebar without a Refresh. The files may be outside the workspace, hence one
// watcher per file on its own folder. Watching starts only when asked, in a trusted workspace.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { userConfigFiles } from '../../core/git/repository';

export class GitConfigWatcher implements vscode.Disposable {
  private watchers: vscode.Disposable | undefined;
  private root: string | undefined;

  constructor(private readonly onChange: () => void) {}

  /** Watches the config files of `root` (again only when the root changed). */
  async watch(root: string): Promise<void> {
    if (this.root === root) return;
    this.stop();
    this.root = root;
    const files = await userConfigFiles(root);
    if (this.root !== root) return; // Another root was asked for meanwhile.
    this.watchers = vscode.Disposable.from(...files.map((file) => this.watchFile(file)));
  }

  private watchFile(file: string): vscode.Disposable {
    const pattern = new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file));
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const changed = () => this.onChange();
    return vscode.Disposable.from(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete(changed),
    );
  }

  stop(): void {
    this.watchers?.dispose();
    this.watchers = undefined;
    this.root = undefined;
  }

  dispose(): void {
    this.stop();
  }
}
