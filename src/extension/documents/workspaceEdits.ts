// Every write of the sidebar goes through here: the open TextDocument is edited with a
// WorkspaceEdit (so undo, open editors and unsaved changes stay coherent) and saved, unless
// the user already had unsaved changes in it: those are never saved or overwritten silently.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { workspaceRoot } from '../state/settings';
import { checkPath, UnsafePathError, type PathKind } from '../../core/fs';
import { parseYaml } from '../../core/folder/yamlText';

export class EditRefused extends Error {}

export interface EditOutcome {
  changed: boolean;
  saved: boolean;
  /** Set when the document had unsaved changes before the edit, so it was left unsaved. */
  note?: string;
}

/**
 * What `uri` is, after the checks of src/core/fs under the mentoring root (which `mentoring.repository`
 * may put outside the workspace) or its workspace folder: a symbolic link or a FIFO anywhere on the
 * way, or a path outside both, is refused before VS Code
 * opens, creates or saves anything there (a WorkspaceEdit would follow the link).
 */
export function refuseUnsafePath(uri: vscode.Uri): PathKind {
  const root = mentoringRootOf(uri) ?? vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  if (uri.scheme !== 'file' || !root) throw new EditRefused(`${uri.fsPath} is not inside the workspace.`);
  try {
    return checkPath(root, uri.fsPath);
  } catch (error) {
    if (error instanceof UnsafePathError) throw new EditRefused(`${error.message}. Nothing was opened or written.`);
    throw error;
  }
}

/** The mentoring root when `uri` is inside it. */
function mentoringRootOf(uri: vscode.Uri): string | undefined {
  const root = workspaceRoot();
  if (uri.scheme !== 'file' || !root) return undefined;
  const rel = path.relative(root, uri.fsPath);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? root : undefined;
}

/** Applies `transform` to the document's current text; refuses a document that does not parse. */
export async function editDocument(uri: vscode.Uri, transform: (text: string) => string): Promise<EditOutcome> {
  refuseUnsafePath(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const wasDirty = doc.isDirty;
  const text = doc.getText();
  const parsed = parseYaml(text);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    throw new EditRefused(
      `${vscode.workspace.asRelativePath(uri)}:${p.line}:${p.col}: ${p.message}. Fix the file first; it was not changed.`,
    );
  }
  const version = doc.version;
  const next = transform(text);
  if (next === text) return { changed: false, saved: false };
  if (doc.version !== version)
    throw new EditRefused('The file changed while it was being edited; nothing was written. Try again.');
  const edit = new vscode.WorkspaceEdit();
  const { start, end, insert } = minimalChange(text, next);
  edit.replace(uri, new vscode.Range(doc.positionAt(start), doc.positionAt(end)), insert);
  if (!(await vscode.workspace.applyEdit(edit)))
    throw new EditRefused('VS Code did not apply the edit; nothing was written.');
  // Typing that reached the extension host only while the edit was applied makes the document
  // dirty too: it is the user's, so it is not saved for them either.
  if (wasDirty || doc.getText() !== next) {
    return {
      changed: true,
      saved: false,
      note: `${vscode.workspace.asRelativePath(uri)} had unsaved changes, so the edit was made in the editor and not saved. Save it when you are ready.`,
    };
  }
  const saved = await doc.save();
  if (!saved) throw new EditRefused(`${vscode.workspace.asRelativePath(uri)} could not be saved.`);
  return { changed: true, saved };
}

/** Creates a new file with `text`, as one undoable edit; refuses to overwrite. */
export async function createDocument(uri: vscode.Uri, text: string): Promise<void> {
  refuseUnsafePath(uri);
  try {
    await vscode.workspace.fs.stat(uri);
    throw new EditRefused(`${vscode.workspace.asRelativePath(uri)} already exists.`);
  } catch (error) {
    if (error instanceof EditRefused) throw error;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit)))
    throw new EditRefused(`${vscode.workspace.asRelativePath(uri)} could not be created.`);
}

/** The smallest single replacement that turns `before` into `after`, so cursors and folds elsewhere stay put. */
export function minimalChange(before: string, after: string): { start: number; end: number; insert: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < max - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  // Whole lines: never split a CRLF or a surrogate pair.
  start = before.lastIndexOf('\n', start - 1) + 1;
  let end = before.indexOf('\n', before.length - tail);
  if (end === -1) end = before.length;
  const keptTail = before.length - end;
  return { start, end, insert: after.slice(start, after.length - keptTail) };
}
