// The proposals I decide on: relationships and plan changes of my pairs that the other side
// proposed (a program's match: until I accepted it), each with a title in my words and what it
// changes, compared with where its branch left the mentoring branch.
import { readObjects } from '../git/objects';
import { mergeBase } from '../git/refs';
import type { MentoringModel } from '../folder/model';
import { parsePairId } from '../folder/names';
import { toRel } from '../folder/paths';
import { knownPeople, personFromEmail } from '../folder/people';
import { parseYamlBlob } from '../folder/yamlText';
import { isReviewBranch, pendingProposals } from './pending';
import { planDiff, type PlanDiff } from './planDiff';
import type { Proposal } from './proposal';
import { findMentoringBranch, newestTip } from '../git/mentoringBranch';
import { planChangeCounts, proposalTitle } from './titles';

export interface ProposalForMe extends Proposal {
  /** "Ana asks you for mentoring", "Ana proposes plan changes: 2 goals added". */
  title: string;
  /** What the plan change does, counted ("2 goals added"); for a relationship, empty. */
  changes: string[];
  plan: PlanDiff;
  /** The commit the proposal is compared with: where its branch left the mentoring branch. */
  base: string;
  /** The pair's plan, relative to the root. */
  planPath: string;
  /** Who accepted already (a program's match waits for both). */
  acceptedBy: string[];
}

export interface ConcernOptions {
  /** The mentoring branch, when not the default branch. */
  into?: string;
  /** The pending proposals, when the caller read them already (the sidebar lists mine too). */
  pending?: Proposal[];
}

/** The mentoring folder relative to the root, as git paths name it. */
export function folderOf(model: MentoringModel): string {
  return toRel(model.root, model.folder);
}

export async function proposalsFor(
  root: string,
  model: MentoringModel,
  me: string,
  options: ConcernOptions = {},
): Promise<ProposalForMe[]> {
  const folder = folderOf(model);
  const people = knownPeople(model);
  const pending =
    options.pending ??
    (await pendingProposals(root, {
      folder,
      into: options.into,
      handleOfEmail: (email) => personFromEmail(people, email)?.handle,
    }));
  const mine = pending.filter((p) => (p.mentee === me || p.mentor === me) && p.from !== me);
  if (mine.length === 0) return [];
  const target = await findMentoringBranch(root, { branch: options.into });
  const tip = target ? (await newestTip(root, target)).commit : undefined;
  const bases = await Promise.all(
    mine.map((p) => (p.branch && tip ? mergeBase(root, tip, p.commit).catch(() => p.commit) : p.commit)),
  );
  const planPath = (pair: string) => `${folder}/pairs/${pair}/plan.yaml`;
  const blobs = await readObjects(
    root,
    mine.flatMap((p, i) => [`${bases[i]}:${planPath(p.pair)}`, `${p.commit}:${planPath(p.pair)}`]),
  );
  const result: ProposalForMe[] = [];
  mine.forEach((proposal, i) => {
    const after = parseYamlBlob(blobs[2 * i + 1]).data;
    // A relationship on the mentoring branch itself has no "before": it is all new to me.
    const before = proposal.branch ? parseYamlBlob(blobs[2 * i]).data : undefined;
    const acceptedBy = acceptedByOf(after);
    if (acceptedBy.includes(me)) return;
    const plan = planDiff(before, after);
    result.push({
      ...proposal,
      title: proposalTitle(proposal, me, plan, people),
      changes: proposal.kind === 'plan-change' ? planChangeCounts(plan) : [],
      plan,
      base: bases[i],
      planPath: planPath(proposal.pair),
      acceptedBy,
    });
  });
  return result;
}

/** A plan's `accepted_by` handles. */
export function acceptedByOf(plan: unknown): string[] {
  const list = typeof plan === 'object' && plan !== null ? (plan as Record<string, unknown>).accepted_by : undefined;
  return Array.isArray(list) ? list.filter((handle): handle is string => typeof handle === 'string') : [];
}

export class DecideError extends Error {
  /** `usage`: the argument does not name one proposal (the CLI exits with 2). */
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

/** The one proposal `which` (a review branch, or a pair with one proposal for me) names among mine. */
export function pickProposal(proposals: ProposalForMe[], which: string, pending?: Proposal[]): ProposalForMe {
  const byBranch = which.includes('/');
  if (byBranch && !isReviewBranch(which))
    throw new DecideError(
      `"${which}" is neither a pair (<mentee>--<mentor>) nor a review branch (mentoring/<pair>/<what>)`,
      true,
    );
  if (!byBranch) {
    try {
      parsePairId(which);
    } catch (error) {
      throw new DecideError(error instanceof Error ? error.message : String(error), true);
    }
  }
  const matches = proposals.filter((p) => (byBranch ? p.branch === which : p.pair === which));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1)
    throw new DecideError(
      `${which} has ${matches.length} proposals for you; name one: ${matches.map((p) => p.branch ?? p.pair).join(', ')}`,
      true,
    );
  const other = pending?.find((p) => (byBranch ? p.branch === which : p.pair === which));
  if (other)
    throw new DecideError(`${which} is not yours to decide: it was proposed by you, or is not about your mentoring`);
  throw new DecideError(`no proposal waiting for you matches ${which}`);
}
