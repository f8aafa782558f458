// After a review branch is made: open the pull request the best way this VS Code can. The GitHub
// Pull Requests extension's create view when it is installed and the remote is GitHub; else the
// host's compare page in the browser; else say plainly where the branch is and how to push it.
import * as vscode from 'vscode';
import { parseRemoteUrl, type ProposeResult } from '../../core/review';
import { remoteUrl } from '../../core/git/refs';
import { shownText } from '../workbench/shownText';

export const GITHUB_PR_EXTENSION = 'GitHub.vscode-pull-request-github';

export async function openPullRequest(root: string, result: ProposeResult, what: string): Promise<void> {
  const { branch } = result;
  if (!result.remote) {
    const choice = await vscode.window.showInformationMessage(
      shownText(
        `${what} committed on ${branch}. No remote: the branch stays local. When the repository has a remote, push it with: ${result.pushCommand}`,
      ),
      'Copy Push Command',
    );
    if (choice) await vscode.env.clipboard.writeText(result.pushCommand);
    return;
  }
  if (!result.pushed) {
    const choice = await vscode.window.showWarningMessage(
      shownText(
        `${what} committed on ${branch}, but pushing to ${result.remote} failed (${result.pushError ?? 'unknown error'}). Push it yourself: ${result.pushCommand}`,
      ),
      'Copy Push Command',
    );
    if (choice) await vscode.env.clipboard.writeText(result.pushCommand);
    return;
  }
  const url = await remoteUrl(root, result.remote);
  const onGitHub = url !== undefined && parseRemoteUrl(url)?.host === 'github';
  if (onGitHub && vscode.extensions.getExtension(GITHUB_PR_EXTENSION)) {
    try {
      await vscode.commands.executeCommand('pr.create', { repoPath: root, compareBranch: branch });
      return;
    } catch {
      // Not signed in, or an older version: the compare page below still works.
    }
  }
  if (result.compareUrl) {
    const opened = await vscode.env.openExternal(vscode.Uri.parse(result.compareUrl, true));
    void vscode.window.showInformationMessage(
      shownText(
        opened
          ? `${what} pushed to ${result.remote}/${branch}; finish the pull request in your browser.`
          : `${what} pushed to ${result.remote}/${branch}. Open a pull request at ${result.compareUrl}`,
      ),
    );
    return;
  }
  void vscode.window.showInformationMessage(
    shownText(
      `${what} pushed to ${result.remote}/${branch}. Open a pull request from ${branch} into ${result.targetBranch ?? 'the default branch'} on your git host.`,
    ),
  );
}
