// How a share reaches the mentoring branch. The commit is built with plumbing on the branch's tip
// (never a checkout), pushed when the branch has an upstream, and only then put on the local
// branch; on the branch I have checked out, the index entries of exactly the shared files are set
// to the new commit, everything else staged or not stays as it was. A remote that moved on gets
// the same change rebuilt on its new tip (a three-way merge per file); a change that does not apply
// stops everything with nothing committed; a remote that refuses the branch (protection, a hook)
// gets the change on a review branch instead.
import { moveBranch, refTip } from '../git/branches';
import { isAncestor } from '../git/commits';
import { mergeVersions } from '../git/mergeFile';
import { readObjects } from '../git/objects';
import { commitWithChanges, writeBlob, type TreeChange } from '../git/plumbing';
import { fetchBranch, pushCommit } from '../git/push';
import { remoteUrl } from '../git/refs';
import { resetIndexPaths } from '../git/repository';
import { proposeOnBranch, remoteCompareUrl } from '../review';
import type { Scope } from './shareChanges';
import type { ShareResult, ShareStep } from './shareTypes';

export interface PublishPlan {
  scope: Scope;
  pair: string;
  /** Each file: the mentoring branch's version and what sharing puts there (undefined: no file). */
  changes: { path: string; tip: Buffer | undefined; shared: Buffer | undefined }[];
  message: string;
  /** YYYY-MM-DD, for a review branch's name. */
  today: string;
  dryRun: boolean;
}

/** Each path's content in a commit to build: bytes, or undefined to delete the file. */
type Contents = Map<string, Buffer | undefined>;

const MAX_REBUILDS = 3;

export async function publishShare(
  plan: PublishPlan,
  result: ShareResult,
  onStep?: (step: ShareStep) => void,
): Promise<ShareResult> {
  const { scope } = plan;
  const { mentoring, top } = scope;
  const step = (kind: ShareStep['step'], text: string) => {
    const taken = { step: kind, text };
    result.steps.push(taken);
    onStep?.(taken);
  };
  const short = (id: string) => id.slice(0, 7);
  const rel = (path: string) => path.slice(scope.rootPrefix.length);

  const onTip: Contents = new Map(plan.changes.map((c) => [c.path, c.tip]));
  const wanted: Contents = new Map(plan.changes.map((c) => [c.path, c.shared]));
  const pushTo = mentoring.upstream;
  if (plan.dryRun) {
    result.status = 'dry-run';
    const where = pushTo ? `${mentoring.branch} and push to ${pushTo.remote}` : mentoring.branch;
    result.summary = `Would commit ${count(result.files.length, 'file')} to ${where}: ${firstLine(plan.message)}`;
    return result;
  }

  const first = await buildCommit(top, mentoring.tip, wanted, plan.message);
  if (!first) {
    result.summary = `Nothing to share for ${plan.pair}: ${mentoring.branch} already has these changes.`;
    return result;
  }
  step('commit', `Committed ${count(result.files.length, 'file')} on top of ${mentoring.branch} (${short(first)})`);
  let commit = first;
  let parent = mentoring.tip;
  let declined: string | undefined;
  if (pushTo) {
    const remoteBranch = `${pushTo.remote}/${pushTo.remoteRef.slice('refs/heads/'.length)}`;
    for (let attempt = 0; ; attempt++) {
      step('push', `Pushing to ${remoteBranch}`);
      const outcome = await pushCommit(top, pushTo.remote, commit, pushTo.remoteRef);
      if (outcome.ok) {
        result.pushed = true;
        break;
      }
      if (outcome.reason === 'declined') {
        declined = outcome.detail;
        break;
      }
      if (outcome.reason === 'failed' || attempt === MAX_REBUILDS) {
        result.pushError = outcome.reason === 'failed' ? outcome.detail : `${remoteBranch} kept moving; try again`;
        break;
      }
      step('fetch', `${remoteBranch} had moved on: fetching it`);
      await fetchBranch(top, pushTo.remote, pushTo.remoteRef, pushTo.trackingRef);
      const newTip = await refTip(top, pushTo.trackingRef);
      if (!newTip) {
        result.pushError = `${remoteBranch} is gone from ${pushTo.remote}`;
        break;
      }
      const theirs = await contentsAt(top, newTip, [...wanted.keys()]);
      for (const [path, content] of wanted) {
        const merged = await mergeVersions({ base: onTip.get(path), ours: content, theirs: theirs.get(path) });
        if ('conflict' in merged) return conflictResult(result, rel(path), remoteBranch);
        wanted.set(path, merged.merged);
      }
      const rebuilt = await buildCommit(top, newTip, wanted, plan.message);
      for (const [path, content] of theirs) onTip.set(path, content);
      parent = newTip;
      result.rebuilt = true;
      if (!rebuilt) {
        // The remote already holds exactly this change: nothing left to push.
        commit = newTip;
        result.pushed = true;
        break;
      }
      commit = rebuilt;
      step('rebuild', `Rebuilt the change on ${remoteBranch} (${short(commit)})`);
    }
  }
  if (declined !== undefined && pushTo) {
    return toReviewBranch(plan, result, { parent, wanted, remote: pushTo.remote, declined, step });
  }

  let localNote = '';
  if (mentoring.local) {
    const checkedOutHere = mentoring.worktree === top;
    // A branch I have checked out keeps my commit on the tip I have (a pull brings the rest); one
    // I have not moves to the pushed commit when that loses nothing of it.
    const keepFirst = checkedOutHere || !result.rebuilt || !(await isAncestor(top, mentoring.tip, parent));
    const local = keepFirst ? first : commit;
    try {
      await moveBranch(top, mentoring.branch, local, mentoring.tip, 'mentoring: share');
      if (checkedOutHere) await resetIndexPaths(top, [...wanted.keys()]);
      step('update-branch', `${mentoring.branch} now has the change (${short(local)})`);
      if (checkedOutHere && result.rebuilt) localNote = ` Pull ${mentoring.branch} to bring in what others pushed.`;
    } catch (error) {
      localNote = ` ${error instanceof Error ? error.message : String(error)}; pull it to bring the change in.`;
    }
  } else if (!result.pushed) {
    result.summary = `Not shared: the push to ${pushTo?.remote ?? 'the remote'} failed (${result.pushError}). Nothing was committed; your files are as they were.`;
    return result;
  }
  result.commit = commit;
  result.status = result.pushed ? 'shared' : 'committed';
  const what = firstLine(plan.message).replace(/^mentoring\([^)]*\): /, '');
  if (result.pushed) {
    const moved = result.rebuilt ? `; ${pushTo?.remote}/${mentoring.branch} had moved on, so it was rebuilt on it` : '';
    result.summary = `Shared on ${mentoring.branch} and pushed to ${pushTo?.remote} (${short(commit)}): ${what}${moved}.${localNote}`;
  } else {
    const why = pushTo
      ? `the push failed (${result.pushError}); share again to retry`
      : `${mentoring.branch} has no upstream`;
    result.summary = `Committed to ${mentoring.branch} (${short(commit)}): ${what}. Not pushed: ${why}.${localNote}`;
  }
  return result;
}

