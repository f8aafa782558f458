import * as vscode from 'vscode';
import { errorMessage } from '../state/settings';

/** Registers a command whose failures reach the user as an error message, never as a silent rejection. */
export function registerCommand(id: string, run: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (error) {
      void vscode.window.showErrorMessage(errorMessage(error));
    }
  });
}
