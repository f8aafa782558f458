// Accepting and declining a proposal, the one way for the CLI and the extension. Accept merges
// the review branch into the mentoring branch (a relationship first gets `status: active` and who
// accepted when, in a commit on top of the proposal), pushes it, and deletes the review branch.
// Decline records the decision and the reason on the mentoring branch (records.ts says why a
// commit) and deletes the review branch. When the remote refuses the push (a protected branch),
// nothing changes on the mentoring branch: the decision goes through the pull request instead.
// The user's checkout is never switched; see land.ts for when their working tree follows.
import { deleteBranch, moveBranch } from '../git/branches';
import { isAncestor } from '../git/commits';
import { findMentoringBranch } from '../git/mentoringBranch';
import { mergeCommits } from '../git/merge';
import { blobsOf, commitTree, treeOf, treeWithChanges, type FileContent } from '../git/plumbing';
import { fetchBranchesUnder, pushCommit, pushRefusal } from '../git/push';
import { readObjects } from '../git/objects';
import { currentBranch, refExists, remoteUrl, resolveCommit } from '../git/refs';
import type { MentoringModel } from '../folder/model';
import { knownPeople, personFromEmail } from '../folder/people';
import { DecideError, folderOf, pickProposal, proposalsFor, type ProposalForMe } from './concerns';
import { landOnMentoringBranch, type Landed } from './land';
import { pendingProposals } from './pending';
import { decisionMessage } from './records';
import { remoteCompareUrl } from './remote';
import { describeDecision, type DecisionResult } from './decision';

export interface DecideOptions {
  /** A review branch, or a pair with exactly one proposal waiting for me. */
  proposal: string;
  model: MentoringModel;
  me: string;
  /** YYYY-MM-DD: the day it is accepted. */
  today: string;
  /** The mentoring branch, when not the default branch. */
  into?: string;
}

export interface PlanAcceptance {
  acceptedBy: string[];
  /** Every side accepted: the relationship starts. */
  active: boolean;
  today: string;
}

export interface AcceptOptions extends DecideOptions {
  /** The plan's text once accepted (core/app makes the text-preserving edit). */
  acceptPlan: (text: string, acceptance: PlanAcceptance) => string;
}

export interface DeclineOptions extends DecideOptions {
  reason?: string;
  /** A relationship proposed on the mentoring branch itself has no branch to delete: its plan is ended instead. */
  endPlan: (text: string) => string;
}

