// Says when a ref of the repository moves: HEAD (a commit, a checkout), a branch or a
// remote-tracking branch (a share built off my branch, a fetch, a pull, the git extension's
// autofetch). The index is not watched: reading the exchange runs `git status`, which may write it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { gitDirectory } from '../../core/git/repository';

const REF_FILES = '{HEAD,FETCH_HEAD,ORIG_HEAD,packed-refs,refs/**}';

export async function watchRefs(root: string, onChange: () => void): Promise<vscode.Disposable> {
  const gitDir = await gitDirectory(root);
  const dirs = [gitDir];
  // A linked worktree has its own HEAD in `<common>/worktrees/<name>`; the branches are in `<common>`.
  if (path.basename(path.dirname(gitDir)) === 'worktrees') dirs.push(path.dirname(path.dirname(gitDir)));
  const watchers = dirs.map((dir) =>
    vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), REF_FILES)),
  );
  return vscode.Disposable.from(
    ...watchers,
    ...watchers.flatMap((w) => [w.onDidChange(onChange), w.onDidCreate(onChange), w.onDidDelete(onChange)]),
  );
}
