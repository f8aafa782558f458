// Pause Relationship and End Relationship: ask what core/app/pauseEnd needs (which pair, until
// when, why) and propose it on a review branch for the other person to accept, like any proposal.
import * as vscode from 'vscode';
import { END_REASONS, proposeEnd, proposePause, RelationshipChangeError } from '../../core/app/pauseEnd';
import { localToday } from '../../core/app/today';
import type { EndReason } from '../../core/folder/model';
import { isGitRepo, headCommit } from '../../core/git/repository';
import { mayEdit } from '../../core/policy/access';
import type { ProposeResult } from '../../core/review';
import { isIsoDate } from '../../shared/dates';
import { COMMAND } from '../commands/ids';
import { registerCommand } from '../commands/registerCommand';
import type { Controller } from '../state/controller';
import { folderSetting } from '../state/settings';
import { requireTrust } from '../workbench/trust';
import type { SidebarProposals } from './proposals';
import { openPullRequest } from './pullRequest';
import { shownText } from '../workbench/shownText';

const REASON_LABELS: Record<EndReason, string> = {
  goals_reached: 'Goals reached',
  schedule: 'Schedule: no time for it now',
  fit: 'Fit: not the right match',
  other: 'Other',
};

export function registerPauseEnd(c: Controller, proposals: SidebarProposals): vscode.Disposable[] {
  /** The pair (mine, active or paused as `statuses` allow) and who I am, or undefined after saying why not. */
  const pick = async (statuses: string[], verb: string) => {
    requireTrust(`${verb} a relationship`);
    await c.start();
    const root = c.store.root;
    if (!root || !c.store.model?.exists || !(await isGitRepo(root)) || !(await headCommit(root))) {
      void vscode.window.showWarningMessage(
        'Pausing and ending go through review: commit the mentoring folder to git first.',
      );
      return undefined;
    }
    if (c.me.kind !== 'known') {
      void vscode.window.showWarningMessage(shownText(c.me.reason));
      return undefined;
    }
    const me = c.me.handle;
    const pairs = c
      .visiblePairs()
      .filter((p) => mayEdit(p.role) && statuses.includes(String(p.pair.plan?.data?.status)))
      .map((p) => p.pair.id);
    if (pairs.length === 0) {
      void vscode.window.showInformationMessage(
        shownText(`You have no relationship that is ${statuses.join(' or ')} to ${verb}.`),
      );
      return undefined;
    }
    const pair =
      pairs.length === 1
        ? pairs[0]
        : await vscode.window.showQuickPick(
            pairs.includes(c.selectedPairId ?? '')
              ? [c.selectedPairId as string, ...pairs.filter((p) => p !== c.selectedPairId)]
              : pairs,
            {
              title: `${verb[0].toUpperCase()}${verb.slice(1)} Relationship`,
              placeHolder: `${verb[0].toUpperCase()}${verb.slice(1)} which relationship?`,
            },
          );
    return pair ? { root, me, pair } : undefined;
  };

  const propose = async (root: string, what: string, run: () => Promise<ProposeResult>) => {
    let result: ProposeResult;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Proposing ${what}…` },
        run,
      );
    } catch (error) {
      if (error instanceof RelationshipChangeError) {
        void vscode.window.showWarningMessage(shownText(error.message));
        return;
      }
      throw error;
    }
    await proposals.refresh();
    await openPullRequest(root, result, `Your proposal of ${what} (it takes effect once the other person accepts)`);
  };

  const pause = async () => {
    const ctx = await pick(['active'], 'pause');
    if (!ctx) return;
    const today = localToday();
    const until = await vscode.window.showInputBox({
      title: `Pause ${ctx.pair}`,
      prompt: 'Until when? A date (YYYY-MM-DD), or Enter for no date.',
      validateInput: (value) =>
        value.trim() === '' || (isIsoDate(value.trim()) && value.trim() > today)
          ? undefined
          : `A date after ${today}, as YYYY-MM-DD`,
    });
    if (until === undefined) return;
    await propose(ctx.root, `a pause of ${ctx.pair}`, () =>
      proposePause(ctx.root, {
        pair: ctx.pair,
        me: ctx.me,
        today,
        folder: folderSetting(),
        ...(until.trim() ? { until: until.trim() } : {}),
      }),
    );
  };

  const end = async () => {
    const ctx = await pick(['active', 'paused'], 'end');
    if (!ctx) return;
    const reason = await vscode.window.showQuickPick(
      END_REASONS.map((value) => ({ label: REASON_LABELS[value], value })),
      { title: `End ${ctx.pair}`, placeHolder: 'Why does it end?' },
    );
    if (!reason) return;
    const note = await vscode.window.showInputBox({
      title: `End ${ctx.pair}`,
      prompt:
        'A line on why, for the other person (optional: Enter to skip). A retro.yaml for both of you comes with it.',
    });
    if (note === undefined) return;
    await propose(ctx.root, `the end of ${ctx.pair}`, () =>
      proposeEnd(ctx.root, {
        pair: ctx.pair,
        me: ctx.me,
        today: localToday(),
        folder: folderSetting(),
        reason: reason.value,
        note,
      }),
    );
  };

  return [registerCommand(COMMAND.pauseRelationship, pause), registerCommand(COMMAND.endRelationship, end)];
}
