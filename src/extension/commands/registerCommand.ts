import * as vscode from 'vscode';
import type { CommandId } from './ids';
import { errorMessage } from '../../shared/errors';
import { UntrustedWorkspaceError } from '../workbench/trust';
import { shownText } from '../workbench/shownText';

/**
 * Registers a command whose failures reach the user as an error message, never as a silent
 * rejection; a refusal in Restricted Mode is a warning (nothing failed, the workspace is read-only).
 */
export function registerCommand(id: CommandId, run: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (error) {
      if (error instanceof UntrustedWorkspaceError) void vscode.window.showWarningMessage(shownText(error.message));
      else void vscode.window.showErrorMessage(shownText(errorMessage(error)));
    }
  });
}
