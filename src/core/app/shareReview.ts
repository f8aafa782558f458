// A share the remote refused (a protected branch) waits on a review branch, and the files stay
// unshared until it is merged and pulled. This finds that branch again, so the sidebar says
// "waiting for review" and a second Share points at it instead of opening another one.
import { listRefs, refExists, remoteUrl } from '../git/refs';
import { readObjects } from '../git/objects';
import { remoteCompareUrl } from '../review';
import type { ResolvedChange, Scope } from './shareChanges';
import type { ShareResult } from './shareTypes';

/** The newest local `mentoring/<pair>/share-<date>` branch that holds exactly what sharing `changes` would commit. */
export async function reviewBranchHolding(
  top: string,
  pair: string,
  changes: ResolvedChange[],
): Promise<string | undefined> {
  if (changes.length === 0) return undefined;
  const prefix = `refs/heads/mentoring/${pair}/`;
  const refs = (await listRefs(top, [prefix]))
    .filter((ref) => /^share-\d{4}-\d{2}-\d{2}(-\d+)?$/.test(ref.ref.slice(prefix.length)))
    .sort((a, b) => b.date.localeCompare(a.date));
  for (const ref of refs) {
    const held = await readObjects(
      top,
      changes.map((change) => `${ref.commit}:${change.path}`),
    );
    const holds = changes.every((change, i) => {
      const content = held[i];
      return change.shared === undefined ? content === undefined : content?.equals(change.shared) === true;
    });
    if (holds) return ref.ref.slice('refs/heads/'.length);
  }
  return undefined;
}

/** The result of a share whose change already waits on `branch`. */
export async function alreadyInReview(scope: Scope, result: ShareResult, branch: string): Promise<ShareResult> {
  const remote = scope.mentoring.upstream?.remote;
  const target = scope.mentoring.upstream?.remoteRef.slice('refs/heads/'.length) ?? scope.mentoring.branch;
  const pushed = remote !== undefined && (await refExists(scope.top, `refs/remotes/${remote}/${branch}`));
  const url = remote ? await remoteUrl(scope.top, remote) : undefined;
  const compareUrl = url ? remoteCompareUrl(url, target, branch) : undefined;
  const pushCommand = `git push -u ${remote ?? '<remote>'} ${branch}`;
  result.status = 'review';
  result.review = { branch, pushed, ...(compareUrl ? { compareUrl } : {}), pushCommand };
  const next = !pushed
    ? ` It is not pushed: run ${pushCommand}.`
    : compareUrl
      ? ` Open a pull request: ${compareUrl}`
      : ` Open a pull request from ${branch} into ${target}.`;
  result.summary = `These changes already wait for review on ${branch}; they are shared once it is merged into ${target}.${next}`;
  return result;
}