export async function acceptProposal(root: string, options: AcceptOptions): Promise<DecisionResult> {
  const proposal = await findMine(root, options);
  const words = `${options.me} accepted ${whatOf(proposal)}`;
  let head = proposal.commit;
  let acceptance: PlanAcceptance | undefined;
  let files: FileContent[] = [];
  if (proposal.kind === 'relationship') {
    const [blob] = await readObjects(root, [`${proposal.commit}:${proposal.planPath}`]);
    if (!blob) throw new DecideError(`${proposal.planPath} is not in the proposal`);
    const acceptedBy = [...new Set([...proposal.acceptedBy, options.me])];
    const active =
      proposal.from !== 'program' || [proposal.mentee, proposal.mentor].every((h) => acceptedBy.includes(h));
    acceptance = { acceptedBy, active, today: options.today };
    files = [{ path: proposal.planPath, content: options.acceptPlan(blob.toString('utf8'), acceptance) }];
  }
  const waitingFor =
    acceptance?.active === false
      ? [proposal.mentee, proposal.mentor].find((h) => !acceptance?.acceptedBy.includes(h))
      : undefined;
  const base = { decision: 'accepted' as const, proposal, acceptedBy: acceptance?.acceptedBy, waitingFor };

  if (proposal.branch && files.length > 0) {
    const tree = await treeWithChanges(root, proposal.commit, await blobsOf(root, files));
    const subject = acceptance?.active ? `${options.me} accepts: status active` : `${options.me} accepts`;
    head = await commitTree(root, tree, [proposal.commit], `mentoring(${proposal.pair}): ${subject}\n`);
    if (!acceptance?.active) {
      const carried = await updateReviewBranch(root, proposal, head, options);
      const mentoringBranch = (await findMentoringBranch(root, { branch: options.into }))?.branch ?? '';
      return finish({ ...base, outcome: 'waiting', commit: head, ...carried, local: 'none', mentoringBranch });
    }
  }
  const message = decisionMessage({ decision: 'accepted', pair: proposal.pair, branch: proposal.branch, words });
  const landed = await landOnMentoringBranch(root, {
    into: options.into,
    reason: `mentoring: ${words}`,
    build: async (tip) => {
      if (!proposal.branch)
        return commitTree(root, await treeWithChanges(root, tip, await blobsOf(root, files)), [tip], message);
      const merged = await mergeCommits(root, tip, head);
      if (merged.conflicts)
        throw new DecideError(
          `the proposal conflicts with changes made since on the mentoring branch (${merged.conflicts.join(', ')}): ask for it to be proposed again from the current plan`,
        );
      return commitTree(root, merged.tree, [tip, head], message);
    },
  });
  if (landed.refused) {
    // The acceptance goes into the pull request: the review branch carries it (and is pushed if it was not).
    await updateReviewBranch(root, proposal, head, options);
    return finish({ ...base, ...(await refusedResult(root, proposal, landed)) });
  }
  const branchDeleted = await deleteReviewBranch(root, proposal, landed.remote);
  const outcome = acceptance?.active === false ? 'waiting' : 'done';
  return finish({ ...base, ...fromLanded(landed), outcome, branchDeleted });
}

export async function declineProposal(root: string, options: DeclineOptions): Promise<DecisionResult> {
  const proposal = await findMine(root, options);
  const reason = options.reason?.trim() || undefined;
  const words = `${options.me} declined ${whatOf(proposal)}`;
  const message = decisionMessage({
    decision: 'declined',
    pair: proposal.pair,
    branch: proposal.branch,
    words,
    reason,
  });
  const landed = await landOnMentoringBranch(root, {
    into: options.into,
    reason: `mentoring: ${words}`,
    build: async (tip) => {
      if (proposal.branch) return commitTree(root, await treeOf(root, tip), [tip], message);
      const [blob] = await readObjects(root, [`${tip}:${proposal.planPath}`]);
      if (!blob) throw new DecideError(`${proposal.planPath} is no longer on the mentoring branch`);
      const ended = [{ path: proposal.planPath, content: options.endPlan(blob.toString('utf8')) }];
      return commitTree(root, await treeWithChanges(root, tip, await blobsOf(root, ended)), [tip], message);
    },
  });
  const base = { decision: 'declined' as const, proposal, reason };
  if (landed.refused) return finish({ ...base, ...(await refusedResult(root, proposal, landed)) });
  const branchDeleted = await deleteReviewBranch(root, proposal, landed.remote);
  return finish({ ...base, ...fromLanded(landed), outcome: 'done', branchDeleted });
}

/** The proposal `options.proposal` names among those waiting for me. */
async function findMine(root: string, options: DecideOptions): Promise<ProposalForMe> {
  // Decide on the newest state: the proposer may have pushed, changed or withdrawn it since the last fetch.
  const remote = (await findMentoringBranch(root, { branch: options.into }))?.remote;
  if (remote) await fetchBranchesUnder(root, remote, 'mentoring').catch(() => undefined);
  const people = knownPeople(options.model);
  const pending = await pendingProposals(root, {
    folder: folderOf(options.model),
    into: options.into,
    handleOfEmail: (email) => personFromEmail(people, email)?.handle,
  });
  const mine = await proposalsFor(root, options.model, options.me, { into: options.into, pending });
  return pickProposal(mine, options.proposal, pending);
}

