// Problems of the mentoring folder in the Problems panel, at their file, line and column.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MentoringModel, Problem } from '../../core/folder/model';

export class MentoringDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mentoring');

  update(model: MentoringModel | undefined): void {
    this.collection.clear();
    if (!model) return;
    const byFile = new Map<string, Problem[]>();
    for (const problem of model.problems) {
      const list = byFile.get(problem.file) ?? [];
      list.push(problem);
      byFile.set(problem.file, list);
    }
    for (const [file, problems] of byFile) {
      const uri = vscode.Uri.file(path.resolve(model.root, file));
      this.collection.set(uri, problems.map(toDiagnostic));
    }
  }

  get count(): number {
    let n = 0;
    this.collection.forEach((_, diagnostics) => (n += diagnostics.length));
    return n;
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const line = Math.max(0, problem.line - 1);
  const col = Math.max(0, problem.col - 1);
  // No text here to measure a token: underline to the end of the line, which VS Code clamps.
  const range = new vscode.Range(line, col, line, Number.MAX_SAFE_INTEGER);
  const severity = problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = 'mentoring';
  return diagnostic;
}
