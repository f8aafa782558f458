// The sidebar's extension-side glue, through the VS Code API: diagnostics from broken files,
// their refresh, and the manifest's menus and walkthrough.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'mentoring-dev.mentoring';
const SESSION = '.mentoring/pairs/ana--ben/sessions';

async function until<T>(check: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const mentoringDiagnostics = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mentoring');

describe('sidebar glue', function () {
  before(async function () {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  it('puts a broken file in the Problems panel at its line, and clears it once fixed', async function () {
    const [first] = (await vscode.workspace.findFiles(`${SESSION}/*.yaml`)).sort((a, b) =>
      a.path.localeCompare(b.path),
    );
    assert.ok(first, 'the demo pair has sessions');
    const original = await vscode.workspace.fs.readFile(first);
    const text = new TextDecoder().decode(original);
    const brokenLine = text.split('\n').length; // 1-based line of the appended text
    try {
      await vscode.workspace.fs.writeFile(first, new TextEncoder().encode(`${text}objectives: [never closed\n`));
      await vscode.commands.executeCommand('mentoring.refresh');
      const diagnostics = await until(() => mentoringDiagnostics(first).length > 0 && mentoringDiagnostics(first));
      assert.ok(
        diagnostics.some(
          (d) => d.severity === vscode.DiagnosticSeverity.Error && Math.abs(d.range.start.line + 1 - brokenLine) <= 1,
        ),
        diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('\n'),
      );
      const after = await vscode.workspace.fs.readFile(first);
      assert.equal(
        new TextDecoder().decode(after),
        `${text}objectives: [never closed\n`,
        'the broken file is left as it is',
      );
    } finally {
      await vscode.workspace.fs.writeFile(first, original);
    }
    // The file watcher picks the fix up by itself.
    await until(() => mentoringDiagnostics(first).length === 0, 5_000);
  });

  it('offers "Ask for Feedback on Selection" in the editor context menu only with a selection', function () {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { menus: Record<string, { command: string; when?: string }[]>; walkthroughs?: { id: string }[] };
    };
    const entry = manifest.contributes.menus['editor/context'].find(
      (m) => m.command === 'mentoring.askForFeedbackOnSelection',
    );
    assert.ok(entry, 'the context menu entry exists');
    assert.match(entry.when ?? '', /editorHasSelection/);
    assert.ok(manifest.contributes.walkthroughs?.some((w) => w.id === 'mentoring.gettingStarted'));
  });

  it('validates the folder on request', async function () {
    await vscode.commands.executeCommand('mentoring.validate');
    const all = vscode.languages.getDiagnostics().flatMap(([, list]) => list.filter((d) => d.source === 'mentoring'));
    assert.deepEqual(
      all.map((d) => d.message),
      [],
      'the demo repository is valid',
    );
  });
});