/** The proposal in a commit message's words: `ana's request for mentoring`, `ben's plan changes`. */
function whatOf(proposal: ProposalForMe): string {
  if (proposal.kind === 'plan-change') return proposal.from ? `${proposal.from}'s plan changes` : 'the plan changes';
  if (proposal.from === 'program') return "the program's match";
  if (proposal.from === proposal.mentee) return `${proposal.mentee}'s request for mentoring`;
  if (proposal.from === proposal.mentor) return `${proposal.mentor}'s offer to mentor`;
  return 'the proposed relationship';
}

type Draft = Omit<DecisionResult, 'message' | 'branchDeleted'> & { branchDeleted?: DecisionResult['branchDeleted'] };

function finish(draft: Draft): DecisionResult {
  const result = { ...draft, branchDeleted: draft.branchDeleted ?? { local: false, remote: false }, message: '' };
  return { ...result, message: describeDecision(result) };
}

function fromLanded(landed: Landed) {
  return {
    mentoringBranch: landed.branch,
    commit: landed.commit,
    remote: landed.remote,
    pushed: landed.pushed,
    local: landed.local,
  };
}

/** The remote refused the mentoring branch: the pull request is the way. */
async function refusedResult(
  root: string,
  proposal: ProposalForMe,
  landed: Landed,
): Promise<Omit<Draft, 'decision' | 'proposal'>> {
  const url = landed.remote ? await remoteUrl(root, landed.remote) : undefined;
  return {
    ...fromLanded(landed),
    outcome: 'refused',
    refused: landed.refused,
    pullRequestUrl: url && proposal.branch ? remoteCompareUrl(url, landed.branch, proposal.branch) : undefined,
  };
}

/** Moves the review branch (here, and on the remote when it is there or could be) forward to `head`. */
async function updateReviewBranch(
  root: string,
  proposal: ProposalForMe,
  head: string,
  options: DecideOptions,
): Promise<{ pushed: boolean; remote?: string; refused?: string }> {
  const branch = proposal.branch;
  if (!branch) return { pushed: false };
  const local = await resolveCommit(root, `refs/heads/${branch}`).catch(() => undefined);
  if (local && (await isAncestor(root, local, head)))
    await moveBranch(root, branch, head, local, 'mentoring: accepted');
  const remote = (await findMentoringBranch(root, { branch: options.into }))?.remote;
  if (!remote) return { pushed: false };
  const pushed = await pushCommit(root, remote, head, `refs/heads/${branch}`);
  return pushed.ok
    ? { pushed: true, remote }
    : { pushed: false, remote, refused: pushRefusal(remote, `refs/heads/${branch}`, pushed) };
}

/** Deletes the decided review branch here (unless checked out) and on the remote; says what could not be. */
async function deleteReviewBranch(
  root: string,
  proposal: ProposalForMe,
  remote: string | undefined,
): Promise<DecisionResult['branchDeleted']> {
  const deleted: DecisionResult['branchDeleted'] = { local: false, remote: false };
  const branch = proposal.branch;
  if (!branch) return deleted;
  const problems: string[] = [];
  const local = await resolveCommit(root, `refs/heads/${branch}`).catch(() => undefined);
  if (local && (await currentBranch(root)) === branch) problems.push('you have it checked out');
  else if (local) {
    await deleteBranch(root, branch, local);
    deleted.local = true;
  }
  if (remote && (await refExists(root, `refs/remotes/${remote}/${branch}`))) {
    const remoteRef = `refs/heads/${branch}`;
    const pushed = await pushCommit(root, remote, null, remoteRef).catch((error: Error) => error.message);
    if (typeof pushed !== 'string' && pushed.ok) deleted.remote = true;
    else problems.push(typeof pushed === 'string' ? pushed : pushRefusal(remote, remoteRef, pushed));
  }
  return problems.length > 0 ? { ...deleted, problem: problems.join('; ') } : deleted;
}
