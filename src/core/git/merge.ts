// Landing commits on a branch without checking it out: merging two commits in memory
// (`merge-tree --write-tree`, git ≥ 2.38) and bringing a checkout forward like a fast-forward.
// (Trees and commits: plumbing.ts; moving a branch: branches.ts; fetching and pushing: push.ts.)
// The user's working tree and index are only touched by fastForwardCheckout, which refuses rather
// than overwrite anything.
import { assertObjectId, OBJECT_ID } from './refs';
import { GitError, runGit, streamGit } from './runner';

/** Runs git and returns its stdout whether it exits with 0 or not (merge-tree says what conflicts on stdout). */
async function runKeepingOutput(
  root: string,
  args: string[],
  mode: 'read' | 'write',
): Promise<{ out: string; error?: GitError }> {
  const chunks: Buffer[] = [];
  try {
    await streamGit(root, args, (chunk) => chunks.push(chunk), { mode, timeoutMs: 60_000 });
    return { out: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return { out: Buffer.concat(chunks).toString('utf8'), error };
  }
}

/** The tree of merging `theirs` into `ours`, or the paths that conflict. Writes objects, no refs. */
export async function mergeCommits(
  root: string,
  ours: string,
  theirs: string,
): Promise<{ tree: string; conflicts?: undefined } | { conflicts: string[]; tree?: undefined }> {
  assertObjectId(ours);
  assertObjectId(theirs);
  const { out, error } = await runKeepingOutput(
    root,
    ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', ours, theirs],
    'read',
  );
  const [tree, ...paths] = out.split('\0').filter(Boolean);
  if (!error && tree && OBJECT_ID.test(tree)) return { tree };
  if (error && tree && OBJECT_ID.test(tree)) return { conflicts: [...new Set(paths)] };
  throw error ?? new GitError('git merge-tree printed no tree');
}

/**
 * Brings the index and working tree from commit `from` (what is checked out) to `to`, as a
 * fast-forward would: only paths that differ between the two change, staged and unstaged work
 * elsewhere stays. Refuses (nothing written) when a local change or an untracked file is in the
 * way; `dryRun` only checks. The branch ref is moved separately (moveBranch).
 */
export async function fastForwardCheckout(
  root: string,
  from: string,
  to: string,
  options: { dryRun?: boolean } = {},
): Promise<void> {
  assertObjectId(from);
  assertObjectId(to);
  const args = ['read-tree', '-m', '-u', ...(options.dryRun ? ['-n'] : []), from, to];
  try {
    await runGit(root, args, { mode: 'write' });
  } catch (error) {
    const path = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new GitError(
      path
        ? `your uncommitted change to ${path} is in the way`
        : `your uncommitted changes are in the way (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
