// API-level behaviour inside the real extension host, on the demo repository.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'mentoring-dev.mentoring';
const PLAN = '.mentoring/pairs/ana--ben/plan.yaml';

function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('the Mentoring extension', function () {
  it('is installed and activates', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is present`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command it contributes', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    const contributed: string[] = (extension.packageJSON.contributes?.commands ?? []).map(
      (command: { command: string }) => command.command,
    );
    assert.ok(contributed.length > 0, 'the manifest contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('opens the demo repository with its mentoring folder', async function () {
    const files = await vscode.workspace.findFiles('.mentoring/pairs/*/plan.yaml');
    assert.deepEqual(files.map((uri) => vscode.workspace.asRelativePath(uri)).sort(), [
      '.mentoring/pairs/ana--ben/plan.yaml',
      '.mentoring/pairs/chen--dana/plan.yaml',
    ]);
  });
});

describe('editing YAML through the TextDocument', function () {
  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('applies a WorkspaceEdit to an open document without touching the disk, and undo restores it', async function () {
    const uri = workspaceUri(PLAN);
    const onDisk = await diskText(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').indexOf('status: active');
    assert.ok(line >= 0, 'the plan has a top-level status line');

    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(line, 'status: '.length, line, 'status: active'.length), 'paused');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.equal(document.lineAt(line).text, 'status: paused');
    assert.equal(document.isDirty, true);
    assert.equal(await diskText(uri), onDisk, 'the edit stays in the editor until saved');

    await vscode.commands.executeCommand('undo');
    assert.equal(document.lineAt(line).text, 'status: active');
    assert.equal(document.getText(), onDisk);
  });

  it('writes an applied edit to disk on save', async function () {
    const uri = workspaceUri(PLAN);
    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '# reviewed in the extension-host tests\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.equal(await document.save(), true);
    assert.match(await diskText(uri), /^# reviewed in the extension-host tests\nmentee: ana\n/);

    // Put the file back as it was, through the same API.
    const restore = new vscode.WorkspaceEdit();
    restore.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), original);
    assert.equal(await vscode.workspace.applyEdit(restore), true);
    assert.equal(await document.save(), true);
    assert.equal(await diskText(uri), original);
  });
});
