// Lands a commit on the mentoring branch without switching branches: fetch, build the commit on
// the branch's newest tip, push it (never forced; when the remote moved meanwhile, build again on
// its new tip), then bring the local branch along. When the user has the mentoring branch checked
// out and was up to date, their working tree follows too (only the files that changed, and only
// when no local change is in the way); when they were behind, the branch is left for them to pull.
import { moveBranch } from '../git/branches';
import { newestTip, requireMentoringBranch } from '../git/mentoringBranch';
import { fastForwardCheckout } from '../git/merge';
import { fetchBranch, pushCommit, pushRefusal } from '../git/push';
import { currentBranch } from '../git/refs';
import { GitError } from '../git/runner';

export interface LandOptions {
  /** The mentoring branch, when not the default branch. */
  into?: string;
  /** The commit to land, made on `tip` (called again when the remote moved while pushing). */
  build: (tip: string) => Promise<string>;
  /** The reflog's words for the local branch's move. */
  reason: string;
}

export interface Landed {
  branch: string;
  /** The landed commit; on a refused push, the commit that was built and not landed. */
  commit: string;
  remote?: string;
  /** Pushed to the remote's copy of the branch. */
  pushed: boolean;
  /** The remote refused the push (a protected branch, a hook): nothing changed here or there. */
  refused?: string;
  /**
   * What happened to the local branch: moved to the commit; moved with the checkout (it is the
   * branch checked out); left behind (checked out, not pulled: pull to see it); or none (no local branch).
   */
  local: 'moved' | 'checked-out' | 'behind' | 'none';
}

const ATTEMPTS = 3;

export async function landOnMentoringBranch(root: string, options: LandOptions): Promise<Landed> {
  for (let attempt = 1; ; attempt++) {
    const probe = await requireMentoringBranch(root, { branch: options.into });
    const { branch, remote, remoteRef, trackingRef } = probe;
    // Best effort: offline, the push below says so; a branch only here is landed here.
    if (remote && remoteRef && trackingRef)
      await fetchBranch(root, remote, remoteRef, trackingRef).catch(() => undefined);
    const target = await requireMentoringBranch(root, { branch });
    const { commit: tip, diverged } = await newestTip(root, target);
    if (!tip) throw new GitError(`the branch ${branch} has no commits`);
    if (diverged)
      throw new GitError(
        `${branch} and ${remote}/${branch} have diverged: bring ${branch} up to date with ${remote} first, then try again`,
      );
    const commit = await options.build(tip);
    const checkedOut = target.local !== undefined && (await currentBranch(root)) === branch;
    const followCheckout = checkedOut && target.local === tip;
    if (followCheckout) await fastForwardCheckout(root, tip, commit, { dryRun: true });

    if (remote && remoteRef && target.tracking) {
      const pushed = await pushCommit(root, remote, commit, remoteRef);
      const message = pushRefusal(remote, remoteRef, pushed);
      if (!pushed.ok && pushed.reason === 'moved' && attempt < ATTEMPTS) continue;
      if (!pushed.ok && pushed.reason === 'moved') throw new GitError(`${message}; try again in a moment`);
      // Not refused by the remote (offline, credentials): nothing landed, and the decision is not the pull request's.
      if (!pushed.ok && pushed.reason === 'failed') throw new GitError(pushed.detail);
      if (!pushed.ok) return { branch, commit, remote, pushed: false, refused: message, local: 'none' };
    }
    const pushed = remote !== undefined && target.tracking !== undefined;
    if (!target.local) return { branch, commit, remote, pushed, local: 'none' };
    if (checkedOut && !followCheckout) return { branch, commit, remote, pushed, local: 'behind' };
    if (followCheckout) await fastForwardCheckout(root, tip, commit);
    await moveBranch(root, branch, commit, target.local, options.reason);
    return { branch, commit, remote, pushed, local: followCheckout ? 'checked-out' : 'moved' };
  }
}
