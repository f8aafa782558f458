// The code a feedback request from another repository is about, as it was at the commit recorded:
// `mentoring-code:/<path>?commit=<id>&clone=<top folder>`, a read-only document read from git (the
// clone is a workspace folder's repository with the request's remote). A virtual document works in
// every VS Code, desktop or code-server, without the built-in git extension.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeAt, findClone } from '../../core/app/codeReference';
import type { CodeRef } from '../../core/folder/model';
import { SCHEME } from '../commands/ids';
import { requireTrust } from '../workbench/trust';
import { EditRefused } from './workspaceEdits';

export function codeUri(clone: string, commit: string, file: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: SCHEME.code,
    path: `/${file}`,
    query: new URLSearchParams({ commit, clone }).toString(),
  });
}

/** The workspace folders on disk: the clones a request's repository is looked for in. */
function workspaceFolders(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

/** Reads a `mentoring-code:` document; only from a repository that holds a workspace folder. */
async function readCode(uri: vscode.Uri): Promise<string> {
  requireTrust('open code from git');
  const query = new URLSearchParams(uri.query);
  const commit = query.get('commit') ?? '';
  const clone = query.get('clone') ?? '';
  const file = uri.path.replace(/^\//, '');
  const held = workspaceFolders().some((folder) => {
    const rel = path.relative(clone, folder);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
  if (!held) throw new Error(`${clone} is not a repository of this window's folders.`);
  const text = await codeAt(clone, commit, file);
  if (text === undefined) throw new Error(notInClone(file, commit, clone));
  return text;
}

function notInClone(file: string, commit: string, clone: string): string {
  return `${file} at commit ${commit.slice(0, 7)} is not in your clone at ${clone}; fetch it (git fetch) and try again.`;
}

export class CodeDocuments implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return readCode(uri);
  }
}

/**
 * Opens the code of a request about another repository at its commit, lines selected, from the
 * first workspace folder with that remote; says which repository to open when none has it.
 */
export async function openCodeAtCommit(code: CodeRef & { repository: string }): Promise<void> {
  requireTrust('open code from git');
  if (!code.commit)
    throw new EditRefused(
      `The request names ${code.repository} but no commit, so it cannot say which version to open.`,
    );
  const clone = await findClone(workspaceFolders(), code.repository);
  if (!clone)
    throw new EditRefused(
      `${code.path} is in ${code.repository}. Open a clone of that repository in this window (File: Add Folder to Workspace…) to see the lines asked about.`,
    );
  if ((await codeAt(clone, code.commit, code.path)) === undefined)
    throw new EditRefused(notInClone(code.path, code.commit, clone));
  const [from, to] = code.lines;
  const range = new vscode.Range(Math.max(0, from - 1), 0, Math.max(0, (to ?? from) - 1), Number.MAX_SAFE_INTEGER);
  const document = await vscode.workspace.openTextDocument(codeUri(clone, code.commit, code.path));
  await vscode.window.showTextDocument(document, { selection: range, preview: false });
}
