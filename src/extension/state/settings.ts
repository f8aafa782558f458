// The extension's settings and where the workspace is.
import * as vscode from 'vscode';
import { normalizeFolderSetting } from '../../core/folder/paths';
import { mentoringRepository, type MentoringRepository } from '../../core/app/mentoringRepository';

export const FOLDER_SETTING = 'folder';
export const ME_SETTING = 'me';
export const BRANCH_SETTING = 'branch';
export const REPOSITORY_SETTING = 'repository';

/**
 * The root the mentoring folder lives in, the one place every feature asks: the clone
 * `mentoring.repository` names when it is set (undefined when that is refused: see
 * `repositorySetting`), else the first workspace folder.
 */
export function workspaceRoot(): string | undefined {
  const repository = repositorySetting();
  if (repository.kind === 'clone') return repository.root;
  if (repository.kind === 'refused') return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

/** What `mentoring.repository` names: nothing (the workspace's repository), a clone, or a refusal with its reason. */
export function repositorySetting(): MentoringRepository {
  const value = mentoringConfig().get<string>(REPOSITORY_SETTING) ?? '';
  // Asked on every keystroke in an editor (is this a mentoring file?): a clone found is kept while the setting stays.
  if (value === checkedClone?.value) return checkedClone.repository;
  const repository = mentoringRepository(value);
  checkedClone = repository.kind === 'clone' ? { value, repository } : undefined;
  return repository;
}

let checkedClone: { value: string; repository: MentoringRepository } | undefined;

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