/** A mentoring branch with this pair's changes that its upstream lacks (an earlier push failed): push it now. */
export async function pushPending(
  scope: Scope,
  result: ShareResult,
  pending: number,
  onStep?: (step: ShareStep) => void,
): Promise<ShareResult> {
  const { mentoring, top } = scope;
  const upstream = mentoring.upstream;
  if (!mentoring.local || !upstream) return result;
  const text = `Pushing the earlier share of ${result.pair} (${count(pending, 'file')}) to ${upstream.remote}`;
  result.steps.push({ step: 'push', text });
  onStep?.({ step: 'push', text });
  const outcome = await pushCommit(top, upstream.remote, mentoring.local, upstream.remoteRef);
  result.commit = mentoring.local;
  if (outcome.ok) {
    result.status = 'shared';
    result.pushed = true;
    result.summary = `Pushed the earlier share of ${result.pair} on ${mentoring.branch} (${count(pending, 'file')}) to ${upstream.remote}.`;
  } else {
    result.status = 'committed';
    result.pushError = outcome.detail;
    const pull = outcome.reason === 'moved' ? `; pull ${mentoring.branch}, then share again` : '';
    result.summary = `The earlier share of ${result.pair} on ${mentoring.branch} could not be pushed (${outcome.detail})${pull}.`;
  }
  return result;
}

async function toReviewBranch(
  plan: PublishPlan,
  result: ShareResult,
  context: {
    parent: string;
    wanted: Contents;
    remote: string;
    declined: string;
    step: (kind: ShareStep['step'], text: string) => void;
  },
): Promise<ShareResult> {
  const { scope } = plan;
  const target = scope.mentoring.upstream?.remoteRef.slice('refs/heads/'.length) ?? scope.mentoring.branch;
  const proposal = await proposeOnBranch(scope.top, {
    pair: plan.pair,
    what: 'share',
    date: plan.today,
    message: plan.message,
    folder: scope.folderPrefix.replace(/\/$/, ''),
    paths: [...context.wanted.keys()],
    edit: (path) => context.wanted.get(path)?.toString('utf8') ?? null,
    base: context.parent,
    remote: context.remote,
  });
  const url = await remoteUrl(scope.top, context.remote);
  const compareUrl = url ? remoteCompareUrl(url, target, proposal.branch) : undefined;
  result.status = 'review';
  result.commit = proposal.commit;
  result.review = {
    branch: proposal.branch,
    pushed: proposal.pushed,
    ...(compareUrl ? { compareUrl } : {}),
    ...(proposal.pushError ? { pushError: proposal.pushError } : {}),
    pushCommand: proposal.pushCommand,
  };
  context.step('review-branch', `${context.remote} refused ${target}: the change is on ${proposal.branch} for review`);
  const next = !proposal.pushed
    ? ` It is not pushed (${proposal.pushError}): run ${proposal.pushCommand}.`
    : compareUrl
      ? ` Open a pull request: ${compareUrl}`
      : ` Open a pull request from ${proposal.branch} into ${target}.`;
  result.summary = `${context.remote} does not take pushes to ${target} (${context.declined}), so the change went on ${proposal.branch} for review.${next}`;
  return result;
}

/** Stopped at `path`: my change does not apply on `against`'s version of it. */
export function conflictResult(result: ShareResult, path: string, against: string): ShareResult {
  result.status = 'conflict';
  result.conflict = { path, against };
  result.summary = `Not shared: ${path} was also changed on ${against}, and the two changes touch the same lines. Nothing was committed; your text is as it was. Bring in ${against}'s version (pull or merge it), then share again.`;
  return result;
}

async function contentsAt(top: string, commit: string, paths: string[]): Promise<Contents> {
  const blobs = await readObjects(
    top,
    paths.map((path) => `${commit}:${path}`),
  );
  return new Map(paths.map((path, i) => [path, blobs[i]]));
}

async function buildCommit(
  top: string,
  parent: string,
  contents: Contents,
  message: string,
): Promise<string | undefined> {
  const changes: TreeChange[] = [];
  for (const [path, content] of contents)
    changes.push({ path, blob: content === undefined ? null : await writeBlob(top, content) });
  return (await commitWithChanges(top, { parent, changes, message }))?.commit;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
