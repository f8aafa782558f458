// The mentoring branch as two people see it: my copy and its remote-tracking branch (what the
// other side pushed, once fetched). Fetch touches only the remote-tracking ref and FETCH_HEAD,
// never the working tree, the index, HEAD or a local branch: merging is the user's own Pull.
import { assertRevision, currentBranch, defaultBranch, pushRemote } from './refs';
import { GitError, runGit } from './runner';

/** A fetch may take longer than a local command: a slow network, a large pack. */
const FETCH_TIMEOUT_MS = 120_000;

/** The branch the pair's changes are shared on: the one given, else the default branch, else the current one. */
export async function mentoringBranch(root: string, configured?: string): Promise<string | undefined> {
  if (configured) {
    assertBranchName(configured);
    return configured;
  }
  return (await defaultBranch(root, await pushRemote(root))) ?? (await currentBranch(root));
}

export interface RemoteTracking {
  remote: string;
  /** The full ref, `refs/remotes/<remote>/<branch>`. */
  ref: string;
  /** The branch's name on the remote. */
  branch: string;
}

/**
 * Where `branch` is fetched from: its upstream when it has one on a remote, else the same name on
 * the push remote (`origin`, or the only remote). Undefined without a remote.
 */
export async function remoteTrackingOf(root: string, branch: string): Promise<RemoteTracking | undefined> {
  assertBranchName(branch);
  const config = async (key: string) => (await runGit(root, ['config', '--get', key]).catch(() => '')).trim();
  const remote = await config(`branch.${branch}.remote`);
  const merge = await config(`branch.${branch}.merge`);
  // A remote of "." is a local upstream: nothing to fetch.
  if (remote !== '' && remote !== '.' && !remote.startsWith('-') && merge.startsWith('refs/heads/')) {
    const remoteBranch = merge.slice('refs/heads/'.length);
    return { remote, branch: remoteBranch, ref: `refs/remotes/${remote}/${remoteBranch}` };
  }
  const fallback = await pushRemote(root);
  return fallback ? { remote: fallback, branch, ref: `refs/remotes/${fallback}/${branch}` } : undefined;
}

/**
 * Fetches only the mentoring branch from its remote, updating its remote-tracking branch (through
 * the remote's configured refspec, as `git fetch origin main` does). No tags, no other branches;
 * the working tree, index, HEAD and local branches stay as they are. No prompts: a remote that
 * needs a password the user has not stored fails with git's message.
 */
export async function fetchMentoringBranch(root: string, branch: string): Promise<{ remote?: string; tip?: string }> {
  const tracking = await remoteTrackingOf(root, branch);
  if (!tracking) return {};
  assertBranchName(tracking.branch);
  await runGit(root, ['fetch', '--no-tags', '--quiet', tracking.remote, `refs/heads/${tracking.branch}`], {
    timeoutMs: FETCH_TIMEOUT_MS,
  });
  return { remote: tracking.remote, tip: await commitOf(root, tracking.ref) };
}

/** The commit a full ref points at, or undefined when there is no such ref. */
export async function commitOf(root: string, ref: string): Promise<string | undefined> {
  if (!ref.startsWith('refs/')) throw new GitError(`refusing the ref "${ref}"`);
  const out = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).catch(
    () => '',
  );
  return out.trim() || undefined;
}

/** How many commits `to` has that `from` does not (both commit ids). */
export async function commitsAhead(root: string, from: string, to: string): Promise<number> {
  assertCommitId(from);
  assertCommitId(to);
  return Number((await runGit(root, ['rev-list', '--count', `${from}..${to}`])).trim()) || 0;
}

/**
 * The commits reachable from any of `tips` and not from `since` (all of them when undefined) that
 * touch `pathspecs`, as the history walk lists them (`--full-history`, so merges stay).
 */
export async function commitsSince(
  root: string,
  tips: string[],
  since: string | undefined,
  pathspecs: string[],
): Promise<Set<string>> {
  for (const id of [...tips, ...(since ? [since] : [])]) assertCommitId(id);
  if (tips.length === 0) return new Set();
  const out = await runGit(root, [
    '--literal-pathspecs',
    'rev-list',
    '--full-history',
    ...tips,
    ...(since ? [`^${since}`] : []),
    '--',
    ...pathspecs,
  ]);
  return new Set(out.split('\n').filter((line) => line !== ''));
}

function assertBranchName(branch: string): void {
  assertRevision(branch);
  if (/[~^:@{}]/.test(branch) || branch.endsWith('/') || branch.endsWith('.lock'))
    throw new GitError(`"${branch}" is not a branch name`);
}

function assertCommitId(id: string): void {
  if (!/^[0-9a-f]{40,64}$/.test(id)) throw new GitError(`"${id}" is not a commit id`);
}
