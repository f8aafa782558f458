// The Mentoring sidebar: a webview view. Messages to the webview wait in a queue until it says
// it is ready; every message from it is validated against the protocol before anything runs.
import * as vscode from 'vscode';
import { COMMAND, VIEW_ID, type CommandId } from '../commands/ids';
import {
  isRequest,
  parseWebviewMessage,
  type ExchangeView,
  type ExtensionMessage,
  type HistoryView,
  type ProposalsView,
  type WebviewCommand,
  type WebviewRequest,
} from '../../protocol/messages';
import type { Actions } from '../documents/actions';
import type { Controller } from '../state/controller';
import type { Exchange } from '../exchange/register';
import { SidebarHistory } from '../history/historyView';
import { errorMessage } from '../../shared/errors';
import { SidebarProposals } from '../review/proposals';
import { webviewHtml } from '../workbench/webviewHtml';
import { shownText } from '../workbench/shownText';

export class SidebarProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private queue: ExtensionMessage[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private viewDisposables: vscode.Disposable[] = [];
  private readonly history: SidebarHistory;
  readonly proposals: SidebarProposals;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly c: Controller,
    private readonly actions: Actions,
    private readonly runCommand: (command: CommandId) => Thenable<unknown>,
    private readonly exchange: Exchange,
  ) {
    this.disposables.push(
      c.onDidChange(() => this.postState()),
      exchange.view.onDidChange((view) => this.postExchange(view)),
    );
    this.history = new SidebarHistory(
      c,
      (history) => this.postHistory(history),
      VIEW_ID,
      () => this.isVisible,
    );
    this.disposables.push(this.history);
    this.proposals = new SidebarProposals(c, (proposals) => this.postProposals(proposals));
    this.disposables.push(this.proposals);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    for (const d of this.viewDisposables) d.dispose();
    this.view = view;
    this.ready = false;
    this.queue = [];
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [dist, media] };
    view.webview.html = this.html(view.webview, dist);
    this.viewDisposables = [
      view.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
        this.ready = false;
      }),
      // Hidden views lose their webview (retainContextWhenHidden is off) and say ready again.
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.ready = false;
      }),
    ];
    // The first time the view shows is when the folder is first read and git first runs.
    void this.c.start();
  }

  get isVisible(): boolean {
    return this.view?.visible ?? false;
  }

  /** Asks the webview to focus a form, once it is ready. */
  focus(target: 'addGoal' | 'agenda' | 'feedback'): void {
    this.post({ type: 'didRequestFocus', target });
  }

  private postState(): void {
    if (!this.view) return;
    // Only the newest state matters: drop queued older ones.
    this.queue = this.queue.filter((m) => m.type !== 'didChangeState');
    this.post({ type: 'didChangeState', state: this.c.state() });
  }

  private postHistory(history: HistoryView): void {
    this.queue = this.queue.filter((m) => m.type !== 'didChangeHistory');
    this.post({ type: 'didChangeHistory', history });
  }

  private postProposals(proposals: ProposalsView): void {
    this.queue = this.queue.filter((m) => m.type !== 'didChangeProposals');
    this.post({ type: 'didChangeProposals', proposals });
  }

  private postExchange(exchange: ExchangeView): void {
    this.queue = this.queue.filter((m) => m.type !== 'didChangeExchange');
    this.post({ type: 'didChangeExchange', exchange });
  }

  private post(message: ExtensionMessage): void {
    if (!this.view || !this.ready) {
      this.queue.push(message);
      return;
    }
    void this.view.webview.postMessage(message);
  }

  private flush(): void {
    const pending = this.queue;
    this.queue = [];
    for (const message of pending) void this.view?.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      console.warn('[mentoring] ignored a malformed message from the sidebar');
      return;
    }
    if (isRequest(message)) await this.answer(message);
    else await this.handle(message);
  }

  private async handle(message: WebviewCommand): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          this.ready = true;
          this.queue = this.queue.filter((m) => m.type !== 'didChangeState');
          this.queue.unshift({ type: 'didChangeState', state: this.c.state() });
          this.flush();
          return;
        case 'selectPair':
          return await this.c.selectPair(message.pairId);
        case 'pickMe':
          if (message.handle && this.c.people().some((p) => p.handle === message.handle))
            return await this.c.pickMe(message.handle);
          return void (await this.runCommand(COMMAND.pickMe));
        case 'openFile':
          return await this.actions.openFile(message.file, message.line, message.col);
        case 'openCode':
          return await this.actions.openCode(message.file);
        case 'run':
          return void (await this.runCommand(COMMAND[message.command]));
        case 'loadHistory':
          return await this.history.show(message.pairId);
        case 'openHistoryEvent':
          return await this.history.open(message.pairId, message.commit, message.file);
        case 'loadProposals':
          return await this.proposals.show();
        case 'reviewProposal':
          // Only a branch the sidebar was sent: the message cannot name any other ref.
          if (!this.proposals.isKnownBranch(message.branch)) return;
          return void (await vscode.commands.executeCommand(COMMAND.reviewChanges, message.branch));
        case 'loadExchange':
          return await this.exchange.view.show();
        case 'openInboxItem':
          return await this.exchange.view.open(message.itemId, () => this.focus('agenda'));
        case 'pullMentoring':
          return await this.exchange.actions.pull();
        case 'markNewsSeen':
          return await this.exchange.actions.markNewsSeen(message.pairId);
      }
    } catch (error) {
      void vscode.window.showErrorMessage(shownText(errorMessage(error)));
    }
  }

  private async answer(request: WebviewRequest): Promise<void> {
    try {
      let message: string | undefined;
      switch (request.type) {
        case 'edit':
          message = (await this.actions.edit(request.file, request.edit)).note;
          if (message) void vscode.window.showWarningMessage(shownText(message));
          break;
        case 'prepareAgenda':
          await this.actions.prepareAgenda(request.pairId, request.date);
          break;
        case 'commitAgenda':
          message = await this.actions.commitAgenda(request.file);
          void vscode.window.showInformationMessage(shownText(message));
          void this.exchange.view.refresh();
          break;
        case 'askFeedback':
          await this.actions.askFeedback({
            pairId: request.pairId,
            question: request.question,
            kind: request.kind,
            goal: request.goal,
          });
          break;
        case 'share':
          // The notification tells the outcome; the sidebar keeps it beside the button too.
          message = await this.exchange.actions.share(request.pairId);
          break;
        case 'fetchMentoring':
          message = await this.exchange.actions.fetch();
          break;
        case 'savePrivateNote':
          await this.actions.privateNotes.save(request.pairId, request.date, request.text);
          break;
      }
      this.post({ type: 'response', id: request.id, ok: true, message });
    } catch (error) {
      const message = errorMessage(error);
      this.post({ type: 'response', id: request.id, ok: false, message });
      void vscode.window.showErrorMessage(shownText(message));
    }
  }

  private html(webview: vscode.Webview, dist: vscode.Uri): string {
    return webviewHtml(webview, dist, {
      title: 'Mentoring',
      styles: ['codicon.css', 'webview.css'],
      script: 'webview.js',
    });
  }

  dispose(): void {
    for (const d of [...this.disposables, ...this.viewDisposables]) d.dispose();
  }
}
