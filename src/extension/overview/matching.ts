// "Propose Matches" (a coordinator) and "Find a Mentor" (a mentee), from the editor: the core's
// matching (core/app/match.ts) with a preview of each pair, its score and why, before anything
// is written; the proposals are written by the same function `mentoring match --propose` uses.
import * as vscode from 'vscode';
import {
  notMatchedText,
  programMatches,
  proposeMatches,
  type MatchResult,
  type ScoredPair,
} from '../../core/app/match';
import { localToday } from '../../core/app/today';
import { knownPeople } from '../../core/folder/people';
import { isCoordinator } from '../../core/policy/access';
import { COMMAND } from '../commands/ids';
import { registerCommand } from '../commands/registerCommand';
import type { SidebarProposals } from '../review/proposals';
import type { Controller } from '../state/controller';
import { branchSetting, folderSetting } from '../state/settings';
import { requireTrust } from '../workbench/trust';
import { shownItem, shownText } from '../workbench/shownText';

/** Each criterion's points and why, on one line. */
export function whyText(pair: ScoredPair): string {
  return pair.parts.map((part) => `${part.criterion} +${part.points}: ${part.detail}`).join(' · ');
}

/** The mentees left without a match and people left out, each with the reason, one per line. */
export function unmatchedLines(result: MatchResult): string[] {
  return [
    ...result.mentees.filter((m) => !m.match).map(notMatchedText),
    ...result.skipped.map((s) => `${s.handle}: ${s.reason}`),
  ];
}

function notMatchedTitle(result: MatchResult): string {
  const left = result.mentees.filter((m) => !m.match).map((m) => m.mentee);
  return left.length === 0 ? '' : ` · not matched: ${left.join(', ')}`;
}

export function registerMatchCommands(c: Controller, proposals: SidebarProposals): vscode.Disposable[] {
  const matches = async (what: string): Promise<{ root: string; result: MatchResult } | undefined> => {
    requireTrust(what);
    await c.start();
    const root = c.store.root;
    if (!root || !c.store.model?.exists) {
      void vscode.window.showWarningMessage('Set up the mentoring folder first (Mentoring: Set Up Mentoring Folder).');
      return undefined;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Matching mentees with mentors…' },
      () => programMatches(root, { folder: folderSetting(), today: localToday(), branch: branchSetting() }),
    );
    return { root, result };
  };

  const propose = async () => {
    await c.start();
    if (!isCoordinator(c.store.model, c.myHandle)) {
      void vscode.window.showWarningMessage("Propose Matches is for the program's coordinators (program.yaml).");
      return;
    }
    const found = await matches('propose matches');
    if (!found) return;
    const { root, result } = found;
    const unmatched = unmatchedLines(result);
    if (unmatched.length > 0)
      void vscode.window.showInformationMessage(shownText(`Not matched: ${unmatched.join('; ')}`));
    if (result.matches.length === 0) {
      void vscode.window.showInformationMessage(
        'No match to propose: no mentee has an admissible mentor with a place.',
      );
      return;
    }
    const picked = await vscode.window.showQuickPick(
      result.matches.map((match) =>
        shownItem({
          label: `${match.mentee} → ${match.mentor}`,
          description: `score ${match.score}`,
          detail: whyText(match),
          picked: true,
          match,
        }),
      ),
      {
        // Who is left out is named here too; the notification beside it gives the reasons.
        title: `Propose Matches (total score ${result.total})${notMatchedTitle(result)}`,
        // Short enough not to be cut off beside the "Selected" count.
        placeHolder: 'Proposals to write, each on its own review branch',
        canPickMany: true,
        matchOnDetail: true,
      },
    );
    if (!picked || picked.length === 0) return;
    const written = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Proposing ${picked.length} matches…` },
      () =>
        proposeMatches(
          root,
          picked.map((p) => p.match),
          { folder: folderSetting(), today: localToday(), branch: branchSetting() },
        ),
    );
    await proposals.refresh();
    void vscode.window.showInformationMessage(
      shownText(
        `Proposed ${written.map((w) => w.pair).join(', ')}: each waits on its review branch for both people to accept.`,
      ),
    );
  };

  const findMentor = async () => {
    const found = await matches('find a mentor');
    if (!found) return;
    const me = c.myHandle;
    if (!me) {
      void vscode.window
        .showWarningMessage(
          shownText(c.me.kind === 'known' ? 'Pick your person first.' : c.me.reason),
          'Pick My Person',
        )
        .then((a) => a && vscode.commands.executeCommand(COMMAND.pickMe));
      return;
    }
    const mine = found.result.mentees.find((m) => m.mentee === me);
    const skipped = found.result.skipped.find((s) => s.handle === me);
    if (!mine || mine.suggestions.length === 0) {
      void vscode.window.showInformationMessage(
        shownText(
          `No mentor to suggest: ${skipped?.reason ?? mine?.reason ?? 'your people file does not list the role mentee'}.`,
        ),
      );
      return;
    }
    const names = new Map(knownPeople(c.store.model).map((p) => [p.handle, p.name]));
    const picked = await vscode.window.showQuickPick(
      mine.suggestions.map((s) =>
        shownItem({
          label: names.get(s.mentor) ?? s.mentor,
          description: `${s.mentor} · score ${s.score}`,
          detail: whyText(s),
          mentor: s.mentor,
        }),
      ),
      { title: 'Find a Mentor', placeHolder: 'Pick a mentor to ask for mentoring', matchOnDetail: true },
    );
    if (picked) await vscode.commands.executeCommand(COMMAND.askForMentoring, picked.mentor);
  };

  return [registerCommand(COMMAND.proposeMatches, propose), registerCommand(COMMAND.findMentor, findMentor)];
}
