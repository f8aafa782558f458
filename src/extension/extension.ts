// Activation wires the pieces together and does nothing else: no file is read and no git runs
// until the sidebar is first shown or a command needs the data, except the rhythm's startup
// check (rhythm/), which reads only my own pairs for the status bar and the day's reminders.
import * as vscode from 'vscode';
import { COMMAND, CONTEXT, VIEW_ID } from './commands/ids';
import { Actions } from './documents/actions';
import { registerCommands } from './commands/commands';
import { Controller } from './state/controller';
import { MentoringDiagnostics } from './workbench/diagnostics';
import { registerHistoryDocuments } from './history/documents';
import { registerReviewCommands } from './review/commands';
import { registerReviewDocuments } from './review/documents';
import { SidebarProvider } from './sidebar/provider';
import { registerExchange } from './exchange/register';
import { WorkspaceStorage } from './state/storage';
import { SessionStatusBar } from './workbench/statusBar';
import { registerRhythm } from './rhythm/register';
import { registerProgramOverview } from './overview/panel';
import { registerMatchCommands } from './overview/matching';

export function activate(context: vscode.ExtensionContext): void {
  const controller = new Controller(context.workspaceState);
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
    controller,
    diagnostics,
    statusBar,
    exchange,
    sidebar,
    vscode.window.registerWebviewViewProvider(VIEW_ID, sidebar),
    registerHistoryDocuments(),
    registerReviewDocuments(),
    controller.onDidChange(() => {
      const state = controller.state();
      diagnostics.update(controller.store.model);
      statusBar.update(state);
      setContext(CONTEXT.folderExists, state.folderExists);
    }),
    ...registerCommands(controller, actions, sidebar, diagnostics),
    ...registerReviewCommands(controller, sidebar.proposals),
    ...registerProgramOverview(controller, context.extensionUri),
    ...registerMatchCommands(controller, sidebar.proposals),
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
}

export function deactivate(): void {}
