// "Mentoring: Program Overview": a webview panel in the editor area with the program report's
// figures, for coordinators (and anyone when program.yaml says `overview: { open: true }`; the
// access policy decides). One panel at a time; it reads the figures again when the folder changes.
import * as vscode from 'vscode';
import { programReport } from '../../core/app/programReport';
import { localToday } from '../../core/app/today';
import { isCoordinator, mayViewProgram } from '../../core/policy/access';
import type { DidChangeOverviewNotification, OverviewView } from '../../protocol/overview';
import { parseOverviewMessage } from '../../protocol/overview';
import { errorMessage } from '../../shared/errors';
import { Reload } from '../../shared/reload';
import { COMMAND, OVERVIEW_PANEL_ID } from '../commands/ids';
import { registerCommand } from '../commands/registerCommand';
import type { Controller } from '../state/controller';
import { branchSetting, folderSetting } from '../state/settings';
import { requireTrust } from '../workbench/trust';
import { webviewHtml } from '../workbench/webviewHtml';
import { overviewMessage } from './viewModel';

export function registerProgramOverview(c: Controller, extensionUri: vscode.Uri): vscode.Disposable[] {
  let panel: OverviewPanel | undefined;
  return [
    registerCommand(COMMAND.openProgramOverview, async () => {
      // The figures come from the git history.
      requireTrust('open the Program Overview, whose figures come from git');
      await c.start();
      if (!c.store.root || !c.store.model?.exists) {
        void vscode.window.showWarningMessage(
          'Set up the mentoring folder first (Mentoring: Set Up Mentoring Folder).',
        );
        return;
      }
      if (!mayViewProgram(c.store.model, c.myHandle)) {
        void vscode.window.showWarningMessage(
          "The Program Overview is for the program's coordinators (program.yaml `coordinators`), " +
            'unless program.yaml sets `overview: { open: true }`.',
        );
        return;
      }
      if (panel) panel.reveal();
      else {
        panel = new OverviewPanel(c, extensionUri);
        panel.onDispose(() => (panel = undefined));
      }
    }),
    { dispose: () => panel?.dispose() },
  ];
}

class OverviewPanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly reload = new Reload(() => this.load());
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  constructor(
    private readonly c: Controller,
    extensionUri: vscode.Uri,
  ) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(OVERVIEW_PANEL_ID, 'Program Overview', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [dist, media],
    });
    this.panel.iconPath = vscode.Uri.joinPath(media, 'mentoring.svg');
    this.panel.webview.html = html(this.panel.webview, dist);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      c.onDidChange(() => this.reload.soon(() => this.ready && this.panel.visible)),
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible && this.ready) void this.reload.now();
      }),
    );
  }

  onDispose(listener: () => void): void {
    this.disposables.push(this.panel.onDidDispose(() => (listener(), this.dispose())));
  }

  reveal(): void {
    this.panel.reveal();
    void this.reload.now();
  }

  private receive(raw: unknown): void {
    const message = parseOverviewMessage(raw);
    if (!message) return;
    this.ready = true;
    void this.reload.now();
  }

  private async load(): Promise<void> {
    const root = this.c.store.root;
    const model = this.c.store.model;
    const me = this.c.myHandle;
    // Asked again on every load: who I am or program.yaml may have changed since the panel opened.
    if (!root || !mayViewProgram(model, me)) {
      return this.post({ type: 'didChangeOverview', overview: empty('The Program Overview is not open to you here.') });
    }
    try {
      const report = await programReport(root, {
        folder: folderSetting(),
        today: localToday(),
        branch: branchSetting(),
      });
      if (mayViewProgram(this.c.store.model, this.c.myHandle))
        this.post(overviewMessage(report, !isCoordinator(this.c.store.model, this.c.myHandle)));
    } catch (error) {
      this.post({ type: 'didChangeOverview', overview: empty(errorMessage(error)) });
    }
  }

  private post(message: DidChangeOverviewNotification): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.reload.cancel();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function empty(message: string): OverviewView {
  return {
    status: 'error',
    message,
    name: null,
    today: localToday(),
    readOnly: true,
    totals: null,
    pairs: [],
    atRisk: [],
    pending: [],
    unmatchedMentees: [],
    mentors: [],
    months: [],
    followThrough: { quarters: [0, 0, 0, 0], none: 0 },
  };
}

function html(webview: vscode.Webview, dist: vscode.Uri): string {
  return webviewHtml(webview, dist, { title: 'Program Overview', styles: ['overview.css'], script: 'overview.js' });
}
