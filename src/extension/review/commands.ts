// Review as pull requests, from the editor: ask for or offer mentoring (a proposed plan on a
// review branch), propose the pair's plan changes, and read the semantic summary of a branch.
// Every git step runs through core/review and the hardened git module; nothing here runs in
// an untrusted workspace.
import { readText } from '../../core/fs';
import { MAX_FILE_BYTES } from '../../core/folder/yamlText';
import * as vscode from 'vscode';
import { COMMAND } from '../commands/ids';
import { headCommit, isGitRepo } from '../../core/git/repository';
import { readObjects } from '../../core/git/objects';
import { defaultBranch, pushRemote, refExists } from '../../core/git/refs';
import type { Person } from '../../core/folder/model';
import { pairIdOf } from '../../core/folder/names';
import { planPath, toRel } from '../../core/folder/paths';
import {
  isEmptyPlanDiff,
  newRelationshipPlan,
  NothingToProposeError,
  planChangeCounts,
  planChangeMarkdown,
  planDiff,
  proposeOnBranch,
  withdrawProposedEdits,
} from '../../core/review';
import { REVIEW_BRANCH } from '../../protocol/review';
import type { Controller } from '../state/controller';
import { knownPeople } from '../../core/folder/people';
import { registerCommand } from '../commands/registerCommand';
import { localToday } from '../../core/app/today';
import { folderSetting } from '../state/settings';
import { openPullRequest } from './pullRequest';
import { reviewProposals, showBranchSummary } from './decide';
import { showReviewSummary } from './documents';
import type { SidebarProposals } from './proposals';
import { mayEdit } from '../../core/policy/access';
import { requireTrust } from '../workbench/trust';
import { shownItem, shownText } from '../workbench/shownText';

interface Ready {
  root: string;
  folderAbs: string;
  me: string;
}

