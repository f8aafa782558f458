// What accepting or declining did, and the paragraph that says so: the same words in the
// terminal and in the editor.
import type { ProposalForMe } from './concerns';
import type { Landed } from './land';
import type { Decision } from './records';

export interface DecisionResult {
  decision: Decision;
  proposal: ProposalForMe;
  /** done: merged or recorded on the mentoring branch; waiting: a program's match accepted by me, the other side still to accept; refused: the remote refused the push, the pull request is the way. */
  outcome: 'done' | 'waiting' | 'refused';
  mentoringBranch: string;
  /** The commit that landed (or, refused, the one that could not). */
  commit: string;
  remote?: string;
  pushed: boolean;
  local: Landed['local'];
  refused?: string;
  pullRequestUrl?: string;
  acceptedBy?: string[];
  waitingFor?: string;
  reason?: string;
  /** The review branch deleted here and on the remote; `problem` says what stopped it. */
  branchDeleted: { local: boolean; remote: boolean; problem?: string };
  /** What happened, in a paragraph both faces show. */
  message: string;
}

export function describeDecision(result: Omit<DecisionResult, 'message'>): string {
  const { proposal, mentoringBranch: into, remote } = result;
  const review = proposal.branch;
  const title = proposal.title;
  if (result.outcome === 'refused') {
    const where = result.pullRequestUrl
      ? `: ${result.pullRequestUrl}`
      : ` from ${review} into ${into} on your git host`;
    return result.decision === 'accepted'
      ? `Not merged yet: ${result.refused}. Your acceptance is on ${review}; merge it through a pull request${where}`
      : `Not declined: ${result.refused}. Nothing was recorded or deleted; decline it on the pull request instead${where}`;
  }
  const landedWhere = (what: string) => {
    const pushed = result.pushed
      ? ` and pushed to ${remote}`
      : remote
        ? ` (not pushed: ${into} is not on ${remote})`
        : ' (no remote: nothing pushed)';
    const pull = result.local === 'behind' ? ` Pull ${into} to see it here.` : '';
    return `${what} ${into}${pushed}.${pull}`;
  };
  const deleted = review ? branchWords(result) : '';
  if (result.decision === 'declined') {
    const why = result.reason ? ` (“${result.reason}”)` : '';
    const recorded = landedWhere(review ? 'Recorded on' : 'The proposed plan is set to ended on');
    return `Declined: ${title}${why}. ${recorded}${deleted}`;
  }
  if (result.outcome === 'waiting') {
    const where = review
      ? `your acceptance is on ${review}${result.pushed ? ` (pushed to ${remote})` : ''}`
      : landedWhere('your acceptance is on');
    return `Accepted: ${title}. ${proposal.pair} starts once ${result.waitingFor ?? 'the other side'} accepts too; ${where}`;
  }
  const active = proposal.kind === 'relationship' ? ` ${proposal.pair} is active now.` : '';
  return `Accepted: ${title}.${active} ${landedWhere(review ? `Merged ${review} into` : 'Committed on')}${deleted}`;
}

function branchWords(result: Omit<DecisionResult, 'message'>): string {
  const { branchDeleted, proposal } = result;
  if (branchDeleted.problem)
    return ` The review branch ${proposal.branch} was not deleted everywhere: ${branchDeleted.problem}.`;
  return branchDeleted.local || branchDeleted.remote ? ` The review branch ${proposal.branch} is deleted.` : '';
}
