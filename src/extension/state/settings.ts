// The extension's settings and where the workspace is.
import * as vscode from 'vscode';
import { normalizeFolderSetting } from '../../core/folder/paths';

export const FOLDER_SETTING = 'folder';
export const ME_SETTING = 'me';
export const BRANCH_SETTING = 'branch';

/** The workspace root the mentoring folder lives in: the first workspace folder. */
export function workspaceRoot(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

export function mentoringConfig(): vscode.WorkspaceConfiguration {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return vscode.workspace.getConfiguration('mentoring', folder?.uri);
}

/** The mentoring folder setting, relative to the root, with '/'. */
export function folderSetting(): string {
  return normalizeFolderSetting(mentoringConfig().get<string>(FOLDER_SETTING));
}

/** The mentoring branch Share commits to, when `mentoring.branch` names one; else the default branch. */
export function branchSetting(): string | undefined {
  return mentoringConfig().get<string>(BRANCH_SETTING)?.trim() || undefined;
}
