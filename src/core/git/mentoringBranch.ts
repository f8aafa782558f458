// The mentoring branch: where the pairs' changes are shared, proposals merged, decisions recorded,
// and what What's new reads. The repository's default branch unless the caller names another
// (`mentoring.branch`, `--branch`, `into`), else the branch checked out. The one place that says
// which branch it is, where its remote copy is, and where both point now.
import { isAncestor } from './commits';
import { assertBranchName, branchState, refTip, type Upstream } from './branches';
import { assertRevision, currentBranch, defaultBranch, pushRemote } from './refs';
import { GitError } from './runner';

export interface MentoringBranch {
  /** The local branch's name (there may be only its remote copy so far). */
  branch: string;
  /** The remote it is fetched from and pushed to: its upstream's, else the push remote; none without a remote. */
  remote?: string;
  /** The branch on that remote (`refs/heads/main`) and its remote-tracking ref here (`refs/remotes/origin/main`). */
  remoteRef?: string;
  trackingRef?: string;
  /** The local branch's tip, if there is a local branch. */
  local?: string;
  /** The remote-tracking branch's tip, if it was fetched. */
  tracking?: string;
  /** The local branch's configured upstream on a remote; undefined when it has none. */
  upstream?: Upstream;
  /** The top folder of the worktree it is checked out in (this one or another); undefined: not checked out. */
  worktree?: string;
}

/** Which branch is the mentoring branch, and where it and its remote copy point now; undefined without any branch. */
export async function findMentoringBranch(
  root: string,
  options: { branch?: string } = {},
): Promise<MentoringBranch | undefined> {
  if (options.branch !== undefined) {
    // A name git would read as an option is refused as any revision is, before the stricter rule.
    assertRevision(options.branch);
    assertBranchName(options.branch);
  }
  const pushTo = await pushRemote(root);
  const branch = options.branch ?? (await defaultBranch(root, pushTo)) ?? (await currentBranch(root));
  if (!branch) return undefined;
  const state = await branchState(root, branch);
  const { upstream } = state;
  const remote = upstream?.remote ?? pushTo;
  const remoteRef = upstream?.remoteRef ?? (remote ? `refs/heads/${branch}` : undefined);
  const trackingRef = upstream?.trackingRef ?? (remote ? `refs/remotes/${remote}/${branch}` : undefined);
  const tracking = upstream ? upstream.tip : trackingRef && (await refTip(root, trackingRef));
  return { branch, remote, remoteRef, trackingRef, local: state.local, tracking, upstream, worktree: state.worktree };
}

/** The same, refusing a repository where the branch does not exist at all. */
export async function requireMentoringBranch(
  root: string,
  options: { branch?: string } = {},
): Promise<MentoringBranch> {
  const found = await findMentoringBranch(root, options);
  if (!found || (!found.local && !found.tracking))
    throw new GitError(
      `no mentoring branch${found ? ` "${found.branch}"` : ''} here: commit the mentoring folder on a branch first`,
    );
  return found;
}

/**
 * The newer of the local and the remote tip: the remote's when the local branch is only behind
 * it (not pulled yet), the local one when it is ahead. `diverged` when each has commits the other
 * lacks; the tip is then the local one.
 */
export async function newestTip(
  root: string,
  target: MentoringBranch,
): Promise<{ commit: string | undefined; diverged: boolean }> {
  const { local, tracking } = target;
  if (!local || !tracking || local === tracking) return { commit: local ?? tracking, diverged: false };
  if (await isAncestor(root, local, tracking)) return { commit: tracking, diverged: false };
  return { commit: local, diverged: !(await isAncestor(root, tracking, local)) };
}
