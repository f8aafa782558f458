// The activation bundle (dist/extension.js): it registers the sidebar view, every command and the
// document schemes with stand-ins, and imports nothing heavy, so activating costs milliseconds.
// The features (dist/features.js: the core, yaml, git, the sidebar) load on first use: a command
// run, the sidebar shown, a history or review document opened. After startup they load only when
// the workspace has a mentoring folder, for the status bar and the day's reminders (rhythm/).
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND, SCHEME, VIEW_ID } from './commands/ids';
import type { Features } from './features';
import { lazy } from './lazy';
import { folderSetting, workspaceRoot } from './state/settings';

export function activate(context: vscode.ExtensionContext): void {
  // Each stand-in gives way to the real command once the features are loaded, then runs it.
  const standIns = Object.values(COMMAND).map((id) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => {
      features();
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  const reviewChanged = new vscode.EventEmitter<vscode.Uri>();
  const features = lazy((): Features => {
    for (const standIn of standIns) standIn.dispose();
    // A computed path: esbuild leaves it to Node, so the feature bundle is not bundled in here.
    const bundle = join(__dirname, 'features.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, by design
    const { activateFeatures } = require(bundle) as typeof import('./features');
    const loaded = activateFeatures(context);
    const reviewChanges = loaded.reviewDocuments.onDidChange?.((uri) => reviewChanged.fire(uri));
    if (reviewChanges) context.subscriptions.push(reviewChanges);
    return loaded;
  });

  context.subscriptions.push(
    ...standIns,
    reviewChanged,
    vscode.window.registerWebviewViewProvider(VIEW_ID, {
      resolveWebviewView: (view, resolveContext, token) =>
        features().sidebar.resolveWebviewView(view, resolveContext, token),
    }),
    vscode.workspace.registerTextDocumentContentProvider(SCHEME.history, {
      provideTextDocumentContent: (uri, token) => features().historyDocuments.provideTextDocumentContent(uri, token),
    }),
    vscode.workspace.registerTextDocumentContentProvider(SCHEME.code, {
      provideTextDocumentContent: (uri, token) => features().codeDocuments.provideTextDocumentContent(uri, token),
    }),
    vscode.workspace.registerTextDocumentContentProvider(SCHEME.review, {
      onDidChange: reviewChanged.event,
      provideTextDocumentContent: (uri, token) => features().reviewDocuments.provideTextDocumentContent(uri, token),
    }),
  );
  void loadIfMentoringFolder(features);
}

/** Loads the features when the workspace has a mentoring folder; a workspace without one pays nothing. */
async function loadIfMentoringFolder(load: () => unknown): Promise<void> {
  const root = workspaceRoot();
  if (!root) return;
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(vscode.Uri.file(root), folderSetting()));
    if (stat.type & vscode.FileType.Directory) load();
  } catch {
    // No mentoring folder (yet): Initialize, the sidebar or any command loads the features.
  }
}

export function deactivate(): void {}
