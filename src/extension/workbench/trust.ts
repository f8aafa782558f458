// Workspace Trust, asked in one place and refused in one wording. In Restricted Mode Mentoring
// shows the folder read-only: nothing is written and no git runs (package.json declares this
// as "limited" support for untrusted workspaces).
import * as vscode from 'vscode';

export function isTrusted(): boolean {
  return vscode.workspace.isTrusted;
}

/** The one sentence every refusal in Restricted Mode says; `what` is what the user tried, as a verb phrase. */
export function untrustedMessage(what: string): string {
  return `Trust this workspace to ${what}: in Restricted Mode Mentoring is read-only and runs no git.`;
}

/** A refusal because the workspace is not trusted; commands show it as a warning, not as a failure. */
export class UntrustedWorkspaceError extends Error {}

/** Throws the one worded refusal unless the workspace is trusted. */
export function requireTrust(what: string): void {
  if (!isTrusted()) throw new UntrustedWorkspaceError(untrustedMessage(what));
}
