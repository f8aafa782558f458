// Review Mentoring Changes: the proposals waiting for my decision, by their titles; for the one
// picked, the semantic summary in the Markdown preview and the decision: Accept, Decline (with
// an optional reason), the YAML diff, or a comment on the pull request where the host is known.
// Accept and decline are core/app's, the same as `mentoring accept` and `mentoring decline`:
// merged into the mentoring branch and pushed here, never force-pushed. (Merging through the
// GitHub Pull Requests extension is not attempted: its merge commands are not a public API.)
import * as vscode from 'vscode';
import { accept, decline, type DecisionResult } from '../../core/app/decide';
import { localToday } from '../../core/app/today';
import { mergeBase, refExists, remoteUrl, resolveCommit } from '../../core/git/refs';
import { GitError } from '../../core/git/runner';
import {
  DecideError,
  diffRevisions,
  findMentoringBranch,
  planChangeMarkdown,
  proposalsFor,
  remoteCompareUrl,
  toMarkdown,
  type ProposalForMe,
} from '../../core/review';
import { md } from '../../core/review/render';
import type { Controller } from '../state/controller';
import { branchSetting, folderSetting } from '../state/settings';
import { historyUri } from '../history/documents';
import { showReviewSummary } from './documents';
import type { SidebarProposals } from './proposals';
import { shownItem, shownText } from '../workbench/shownText';

type Action = 'accept' | 'decline' | 'diff' | 'comment';

interface ActionItem extends vscode.QuickPickItem {
  action: Action;
}

/** Lets me pick one of the proposals waiting for me (or takes `branch`), shows it and acts on my decision. */
export async function reviewProposals(
  c: Controller,
  sidebar: SidebarProposals,
  root: string,
  me: string,
  branch?: string,
): Promise<'decided' | 'not-mine' | 'none'> {
  const model = c.store.model;
  if (!model) return 'none';
  const waiting = await proposalsFor(root, model, me, { into: branchSetting() });
  let proposal = branch ? waiting.find((p) => p.branch === branch) : undefined;
  if (branch && !proposal) return 'not-mine';
  if (!proposal) {
    if (waiting.length === 0) {
      void vscode.window.showInformationMessage('Nothing waits for your review: no proposal concerns you.');
      return 'none';
    }
    const picked = await vscode.window.showQuickPick(
      waiting.map((p) =>
        shownItem({
          label: p.title,
          description: p.pair,
          detail: [p.branch ?? 'on the mentoring branch', p.date.slice(0, 10)].filter(Boolean).join(' · '),
          proposal: p,
        }),
      ),
      { title: 'Review Mentoring Changes', placeHolder: 'Which proposal do you want to review?', matchOnDetail: true },
    );
    if (!picked) return 'none';
    proposal = picked.proposal;
  }
  await showSummary(root, proposal);
  await decide(c, sidebar, root, me, proposal);
  return 'decided';
}

/** The semantic summary of any review branch (mine, or not about me), read-only. */
export async function showBranchSummary(root: string, branch: string): Promise<void> {
  const target = await findMentoringBranch(root, { branch: branchSetting() });
  const remote = target?.remote;
  const head = (await refExists(root, `refs/heads/${branch}`)) || !remote ? branch : `${remote}/${branch}`;
  const targetRev = target?.local ? target.branch : target?.tracking ? `${remote}/${target.branch}` : undefined;
  const headId = await resolveCommit(root, head);
  const base = targetRev ? await mergeBase(root, await resolveCommit(root, targetRev), headId) : `${headId}~1`;
  const diff = await diffRevisions(root, base, headId, { folder: folderSetting() });
  diff.from.rev = targetRev ? `${targetRev}, where ${branch} branched off` : 'the parent commit';
  diff.to.rev = branch;
  await showReviewSummary(`Mentoring changes ${branch}`, toMarkdown(diff));
}

async function showSummary(root: string, proposal: ProposalForMe): Promise<void> {
  let markdown: string;
  if (proposal.branch) {
    const diff = await diffRevisions(root, proposal.base, proposal.commit, { folder: folderSetting() });
    diff.from.rev = 'the mentoring branch, where the proposal started';
    diff.to.rev = proposal.branch;
    markdown = toMarkdown(diff);
  } else {
    markdown = `## Mentoring changes\n\n### ${md(proposal.pair)}\n\n${planChangeMarkdown(proposal.pair, proposal.plan)}`;
  }
  const name = `Mentoring changes ${proposal.branch ?? proposal.pair}`;
  await showReviewSummary(name, `# ${md(proposal.title)}\n\n${markdown}`);
}

