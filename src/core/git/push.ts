// Pushing one commit to a branch of a remote and telling why a push was refused: the remote moved
// (fetch and try again), the remote refused it (branch protection, a hook), or it failed (network,
// credentials). Never a force push. Fetching one branch into its remote-tracking ref, or the
// review branches under a prefix.
import { assertBranchName } from './branches';
import { OBJECT_ID } from './refs';
import { GitError, runGit, streamGit } from './runner';

export type PushOutcome =
  | { ok: true }
  /** The remote has commits this one does not: fetch, rebuild, push again. */
  | { ok: false; reason: 'moved'; detail: string }
  /** The remote refused the update itself: a protected branch, a pre-receive hook. */
  | { ok: false; reason: 'declined'; detail: string }
  | { ok: false; reason: 'failed'; detail: string };

function assertRemote(remote: string): void {
  if (remote === '' || remote.startsWith('-') || /[\s\0:]/.test(remote))
    throw new GitError(`refusing the remote "${remote}"`);
}

/** Pushes `commit` to `remoteRef` (`refs/heads/main`) on `remote`, fast-forward only; null deletes that branch. */
export async function pushCommit(
  root: string,
  remote: string,
  commit: string | null,
  remoteRef: string,
): Promise<PushOutcome> {
  assertRemote(remote);
  if ((commit !== null && !OBJECT_ID.test(commit)) || !/^refs\/heads\/[^\s:]+$/.test(remoteRef))
    throw new GitError(`refusing to push ${commit ?? 'a deletion'} to ${remoteRef}`);
  const chunks: Buffer[] = [];
  try {
    // --porcelain: one status line per ref on stdout, the same in every locale and git version.
    await streamGit(
      root,
      ['push', '--porcelain', '--', remote, `${commit ?? ''}:${remoteRef}`],
      (chunk) => chunks.push(chunk),
      {
        mode: 'write',
        timeoutMs: 2 * 60_000,
      },
    );
    return { ok: true };
  } catch (error) {
    const stderr = error instanceof GitError ? (error.stderr ?? '') : '';
    return classifyPushFailure(Buffer.concat(chunks).toString('utf8'), stderr, errorText(error));
  }
}

/** What a failed push's porcelain status line and stderr say. */
export function classifyPushFailure(porcelain: string, stderr: string, message: string): PushOutcome {
  const status = porcelain.split('\n').find((line) => line.startsWith('!\t'));
  const remoteWords = stderr
    .split('\n')
    .filter((line) => line.startsWith('remote:'))
    .map((line) => line.replace(/^remote:\s*/, '').trim())
    .filter(Boolean)
    .join(' ');
  if (status) {
    const summary = status.split('\t')[2] ?? '';
    const why = /\((.*)\)\s*$/.exec(summary)?.[1] ?? summary;
    if (summary.startsWith('[remote rejected]')) {
      const words = `${why}${remoteWords ? `: ${remoteWords}` : ''}`;
      const refused = /hook declined|protected|GH006|pull request|not permitted|not allowed/i.test(words);
      return { ok: false, reason: refused ? 'declined' : 'failed', detail: words };
    }
    if (summary.startsWith('[rejected]')) return { ok: false, reason: 'moved', detail: why };
  }
  return { ok: false, reason: 'failed', detail: remoteWords || message };
}

/** Fetches the remote's `remoteRef` into `trackingRef`, as `git fetch` does for a configured remote. */
export async function fetchBranch(root: string, remote: string, remoteRef: string, trackingRef: string): Promise<void> {
  assertRemote(remote);
  if (!remoteRef.startsWith('refs/heads/') || !trackingRef.startsWith('refs/remotes/') || /[\s:]/.test(remoteRef))
    throw new GitError(`refusing to fetch ${remoteRef} into ${trackingRef}`);
  await streamGit(root, ['fetch', '--no-tags', '--quiet', remote, `+${remoteRef}:${trackingRef}`], () => undefined, {
    mode: 'write',
    timeoutMs: 2 * 60_000,
  });
}

/** A failed push in words: `origin refused the push to main: protected branch`. */
export function pushRefusal(remote: string, remoteRef: string, outcome: PushOutcome): string {
  return outcome.ok ? '' : `${remote} refused the push to ${remoteRef.slice('refs/heads/'.length)}: ${outcome.detail}`;
}

/**
 * Fetches every branch under `prefix/` into `refs/remotes/<remote>/<prefix>/`, pruning those the
 * remote no longer has (only under that prefix).
 */
export async function fetchBranchesUnder(root: string, remote: string, prefix: string): Promise<void> {
  assertRemote(remote);
  assertBranchName(prefix);
  await runGit(
    root,
    [
      'fetch',
      '--quiet',
      '--no-tags',
      '--prune',
      '--',
      remote,
      `+refs/heads/${prefix}/*:refs/remotes/${remote}/${prefix}/*`,
    ],
    { mode: 'write', timeoutMs: 60_000 },
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
