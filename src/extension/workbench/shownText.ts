// Notification and quick-pick texts carry values from the repository (names, titles, branch
// names, paths, git's own messages). They pass `shownText`: the CLI's door, `escapeControls`
// (src/shared/terminal.ts), so a value cannot hide or reorder what is read around it, and no
// `[text](command:…)` or `[text](https://…)` from a file becomes a link the workbench renders
// (notifications turn that form into links; a zero-width space between `]` and `(` keeps it text).
import type * as vscode from 'vscode';
import { escapeControls } from '../../shared/terminal';

/** A text from the repository, safe to show in a notification. */
export function shownText(text: string): string {
  return escapeControls(text).replace(/\]\(/g, ']\u200b(');
}

/** A quick pick item with its label, description and detail escaped. */
export function shownItem<T extends vscode.QuickPickItem>(item: T): T {
  return {
    ...item,
    label: shownText(item.label),
    description: item.description === undefined ? undefined : shownText(item.description),
    detail: item.detail === undefined ? undefined : shownText(item.detail),
  };
}