export function registerReviewCommands(c: Controller, proposals: SidebarProposals): vscode.Disposable[] {
  /** What every review command needs, or a message saying what is missing. */
  const ready = async (needMe = true): Promise<Ready | undefined> => {
    requireTrust('propose or review mentoring changes');
    await c.start();
    const root = c.store.root;
    const folderAbs = c.store.folderAbs;
    if (!root || !folderAbs || !c.store.model?.exists) {
      void vscode.window.showWarningMessage('Set up the mentoring folder first (Mentoring: Set Up Mentoring Folder).');
      return undefined;
    }
    if (!(await isGitRepo(root)) || !(await headCommit(root))) {
      void vscode.window.showWarningMessage(
        'Proposals are reviewed through git: commit this folder to a git repository first.',
      );
      return undefined;
    }
    if (needMe && c.me.kind !== 'known') {
      void vscode.window
        .showWarningMessage(shownText(c.me.reason), 'Pick My Person')
        .then((a) => a && vscode.commands.executeCommand(COMMAND.pickMe));
      return undefined;
    }
    return { root, folderAbs, me: c.me.kind === 'known' ? c.me.handle : '' };
  };

  /** Either side may start: `side` is the one I take. */
  const startRelationship = async (side: 'mentee' | 'mentor', preselected?: string) => {
    const ctx = await ready();
    if (!ctx) return;
    const model = c.store.model;
    const otherRole = side === 'mentee' ? 'mentor' : 'mentee';
    const taken = new Set(model?.pairs.map((p) => p.id));
    const candidates = knownPeople(model).filter((person) => {
      if (person.handle === ctx.me || !(person.roles ?? []).includes(otherRole)) return false;
      const pair = side === 'mentee' ? `${ctx.me}--${person.handle}` : `${person.handle}--${ctx.me}`;
      return !taken.has(pair);
    });
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(
        shownText(
          `No one in people/ with the role ${otherRole} to ${side === 'mentee' ? 'ask' : 'offer mentoring to'} (besides existing relationships).`,
        ),
      );
      return;
    }
    // Find a Mentor passes the mentor picked there: no second pick.
    const chosen = candidates.find((person) => person.handle === preselected);
    const picked = chosen
      ? { person: chosen }
      : await vscode.window.showQuickPick(
          candidates.map((person) =>
            shownItem({
              label: person.name,
              description: person.handle,
              detail: detailOf(person, otherRole),
              person,
            }),
          ),
          {
            title: side === 'mentee' ? 'Ask for Mentoring' : 'Offer Mentoring',
            placeHolder: side === 'mentee' ? 'Who would you like as your mentor?' : 'Whom would you like to mentor?',
            matchOnDescription: true,
            matchOnDetail: true,
          },
        );
    if (!picked) return;
    const other = picked.person.handle;
    const goalTitle = await vscode.window.showInputBox({
      title: side === 'mentee' ? `Ask ${picked.person.name} for mentoring` : `Offer mentoring to ${picked.person.name}`,
      prompt:
        side === 'mentee'
          ? 'What would you like help with? A first goal in your words (optional: Enter to skip).'
          : 'A line for the mentee: why you offer (optional: Enter to skip).',
    });
    if (goalTitle === undefined) return;
    const mentee = side === 'mentee' ? ctx.me : other;
    const mentor = side === 'mentee' ? other : ctx.me;
    const pair = pairIdOf(mentee, mentor);
    const date = localToday();
    const text = newRelationshipPlan({
      mentee,
      mentor,
      initiatedBy: side,
      date,
      defaults: model?.program?.data?.defaults,
      ...(side === 'mentee' && goalTitle.trim() ? { goal: { title: goalTitle } } : {}),
      ...(side === 'mentor' && goalTitle.trim() ? { note: goalTitle } : {}),
    });
    const planRel = toRel(ctx.root, planPath(ctx.folderAbs, pair));
    const base = await reviewBase(ctx.root);
    const asks = side === 'mentee' ? `${mentee} asks ${mentor} for mentoring` : `${mentor} offers to mentor ${mentee}`;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Proposing ${pair} for review…` },
      () =>
        proposeOnBranch(ctx.root, {
          pair,
          what: 'relationship',
          date,
          folder: folderSetting(),
          base,
          paths: [planRel],
          edit: (_path, atBase) => {
            if (atBase !== undefined) throw new Error(`${pair} already has a plan on ${base}; open it instead.`);
            return text;
          },
          message:
            `mentoring(${pair}): ${asks}\n\n` +
            `${asks}. ${side === 'mentee' ? mentor : mentee} accepts or declines it with Mentoring: ` +
            `Review Mentoring Changes, or \`mentoring accept ${pair}\` / \`mentoring decline ${pair}\`.\n\n` +
            planChangeMarkdown(pair, planDiff(undefined, text)),
        }),
    );
    await proposals.refresh();
    await openPullRequest(
      ctx.root,
      result,
      side === 'mentee' ? `Your request to ${mentor}` : `Your offer to ${mentee}`,
    );
  };

  const proposePlanChanges = async () => {
    const ctx = await ready();
    if (!ctx) return;
    const pairs = c
      .visiblePairs()
      .filter((p) => mayEdit(p.role))
      .map((p) => p.pair);
    const pairId =
      pairs.length === 1
        ? pairs[0].id
        : pairs.some((p) => p.id === c.selectedPairId)
          ? c.selectedPairId
          : await vscode.window.showQuickPick(
              pairs.map((p) => p.id),
              { placeHolder: 'Propose the plan of which relationship?' },
            );
    const pair = c.visiblePair(pairId);
    if (!pairId || !pair?.plan) {
      if (pairs.length === 0)
        void vscode.window.showInformationMessage('You have no mentoring relationship whose plan you could propose.');
      return;
    }
    if (pair.plan.problems.length > 0) {
      void vscode.window.showWarningMessage(
        shownText(`Fix the problems in ${pair.plan.rel} first: a broken plan is not proposed.`),
      );
      return;
    }
    // What the user sees in the editor is what they propose.
    const open = vscode.workspace.textDocuments.find(
      (d) => d.uri.scheme === 'file' && d.uri.fsPath === pair.plan?.path,
    );
    if (open?.isDirty) await open.save();
    const planRel = pair.plan.rel;
    const reviewer = ctx.me === pair.mentee ? pair.mentor : pair.mentee;
    if (!(await confirmProposal(ctx.root, pairId, planRel, pair.plan.path, reviewer))) return;
    let result;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Proposing the plan changes of ${pairId}…` },
        () =>
          proposeOnBranch(ctx.root, {
            pair: pairId,
            what: 'plan',
            date: localToday(),
            folder: folderSetting(),
            paths: [planRel],
            message: ([change]) =>
              `mentoring(${pairId}): plan changes for review\n\n${planChangeMarkdown(pairId, planDiff(change.before, change.after))}`,
          }),
      );
    } catch (error) {
      if (error instanceof NothingToProposeError) {
        void vscode.window.showInformationMessage(shownText(`No plan changes to propose: ${planRel} is as committed.`));
        return;
      }
      throw error;
    }
    // The changes now live on the review branch; the working copy goes back to the agreed plan,
    // so pulling the merged change later meets no conflicting local edit. Other files stay as they were.
    await withdrawProposedEdits(ctx.root, result.commit, [planRel]);
    await c.store.refresh();
    await proposals.refresh();
    await openPullRequest(
      ctx.root,
      result,
      `Your plan changes (for ${reviewer} to review; your plan here shows the agreed version until they are merged)`,
    );
  };

  const reviewChanges = async (arg?: unknown) => {
    const branch = typeof arg === 'string' && REVIEW_BRANCH.test(arg) ? arg : undefined;
    // A branch from the sidebar can be read without knowing who I am; deciding needs me.
    const ctx = await ready(!branch);
    if (!ctx) return;
    const outcome = ctx.me ? await reviewProposals(c, proposals, ctx.root, ctx.me, branch) : 'not-mine';
    if (outcome === 'not-mine' && branch) await showBranchSummary(ctx.root, branch);
  };

  return [
    registerCommand(COMMAND.askForMentoring, (mentor?: unknown) =>
      startRelationship('mentee', typeof mentor === 'string' ? mentor : undefined),
    ),
    registerCommand(COMMAND.offerMentoring, () => startRelationship('mentor')),
    registerCommand(COMMAND.proposePlanChanges, proposePlanChanges),
    registerCommand(COMMAND.reviewChanges, reviewChanges),
  ];
}

/**
 * The semantic summary of what would be proposed (the plan against HEAD's, which is where the
 * review branch starts), before anything is committed; true when the user goes ahead.
 */
async function confirmProposal(
  root: string,
  pairId: string,
  planRel: string,
  planFile: string,
  reviewer: string,
): Promise<boolean> {
  const [atHead] = await readObjects(root, [`HEAD:${planRel}`]);
  const working = readText(root, planFile, MAX_FILE_BYTES);
  if (atHead?.toString('utf8') === working) {
    void vscode.window.showInformationMessage(shownText(`No plan changes to propose: ${planRel} is as committed.`));
    return false;
  }
  const diff = planDiff(atHead?.toString('utf8'), working);
  const summary = isEmptyPlanDiff(diff) ? '- Only comments or layout changed.\n' : planChangeMarkdown(pairId, diff);
  await showReviewSummary(
    `Proposed plan changes ${pairId}`,
    `# Your plan changes, for ${reviewer} to review\n\n${summary}`,
  );
  const counts = planChangeCounts(diff);
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: 'Propose for Review',
        iconPath: new vscode.ThemeIcon('git-pull-request-create'),
        detail: `Commits ${planRel} on a review branch and pushes it; your plan here shows the agreed version until ${reviewer} accepts`,
      },
      { label: 'Not Now', iconPath: new vscode.ThemeIcon('close') },
    ],
    {
      title: shownText(`Propose to ${reviewer}: ${counts.length > 0 ? counts.join(', ') : 'comments or layout only'}`),
      placeHolder: 'The summary is open beside: propose these changes?',
      ignoreFocusOut: true,
    },
  );
  return picked?.label === 'Propose for Review';
}

/** Where a new relationship's branch starts: the default branch (local, else the remote's), else HEAD. */
async function reviewBase(root: string): Promise<string> {
  const remote = await pushRemote(root);
  const target = await defaultBranch(root, remote);
  if (target && (await refExists(root, `refs/heads/${target}`))) return target;
  if (target && remote && (await refExists(root, `refs/remotes/${remote}/${target}`))) return `${remote}/${target}`;
  return 'HEAD';
}

function detailOf(person: Person, role: 'mentor' | 'mentee'): string {
  const list = role === 'mentor' ? (person.offers ?? person.skills_offered) : (person.wants ?? person.goals_sought);
  const parts = [
    Array.isArray(list) && list.length > 0 ? (role === 'mentor' ? 'offers: ' : 'seeks: ') + list.join(', ') : '',
  ];
  if (role === 'mentor' && typeof person.capacity === 'number') parts.push(`capacity ${person.capacity}`);
  if (typeof person.timezone === 'string') parts.push(person.timezone);
  return parts.filter(Boolean).join(' · ');
}
