// Lands a commit on the mentoring branch without switching branches: fetch, build the commit on
// the branch's newest tip, push it (never forced; when the remote moved meanwhile, build again on
// its new tip), then bring the local branch along. When the user has the mentoring branch checked
// out and was up to date, their working tree follows too (only the files that changed, and only
// when no local change is in the way); when they were behind, the branch is left for them to pull.
import { fastForwardCheckout, fetchBranch, moveBranch, pushToBranch, type PushOutcome } from '../git/merge';
import { currentBranch } from '../git/refs';
import { GitError } from '../git/runner';
import { newestTip, requireMentoringBranch, type TargetOptions } from './target';

export interface LandOptions extends TargetOptions {
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
    const probe = await requireMentoringBranch(root, options);
    const { branch, remote } = probe;
    // Best effort: offline, the push below says so; a branch only here is landed here.
    if (remote) await fetchBranch(root, remote, branch).catch(() => false);
    const target = await requireMentoringBranch(root, { ...options, into: branch, remote: remote ?? false });
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

    if (remote && target.tracking) {
      const pushed: PushOutcome = await pushToBranch(root, remote, commit, branch);
      if (!pushed.ok && pushed.behind && attempt < ATTEMPTS) continue;
      if (!pushed.ok && pushed.behind) throw new GitError(`${pushed.message}; try again in a moment`);
      if (!pushed.ok) return { branch, commit, remote, pushed: false, refused: pushed.message, local: 'none' };
    }
    const pushed = remote !== undefined && target.tracking !== undefined;
    if (!target.local) return { branch, commit, remote, pushed, local: 'none' };
    if (checkedOut && !followCheckout) return { branch, commit, remote, pushed, local: 'behind' };
    if (followCheckout) await fastForwardCheckout(root, tip, commit);
    await moveBranch(root, branch, commit, target.local, options.reason);
    return { branch, commit, remote, pushed, local: followCheckout ? 'checked-out' : 'moved' };
  }
}
