// The exchange, wired: the loader the sidebar shows, its commands and the "N not shared" status
// bar item. extension.ts creates it once and hands it to the sidebar, which routes its messages.
import * as vscode from 'vscode';
import { COMMAND } from '../commands/ids';
import { registerCommand } from '../commands/registerCommand';
import type { Actions } from '../documents/actions';
import type { Controller } from '../state/controller';
import type { WorkspaceStorage } from '../state/storage';
import { ShareStatusBar } from '../workbench/statusBar';
import { ExchangeActions } from './commands';
import { SidebarExchange } from './exchangeView';

export interface Exchange extends vscode.Disposable {
  view: SidebarExchange;
  actions: ExchangeActions;
}

export function registerExchange(
  c: Controller,
  documents: Actions,
  storage: WorkspaceStorage,
  isSidebarVisible: () => boolean,
): Exchange {
  const view = new SidebarExchange(c, documents, storage, isSidebarVisible);
  const actions = new ExchangeActions(c, view);
  const statusBar = new ShareStatusBar();
  const pairArg = (arg: unknown) => (typeof arg === 'string' ? arg : undefined);
  const disposables = [
    view,
    statusBar,
    view.onDidChange((exchange) => statusBar.update(exchange)),
    registerCommand(COMMAND.share, (arg) => actions.share(pairArg(arg))),
    registerCommand(COMMAND.fetch, () => actions.fetch()),
    registerCommand(COMMAND.pull, () => actions.pull()),
    registerCommand(COMMAND.markNewsSeen, (arg) => actions.markNewsSeen(pairArg(arg))),
  ];
  return { view, actions, dispose: () => disposables.forEach((d) => d.dispose()) };
}