async function decide(
  c: Controller,
  sidebar: SidebarProposals,
  root: string,
  me: string,
  proposal: ProposalForMe,
): Promise<void> {
  const target = await findMentoringBranch(root, { branch: branchSetting() });
  const into = target?.branch ?? 'the mentoring branch';
  const url = target?.remote ? await remoteUrl(root, target.remote) : undefined;
  const pullRequest = url && proposal.branch ? remoteCompareUrl(url, into, proposal.branch) : undefined;
  const from = proposal.from && proposal.from !== 'program' ? proposal.from : 'the proposer';
  const items: ActionItem[] = [
    {
      action: 'accept',
      label: 'Accept',
      iconPath: new vscode.ThemeIcon('check'),
      detail:
        proposal.kind === 'relationship'
          ? `Sets status: active, with you and today, and merges it into ${into}${target?.remote ? ` and pushes it` : ''}`
          : `Merges the plan changes into ${into}${target?.remote ? ` and pushes them` : ''}`,
    },
    {
      action: 'decline',
      label: 'Decline…',
      iconPath: new vscode.ThemeIcon('close'),
      detail: `Records your reason on ${into} for ${from} and deletes the review branch`,
    },
    { action: 'diff', label: 'Show the YAML Diff', iconPath: new vscode.ThemeIcon('diff') },
    ...(pullRequest
      ? [
          {
            action: 'comment' as const,
            label: 'Comment on the Pull Request',
            iconPath: new vscode.ThemeIcon('comment-discussion'),
            detail: 'Opens the pull request page in your browser',
          },
        ]
      : []),
  ];
  for (;;) {
    const picked = await vscode.window.showQuickPick(items, {
      title: shownText(proposal.title),
      placeHolder: 'Read the summary, then decide',
      ignoreFocusOut: true,
    });
    if (!picked) return;
    if (picked.action === 'diff') {
      await showYamlDiff(proposal, into);
      continue;
    }
    if (picked.action === 'comment' && pullRequest) {
      await vscode.env.openExternal(vscode.Uri.parse(pullRequest, true));
      return;
    }
    let reason: string | undefined;
    if (picked.action === 'decline') {
      reason = await vscode.window.showInputBox({
        title: shownText(`Decline: ${proposal.title}`),
        prompt: shownText(
          `Why? ${from === 'the proposer' ? 'The proposer' : from} reads it (optional: Enter to decline without a reason)`,
        ),
        ignoreFocusOut: true,
      });
      if (reason === undefined) continue;
    }
    await run(c, sidebar, root, me, proposal, picked.action === 'accept' ? 'accept' : 'decline', reason);
    return;
  }
}

async function run(
  c: Controller,
  sidebar: SidebarProposals,
  root: string,
  me: string,
  proposal: ProposalForMe,
  decision: 'accept' | 'decline',
  reason: string | undefined,
): Promise<void> {
  const model = c.store.model;
  if (!model) return;
  const request = { proposal: proposal.branch ?? proposal.pair, model, me, today: localToday(), into: branchSetting() };
  let result: DecisionResult;
  try {
    result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: decision === 'accept' ? 'Accepting and merging…' : 'Declining…',
      },
      () => (decision === 'accept' ? accept(root, request) : decline(root, { ...request, reason })),
    );
  } catch (error) {
    if (!(error instanceof DecideError || error instanceof GitError)) throw error;
    void vscode.window.showErrorMessage(shownText(`Could not ${decision}: ${error.message}`));
    return;
  } finally {
    await c.store.refresh();
    await sidebar.refresh();
  }
  if (result.outcome !== 'refused') {
    void vscode.window.showInformationMessage(shownText(result.message));
    return;
  }
  const open = result.pullRequestUrl ? 'Open Pull Request' : undefined;
  const choice = await vscode.window.showWarningMessage(shownText(result.message), ...(open ? [open] : []));
  if (choice && result.pullRequestUrl) await vscode.env.openExternal(vscode.Uri.parse(result.pullRequestUrl, true));
}

/** The plan where the proposal started on the mentoring branch, against the proposed one (a new plan alone). */
async function showYamlDiff(proposal: ProposalForMe, into: string): Promise<void> {
  const after = historyUri(proposal.planPath, proposal.commit);
  if (proposal.plan.created || !proposal.branch) {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(after), { preview: true });
    return;
  }
  const before = historyUri(proposal.planPath, proposal.base);
  const title = `plan.yaml (${into}) ↔ proposed by ${proposal.from ?? 'the other side'}`;
  await vscode.commands.executeCommand('vscode.diff', before, after, title, { preview: true });
}
