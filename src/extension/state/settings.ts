// Settings and paths shared by the extension glue.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { normalizeFolderSetting } from '../../core/folder/paths';

export const FOLDER_SETTING = 'folder';
export const ME_SETTING = 'me';

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

/** Absolute path for a root-relative path, or undefined when it would leave `within`. */
export function resolveInside(root: string, rel: string, within: string): string | undefined {
  if (path.isAbsolute(rel) || rel.includes('\0')) return undefined;
  const abs = path.resolve(root, rel);
  const fromWithin = path.relative(within, abs);
  if (fromWithin === '' || fromWithin.startsWith('..') || path.isAbsolute(fromWithin)) return undefined;
  return abs;
}

export function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
