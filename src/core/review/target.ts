// The mentoring branch: where proposals are merged and decisions recorded. The repository's
// default branch unless a caller names another (the `mentoring.branch` setting), else the branch
// checked out. Its tip is the local branch's, or the remote's copy when there is no local one.
import { isAncestor } from '../git/commits';
import { currentBranch, defaultBranch, pushRemote, refExists, resolveCommit } from '../git/refs';
import { GitError } from '../git/runner';

export interface MentoringBranch {
  branch: string;
  /** The remote proposals are pushed to, if any. */
  remote?: string;
  /** The local branch's tip, if there is a local branch. */
  local?: string;
  /** The remote-tracking branch's tip (`<remote>/<branch>`), if there is one. */
  tracking?: string;
}

export interface TargetOptions {
  /** The mentoring branch, when not the default branch. */
  into?: string;
  /** The remote; false: none. Default: the current branch's remote, else origin. */
  remote?: string | false;
}

/** Which branch is the mentoring branch, and where it and its remote copy point now; undefined without any branch. */
export async function findMentoringBranch(
  root: string,
  options: TargetOptions = {},
): Promise<MentoringBranch | undefined> {
  const remote = options.remote === false ? undefined : (options.remote ?? (await pushRemote(root)));
  const branch = options.into ?? (await defaultBranch(root, remote)) ?? (await currentBranch(root));
  if (!branch) return undefined;
  const tip = async (ref: string) =>
    (await refExists(root, ref)) ? await resolveCommit(root, ref.replace(/^refs\//, '')) : undefined;
  const local = await tip(`refs/heads/${branch}`);
  const tracking = remote ? await tip(`refs/remotes/${remote}/${branch}`) : undefined;
  return { branch, remote, local, tracking };
}

/** The same, refusing a repository where the branch does not exist at all. */
export async function requireMentoringBranch(root: string, options: TargetOptions = {}): Promise<MentoringBranch> {
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
