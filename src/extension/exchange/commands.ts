// Share, Fetch, Pull and Mark as Seen: the exchange's commands, from the palette, the status bar
// and the sidebar's buttons alike. Share and Fetch are core's (the same as `mentoring share` and
// `mentoring news --fetch`); Pull is the built-in git extension's own, because Mentoring never
// merges or rebases my branch itself.
import * as path from 'node:path';
import { refuseUnsafePath } from '../documents/workspaceEdits';
import * as vscode from 'vscode';
import { share, unsharedChanges, type ShareResult } from '../../core/app/share';
import { currentBranch } from '../../core/git/refs';
import { changedBetween, headCommit } from '../../core/git/repository';
import { findMentoringBranch } from '../../core/git/mentoringBranch';
import { fetchBranchesUnder } from '../../core/git/push';
import { fetchMentoringBranch } from '../../core/git/remoteBranch';
import { mayEdit } from '../../core/policy/access';
import { fileToOpen } from '../../core/app/openFile';
import type { Controller } from '../state/controller';
import { branchSetting, folderSetting } from '../state/settings';
import { requireTrust } from '../workbench/trust';
import type { SidebarExchange } from './exchangeView';
import { notSharedText } from './viewModel';
import { shownItem, shownText } from '../workbench/shownText';

export class ExchangeActions {
  constructor(
    private readonly c: Controller,
    private readonly exchange: SidebarExchange,
  ) {}

  private async root(what: string): Promise<string> {
    requireTrust(what);
    await this.c.start();
    const root = this.c.store.root;
    if (!root || !this.c.store.model?.exists)
      throw new Error('Set up the mentoring folder first (Mentoring: Set Up Mentoring Folder).');
    return root;
  }

