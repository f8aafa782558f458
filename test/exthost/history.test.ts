// Old versions of mentoring files as read-only `mentoring-history:` documents, which the
// sidebar's timeline opens: the content is the file at that commit, and nothing outside the
// mentoring folder can be read through them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as vscode from 'vscode';

const EXTENSION_ID = 'mentoring-dev.mentoring';
const PLAN = '.mentoring/pairs/ana--ben/plan.yaml';

function git(...args: string[]): string {
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(cwd, 'a workspace folder is open');
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

const versionUri = (file: string, ref: string) =>
  vscode.Uri.from({ scheme: 'mentoring-history', path: `/${file}`, query: ref });

describe('history documents', function () {
  before(async function () {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  it('shows a mentoring file as it was at a commit', async function () {
    const first = git('log', '--reverse', '--format=%H', '--', PLAN).split('\n')[0];
    const document = await vscode.workspace.openTextDocument(versionUri(PLAN, first));
    assert.equal(document.getText(), git('show', `${first}:${PLAN}`));
    assert.match(document.getText(), /^status: proposed$/m);
    assert.equal(document.languageId, 'yaml');
    // The version before the first one does not exist.
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(versionUri(PLAN, `${first}^`))));
  });

  it('refuses files outside the mentoring folder and refs that are not commit ids', async function () {
    const head = git('rev-parse', 'HEAD').trim();
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(versionUri('README.md', head))));
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(versionUri(PLAN, 'HEAD'))));
    await assert.rejects(
      Promise.resolve(vscode.workspace.openTextDocument(versionUri('.mentoring/../README.md', head))),
    );
  });
});
