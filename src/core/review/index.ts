// Plans and relationship proposals reviewed as pull requests.
//
// API:
// - `planDiff(old, new)`: the semantic change of one plan (text or data).
// - `diffRevisions(root, rev1, rev2, { folder, pair })`: every pair's changes between two revisions;
//   `toText`, `toMarkdown`, `toJson` / `renderDiff` print it.
// - `proposeOnBranch(root, …)`: commits a pair's change on `mentoring/<pair>/<what>-<date>` without
//   touching the working tree, index or HEAD, and pushes it; `withdrawProposedEdits` cleans the
//   proposed files out of the working tree afterwards.
// - `remoteCompareUrl(url, base, branch)`: the host's new-pull-request page.
// - `newRelationshipPlan(…)`: the plan text of a proposed relationship.
// - `codeownersLines(model, host)`, `updateCodeowners(text, lines)`: the CODEOWNERS block;
//   `chooseCodeownersFile(existing, remote)`: which file the host in use reads (GitHub or GitLab).
// - `pendingProposals(root, …)`: relationships and plan changes waiting for the other side.
// - `proposalsFor(root, model, me)`: those I decide on, titled in my words.
// - `acceptProposal` / `declineProposal`: merge or record the decision on the mentoring branch,
//   push it, delete the review branch (core/app's accept/decline supply the plan edits).
// - `readDecisions(root, rev)`: accepted and declined proposals recorded on a branch.
export {
  chooseCodeownersFile,
  CODEOWNERS_LOCATIONS,
  codeownersLines,
  CodeownersError,
  HOST_NAMES,
  updateCodeowners,
  type CodeownersHost,
  type CodeownersTarget,
} from './codeowners';
export { pendingProposals, type Proposal } from './pending';
export { DecideError, pickProposal, proposalsFor, type ProposalForMe } from './concerns';
export {
  acceptProposal,
  declineProposal,
  type AcceptOptions,
  type DecideOptions,
  type DeclineOptions,
  type PlanAcceptance,
} from './decide';
export { describeDecision, type DecisionResult } from './decision';
export { decisionMessage, parseDecision, readDecisions, type Decision, type DecisionRecord } from './records';
export { findMentoringBranch, type MentoringBranch } from '../git/mentoringBranch';
export { planChangeCounts } from './titles';
export { isEmptyPlanDiff, planDiff, type PlanDiff, type ValueChange } from './planDiff';
export {
  NothingToProposeError,
  proposeOnBranch,
  withdrawProposedEdits,
  type ProposeOptions,
  type ProposedChange,
  type ProposeResult,
} from './propose';
export { newRelationshipPlan, withoutPendingNote, type NewRelationship } from './relationship';
export { parseRemoteUrl, remoteCompareUrl, type RemoteRepo } from './remote';
export { planChangeMarkdown, renderDiff, toJson, toMarkdown, toText, type DiffFormat } from './render';
export { diffRevisions, type PairChanges, type RevisionDiff } from './revisions';
