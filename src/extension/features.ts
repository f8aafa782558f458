// The feature bundle (dist/features.js): everything behind the commands and the sidebar, wired
// together. extension.ts loads it on first use (a command, the sidebar shown, a history or review
// document opened) or after startup when the mentoring folder exists. Loading it reads no file and
// runs no git until the sidebar is first shown or a command needs the data, except the rhythm's
// startup check (rhythm/), which reads only my own pairs for the status bar and the day's reminders.
import * as vscode from 'vscode';
import { COMMAND, CONTEXT } from './commands/ids';
import { Actions } from './documents/actions';
import { registerCommands } from './commands/commands';
import { Controller } from './state/controller';
import { MentoringDiagnostics } from './workbench/diagnostics';
import { HistoryDocuments } from './history/documents';
import { CodeDocuments } from './documents/codeDocuments';
import { registerReviewCommands } from './review/commands';
import { registerPauseEnd } from './review/pauseEnd';
import { registerProgramOverview } from './overview/panel';
import { registerMatchCommands } from './overview/matching';
import { reviewDocuments } from './review/documents';
import { SidebarProvider } from './sidebar/provider';
import { registerExchange } from './exchange/register';
import { WorkspaceStorage } from './state/storage';
import { SessionStatusBar } from './workbench/statusBar';
import { registerRhythm } from './rhythm/register';
import { registerPrivateNotes } from './privateNotes/register';
import { KeyRing } from './keys/keyRing';
import { registerKeys } from './keys/register';

/** What the activation bundle's stand-ins hand over to once the features are loaded. */
export interface Features {
  sidebar: vscode.WebviewViewProvider;
  historyDocuments: vscode.TextDocumentContentProvider;
  reviewDocuments: vscode.TextDocumentContentProvider;
  codeDocuments: vscode.TextDocumentContentProvider;
}

/** Creates the features and registers their commands; the view and document providers stay extension.ts's. */
export function activateFeatures(context: vscode.ExtensionContext): Features {
  const keys = new KeyRing(context.secrets);
  const controller = new Controller(context.workspaceState, keys);
  const actions = new Actions(controller);
  const diagnostics = new MentoringDiagnostics();
  const statusBar = new SessionStatusBar();
  const exchange = registerExchange(
    controller,
    actions,
    new WorkspaceStorage(context.workspaceState),
    () => sidebar.isVisible,
  );
  const sidebar = new SidebarProvider(
    context.extensionUri,
    controller,
    actions,
    (command) => vscode.commands.executeCommand(command),
    exchange,
  );
  const setContext = (key: string, value: unknown) => void vscode.commands.executeCommand('setContext', key, value);

  context.subscriptions.push(
    keys,
    controller,
    diagnostics,
    statusBar,
    exchange,
    sidebar,
    controller.onDidChange(() => {
      const state = controller.state();
      diagnostics.update(controller.store.model);
      statusBar.update(state);
      setContext(CONTEXT.folderExists, state.folderExists);
    }),
    ...registerCommands(controller, actions, sidebar, diagnostics),
    ...registerKeys(controller, keys),
    ...registerReviewCommands(controller, sidebar.proposals),
    ...registerPauseEnd(controller, sidebar.proposals),
    ...registerProgramOverview(controller, context.extensionUri),
    ...registerMatchCommands(controller, sidebar.proposals),
    ...registerPrivateNotes(controller, actions.privateNotes),
    ...registerRhythm({
      controller,
      storage: new WorkspaceStorage(context.workspaceState),
      statusBar,
      storageDir: context.globalStorageUri.fsPath,
      revealSession: async (pairId) => {
        await vscode.commands.executeCommand(COMMAND.openSidebar);
        await controller.selectPair(pairId);
        sidebar.focus('agenda');
      },
    }),
  );
  return { sidebar, historyDocuments: new HistoryDocuments(), reviewDocuments, codeDocuments: new CodeDocuments() };
}
