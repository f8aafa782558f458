// Landing commits on a branch without checking it out: merging two commits in memory
// (`merge-tree --write-tree`, git ≥ 2.38), bringing a checkout forward like a fast-forward, and
// fetching the review branches. (Trees and commits: plumbing.ts; moving a branch: branches.ts;
// pushing: push.ts.) The user's working tree and index are only touched by fastForwardCheckout,
// which refuses rather than overwrite anything.
import { GitError, runGit, streamGit } from './runner';

const OBJECT_ID = /^[0-9a-f]{40,64}$/;

function assertName(name: string, what: string): void {
  if (name === '' || name.startsWith('-') || /[\s\0:~^?*[\\]/.test(name) || name.includes('..'))
    throw new GitError(`refusing the ${what} "${name}"`);
}

function assertId(id: string): void {
  if (!OBJECT_ID.test(id)) throw new GitError(`refusing "${id}": not an object id`);
}

/** Runs git and returns its stdout whether it exits with 0 or not (merge-tree and push say what failed on stdout). */
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
  assertId(ours);
  assertId(theirs);
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
  assertId(from);
  assertId(to);
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

/**
 * Fetches every branch under `prefix/` into `refs/remotes/<remote>/<prefix>/`, pruning those the
 * remote no longer has (only under that prefix).
 */
export async function fetchBranchesUnder(root: string, remote: string, prefix: string): Promise<void> {
  assertName(remote, 'remote');
  assertName(prefix, 'branch prefix');
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
