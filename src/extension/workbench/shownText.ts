// Notification and quick-pick texts carry values from the repository (names, titles, branch
// names, paths, git's own messages). They pass the CLI's door, `escapeControls`
// (src/shared/terminal.ts), so a value cannot hide or reorder what is read around it.
import type * as vscode from 'vscode';
import { escapeControls } from '../../shared/terminal';

/** A quick pick item with its label, description and detail escaped. */
export function shownItem<T extends vscode.QuickPickItem>(item: T): T {
  return {
    ...item,
    label: escapeControls(item.label),
    description: item.description === undefined ? undefined : escapeControls(item.description),
    detail: item.detail === undefined ? undefined : escapeControls(item.detail),
  };
}
