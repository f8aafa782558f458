// The semantic summary of a review as a read-only Markdown document (`mentoring-review:`),
// shown in VS Code's Markdown preview; the raw document when no preview is available. The text
// lives in memory: nothing is written to the workspace, and closing it asks nothing.
import * as vscode from 'vscode';
import { SCHEME } from '../commands/ids';

export const REVIEW_SCHEME = SCHEME.review;

class ReviewDocuments implements vscode.TextDocumentContentProvider {
  readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    // Keep a few: a preview may still be open on an older one.
    if (this.texts.size > 20) this.texts.delete(this.texts.keys().next().value as string);
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.texts.get(uri.toString()) ??
      'This summary is no longer available: run Mentoring: Review Mentoring Changes again.'
    );
  }
}

const documents = new ReviewDocuments();
/** Registered under REVIEW_SCHEME by extension.ts, which forwards its onDidChange. */
export const reviewDocuments: vscode.TextDocumentContentProvider = documents;

/** Shows `markdown` titled `title` in the Markdown preview (or as a read-only document). */
export async function showReviewSummary(title: string, markdown: string): Promise<void> {
  const name = title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'changes';
  const uri = vscode.Uri.from({ scheme: REVIEW_SCHEME, path: `/${name}.md` });
  documents.set(uri, markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
  }
}