  /** Shares a pair's changes (the one given, else the one to share, picked when unclear); returns what happened. */
  async share(pairId?: string): Promise<string | undefined> {
    const root = await this.root('share your changes');
    const pair = pairId ?? (await this.pairToShare(root));
    if (!pair) return undefined;
    if (!mayEdit(this.c.accessTo(pair)))
      throw new Error(`You are not part of the pair ${pair}: only its mentee and mentor share it.`);
    if (!(await this.saveUnsaved(pair))) return undefined;
    // My keys let Share re-seal what was sealed to older recipients (a device added since).
    const identities = await this.c.myIdentities();
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sharing ${pair}` },
      (progress) =>
        share(root, {
          folder: folderSetting(),
          pair,
          branch: branchSetting(),
          identities,
          onStep: (step) => progress.report({ message: step.text }),
        }),
    );
    // Share commits the files as they are (a file it writes, the watcher reports): git's view changed, not the files.
    this.c.store.gitChanged();
    void this.exchange.refresh();
    void this.tell(root, result);
    return result.summary;
  }

  /** The selected pair when it has changes, else the only pair that has, else the one picked. */
  private async pairToShare(root: string): Promise<string | undefined> {
    const mine = new Set(this.c.visiblePairs().flatMap(({ pair, role }) => (mayEdit(role) ? [pair.id] : [])));
    const { branch, pairs } = await unsharedChanges(root, { folder: folderSetting(), branch: branchSetting() });
    const waiting = pairs.filter((p) => mine.has(p.pair));
    if (waiting.length === 0) {
      void vscode.window.showInformationMessage(
        shownText(`Nothing to share: your mentoring files are as on ${branch}.`),
      );
      return undefined;
    }
    const selected = waiting.find((p) => p.pair === this.c.selectedPairId);
    if (selected || waiting.length === 1) return (selected ?? waiting[0]).pair;
    const picked = await vscode.window.showQuickPick(
      waiting.map((p) =>
        shownItem({
          label: p.pair,
          description: notSharedText(Math.max(p.words.length, p.files.length)),
          detail: p.words.join('; '),
          pair: p.pair,
        }),
      ),
      { title: 'Share', placeHolder: 'Share the changes of which relationship?' },
    );
    return picked?.pair;
  }

  /** Share reads the files on disk: unsaved editors of the pair are saved first, when the user agrees. */
  private async saveUnsaved(pairId: string): Promise<boolean> {
    const dir = this.c.visiblePair(pairId)?.dir;
    if (!dir) return true;
    const dirty = vscode.workspace.textDocuments.filter(
      (d) => d.isDirty && d.uri.scheme === 'file' && !path.relative(dir, d.uri.fsPath).startsWith('..'),
    );
    if (dirty.length === 0) return true;
    const save = 'Save and Share';
    const files = dirty.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ');
    const answer = await vscode.window.showWarningMessage(
      shownText(`Unsaved changes in ${files}.`),
      { modal: true },
      save,
    );
    if (answer !== save) return false;
    for (const doc of dirty)
      if (!(await doc.save())) throw new Error(`${doc.uri.fsPath} could not be saved; nothing was shared.`);
    return true;
  }

  /** Where `rel` (relative to the root) is when I may open it from here; undefined otherwise. */
  private mayOpen(rel: string): string | undefined {
    try {
      return fileToOpen(this.c.store.model, this.c.myHandle, rel);
    } catch {
      return undefined;
    }
  }

  private async tell(root: string, result: ShareResult): Promise<void> {
    if (result.status === 'conflict' && result.conflict) {
      const file = result.conflict.path;
      const summary = result.summary.includes(file) ? result.summary : `${result.summary} (${file})`;
      // The policy decides what opens, as for the sidebar's links: a pair's file only for its pair.
      const abs = this.mayOpen(file);
      const open = abs ? [`Open ${path.basename(file)}`] : [];
      if (abs && (await vscode.window.showWarningMessage(shownText(summary), ...open)) === open[0]) {
        const uri = vscode.Uri.file(abs);
        refuseUnsafePath(uri); // a link in the repository is never opened in the editor
        await vscode.window.showTextDocument(uri, { preview: false });
      } else if (!abs) void vscode.window.showWarningMessage(shownText(summary));
      return;
    }
    if (result.status === 'review') {
      const url = result.review?.compareUrl;
      const open = 'Open Pull Request';
      const answer = await vscode.window.showWarningMessage(shownText(result.summary), ...(url ? [open] : []));
      if (answer === open && url) await vscode.env.openExternal(vscode.Uri.parse(url, true));
      return;
    }
    if (result.pushError) void vscode.window.showWarningMessage(shownText(result.summary));
    else void vscode.window.showInformationMessage(shownText(result.summary));
  }

  /** Fetches the mentoring branch and the review branches from the remote; What's new and the inbox then show what came. */
  async fetch(): Promise<string> {
    const root = await this.root('fetch the mentoring branch');
    const found = await findMentoringBranch(root, { branch: branchSetting() });
    if (!found)
      throw new Error('There is no mentoring branch to fetch: HEAD is detached and there is no default branch.');
    const { branch, remote } = found;
    if (!remote) {
      const message = `Nothing to fetch: ${branch} has no remote here.`;
      void vscode.window.showInformationMessage(shownText(message));
      return message;
    }
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: shownText(`Fetching ${branch} from ${remote}…`) },
      async () => {
        await fetchMentoringBranch(root, branch);
        // The review branches too: a proposal of the other side waits in my inbox only once fetched.
        await fetchBranchesUnder(root, remote, 'mentoring');
      },
    );
    await this.exchange.refresh();
    return `Fetched ${branch} from ${remote}.`;
  }

  /** The git extension's Pull, on the mentoring branch only: on another branch, says how to bring the changes in. */
  async pull(): Promise<void> {
    const root = await this.root('pull the mentoring branch');
    const branch = (await findMentoringBranch(root, { branch: branchSetting() }))?.branch;
    const current = await currentBranch(root);
    if (branch && current !== branch) {
      void vscode.window.showInformationMessage(
        shownText(
          `You are on ${current ?? 'a detached HEAD'}; the other side's changes are on ${branch}. Pull there (switch to ${branch}), or merge ${branch} into your branch when it suits you: Mentoring never merges or rebases your branch.`,
        ),
      );
      return;
    }
    const before = await headCommit(root);
    await vscode.commands.executeCommand('git.pull');
    const after = await headCommit(root);
    // Only the files the pull changed are read again (the watcher may report them too; patching twice costs nothing).
    this.c.store.gitChanged(
      before && after && before !== after ? await changedBetween(root, before, after, folderSetting()) : [],
    );
    await this.exchange.refresh();
  }

  async markNewsSeen(pairId?: string): Promise<void> {
    await this.c.start();
    const pair = pairId ?? this.c.selectedPairId;
    if (!pair || !(await this.exchange.markSeen(pair)))
      void vscode.window.showInformationMessage("Nothing to mark as seen: What's new has not read this relationship.");
  }
}
