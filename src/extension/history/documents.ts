// Old versions of mentoring files as read-only documents: `mentoring-history:/<path>?<commit>`,
// read with `git cat-file --batch` through the hardened git module. A virtual document works in
// every VS Code (desktop, code-server) without depending on the built-in git extension's URIs.
import * as vscode from 'vscode';
import { SCHEME } from '../commands/ids';
import { readObjects } from '../../core/git/objects';
import { GitError } from '../../core/git/runner';
import { resolveInside } from '../../core/folder/paths';
import { folderSetting, workspaceRoot } from '../state/settings';
import { requireTrust } from '../workbench/trust';

export const HISTORY_SCHEME = SCHEME.history;

/** A commit id, optionally its first parent (`^`). */
const REF = /^(?:[0-9a-f]{40}|[0-9a-f]{64})\^?$/;

/** The document of `file` (relative to the workspace root) at `ref`. */
export function historyUri(file: string, ref: string): vscode.Uri {
  return vscode.Uri.from({ scheme: HISTORY_SCHEME, path: `/${file}`, query: ref });
}

/** The file's content at `ref`; refuses anything outside the mentoring folder, and runs no git when untrusted. */
export async function readVersion(file: string, ref: string): Promise<string> {
  requireTrust('open old versions, which are read from git');
  const root = workspaceRoot();
  if (!root) throw new GitError('Open a folder first.');
  const folder = resolveInside(root, folderSetting(), root) ?? root;
  if (!REF.test(ref) || !resolveInside(root, file, folder) || file.startsWith('-'))
    throw new GitError(`"${file}" at "${ref}" is not a version of a mentoring file.`);
  // `<rev>:./<path>` is relative to the working directory, which is the workspace root.
  const [content] = await readObjects(root, [`${ref}:./${file}`]);
  if (!content) throw new GitError(`"${file}" is not in the repository at ${ref.slice(0, 7)}.`);
  return content.toString('utf8');
}

/** Whether `file` exists at `ref`. */
export async function versionExists(file: string, ref: string): Promise<boolean> {
  try {
    await readVersion(file, ref);
    return true;
  } catch {
    return false;
  }
}

export class HistoryDocuments implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return readVersion(uri.path.replace(/^\//, ''), uri.query);
  }
}

/**
 * Opens `file` as it was at `commit`: a diff against the version before it when the file was
 * there before, else that version alone.
 */
export async function openVersion(file: string, commit: string, title: string): Promise<void> {
  const after = historyUri(file, commit);
  const before = historyUri(file, `${commit}^`);
  if (await versionExists(file, `${commit}^`)) {
    await vscode.commands.executeCommand('vscode.diff', before, after, title, { preview: true });
  } else {
    const document = await vscode.workspace.openTextDocument(after);
    await vscode.window.showTextDocument(document, { preview: true });
  }
}
