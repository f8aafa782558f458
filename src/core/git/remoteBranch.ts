// The mentoring branch (mentoringBranch.ts finds it) as two people see it: my copy and its
// remote-tracking branch (what the other side pushed, once fetched). Fetch touches only the remote-tracking ref and FETCH_HEAD,
// never the working tree, the index, HEAD or a local branch: merging is the user's own Pull.
import { refTip } from './branches';
import { findMentoringBranch } from './mentoringBranch';
import { fetchBranch } from './push';
import { assertObjectId } from './refs';
import { runGit } from './runner';

/**
 * Fetches only the mentoring branch from its remote, updating its remote-tracking branch (as
 * `git fetch origin main` does with the usual refspec). No tags, no other branches;
 * the working tree, index, HEAD and local branches stay as they are. No prompts: a remote that
 * needs a password the user has not stored fails with git's message.
 */
export async function fetchMentoringBranch(root: string, branch: string): Promise<{ remote?: string; tip?: string }> {
  const { remote, remoteRef, trackingRef } = (await findMentoringBranch(root, { branch })) ?? {};
  if (!remote || !remoteRef || !trackingRef) return {};
  await fetchBranch(root, remote, remoteRef, trackingRef);
  return { remote, tip: await refTip(root, trackingRef) };
}

/** How many commits `to` has that `from` does not (both commit ids). */
export async function commitsAhead(root: string, from: string, to: string): Promise<number> {
  assertObjectId(from);
  assertObjectId(to);
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
  for (const id of [...tips, ...(since ? [since] : [])]) assertObjectId(id);
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
