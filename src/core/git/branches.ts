// One branch's state, for writing to it without checking it out: its tip, where it is checked
// out, and its upstream; moving or deleting it only from the value it was read at.
import { assertObjectId, listRemotes } from './refs';
import { GitError, runGit } from './runner';

export interface Upstream {
  remote: string;
  /** The branch on the remote: `refs/heads/main`. */
  remoteRef: string;
  /** Its remote-tracking ref here: `refs/remotes/origin/main`. */
  trackingRef: string;
  /** What the tracking ref points at, when it exists. */
  tip?: string;
}

export interface BranchState {
  name: string;
  /** The local branch's tip; undefined when there is no local branch of that name. */
  local?: string;
  /** The top folder of the worktree it is checked out in, if any (this one or another). */
  worktree?: string;
  /** Its configured upstream on a remote; undefined when it has none (or follows a local branch). */
  upstream?: Upstream;
}

/** A branch name as a user or a setting gives it: refused when git would read it as anything else. */
export function assertBranchName(name: string): void {
  const ok =
    /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(name) &&
    name.length <= 200 &&
    !/\.\.|\/\/|\/\.|@\{|\.lock(\/|$)|[./]$/.test(name);
  if (!ok) throw new GitError(`refusing the branch name "${name}"`);
}

/** The local branch `name`: tip, worktree and upstream, in one `for-each-ref`. */
export async function branchState(root: string, name: string): Promise<BranchState> {
  assertBranchName(name);
  const format =
    '--format=%(refname)%00%(objectname)%00%(worktreepath)%00%(upstream:remotename)%00%(upstream:remoteref)%00%(upstream)';
  const out = await runGit(root, ['for-each-ref', format, '--', `refs/heads/${name}`]);
  const line = out.split('\n').find((record) => record.startsWith(`refs/heads/${name}\0`));
  if (!line) return { name };
  const [, tip, worktree, remote, remoteRef, trackingRef] = line.split('\0');
  const state: BranchState = { name, local: tip, worktree: worktree || undefined };
  if (remote && remoteRef.startsWith('refs/heads/') && trackingRef.startsWith('refs/remotes/')) {
    if ((await listRemotes(root)).includes(remote)) {
      state.upstream = { remote, remoteRef, trackingRef, tip: await refTip(root, trackingRef) };
    }
  }
  return state;
}

/** The commit a full ref name points at, undefined when there is no such ref. */
export async function refTip(root: string, ref: string): Promise<string | undefined> {
  if (!ref.startsWith('refs/')) throw new GitError(`refusing the ref "${ref}"`);
  const out = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).catch(
    () => '',
  );
  return out.trim() || undefined;
}

/**
 * Points `refs/heads/<branch>` at `to` only if it still points at `from` (undefined: only if it
 * does not exist yet), so a commit made meanwhile is never lost. The checkout is not touched.
 */
export async function moveBranch(
  root: string,
  branch: string,
  to: string,
  from: string | undefined,
  reason: string,
): Promise<void> {
  assertBranchName(branch);
  for (const id of from === undefined ? [to] : [to, from]) assertObjectId(id);
  try {
    await runGit(root, ['update-ref', '-m', reason, `refs/heads/${branch}`, to, from ?? ''], { mode: 'write' });
  } catch {
    throw new GitError(
      from === undefined
        ? `the branch ${branch} already exists; nothing was changed on it`
        : `${branch} moved while this was running; nothing was changed on it`,
    );
  }
}

/** Deletes `refs/heads/<branch>` if it still points at `at`. */
export async function deleteBranch(root: string, branch: string, at: string): Promise<void> {
  assertBranchName(branch);
  assertObjectId(at);
  await runGit(root, ['update-ref', '-d', `refs/heads/${branch}`, at], { mode: 'write' });
}
