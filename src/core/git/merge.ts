// Landing commits on a branch without checking it out: merging two commits in memory
// (`merge-tree --write-tree`, git ≥ 2.38), committing a tree with given parents, moving a branch
// only from the value it was read at, bringing a checkout forward like a fast-forward, and
// fetching and pushing one branch (never forced). The user's working tree and index are only
// touched by fastForwardCheckout, which refuses rather than overwrite anything.
import { type FileContent } from './refs';
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

/** The tree of `commit` with `files` replaced (null deletes), built in a throwaway index under `tempDir`. */
export async function treeWithFiles(
  root: string,
  commit: string,
  files: FileContent[],
  tempDir: string,
): Promise<string> {
  assertId(commit);
  const indexFile = `${tempDir}/index`;
  await runGit(root, ['read-tree', commit], { indexFile });
  const lines: string[] = [];
  for (const file of files) {
    if (file.path.startsWith('-') || /[\n\r\t\0]/.test(file.path))
      throw new GitError(`refusing the path "${file.path}"`);
    if (file.content === null) {
      lines.push(`0 ${'0'.repeat(commit.length)}\t${file.path}`);
      continue;
    }
    const blob = (
      await runGit(root, ['hash-object', '-w', '--stdin', `--path=${file.path}`], { indexFile, input: file.content })
    ).trim();
    lines.push(`100644 ${blob}\t${file.path}`);
  }
  if (lines.length > 0)
    await runGit(root, ['update-index', '--index-info'], { indexFile, input: lines.join('\n') + '\n' });
  return (await runGit(root, ['write-tree'], { indexFile })).trim();
}

/** The tree a commit holds. */
export async function treeOf(root: string, commit: string): Promise<string> {
  assertId(commit);
  return (await runGit(root, ['rev-parse', '--verify', `${commit}^{tree}`])).trim();
}

/** A new commit of `tree` with `parents` (the first is the branch it lands on), authored by the user's git identity. */
export async function commitTree(root: string, tree: string, parents: string[], message: string): Promise<string> {
  assertId(tree);
  parents.forEach(assertId);
  const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'];
  const commit = (await runGit(root, args, { input: message })).trim();
  if (!OBJECT_ID.test(commit)) throw new GitError('git commit-tree printed no commit');
  return commit;
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
  assertName(branch, 'branch');
  assertId(to);
  if (from !== undefined) assertId(from);
  await runGit(root, ['update-ref', '-m', reason, `refs/heads/${branch}`, to, from ?? ''], { mode: 'write' });
}

/** Deletes `refs/heads/<branch>` if it still points at `at`. */
export async function deleteBranch(root: string, branch: string, at: string): Promise<void> {
  assertName(branch, 'branch');
  assertId(at);
  await runGit(root, ['update-ref', '-d', `refs/heads/${branch}`, at], { mode: 'write' });
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

/** Fetches one branch into `refs/remotes/<remote>/<branch>`; false when the remote has no such branch. */
export async function fetchBranch(root: string, remote: string, branch: string): Promise<boolean> {
  assertName(remote, 'remote');
  assertName(branch, 'branch');
  try {
    await runGit(
      root,
      ['fetch', '--quiet', '--no-tags', '--', remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`],
      { mode: 'write', timeoutMs: 60_000 },
    );
    return true;
  } catch (error) {
    if (error instanceof GitError && /couldn't find remote ref/i.test(error.message)) return false;
    throw error;
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

/** How a push ended: done, behind (the remote moved: fetch and build again), or refused by the remote (protection, a hook). */
export type PushOutcome = { ok: true } | { ok: false; behind: boolean; message: string };

/**
 * Pushes `commit` to `refs/heads/<branch>` on `remote`, or deletes that branch (commit null).
 * Never forced: a remote that moved answers `behind`.
 */
export async function pushToBranch(
  root: string,
  remote: string,
  commit: string | null,
  branch: string,
): Promise<PushOutcome> {
  assertName(remote, 'remote');
  assertName(branch, 'branch');
  if (commit !== null) assertId(commit);
  const refspec = `${commit ?? ''}:refs/heads/${branch}`;
  const { out, error } = await runKeepingOutput(root, ['push', '--porcelain', '--', remote, refspec], 'write');
  if (!error) return { ok: true };
  // Porcelain lines: `<flag>\t<from>:<to>\t<summary> (<reason>)`; `!` is a rejected ref.
  const line = out.split('\n').find((text) => text.startsWith('!\t'));
  if (!line) throw error;
  const summary = line.split('\t')[2] ?? '';
  const behind = summary.startsWith('[rejected]');
  const reason = /\((.*)\)\s*$/.exec(summary)?.[1] ?? summary;
  return { ok: false, behind, message: `${remote} refused the push to ${branch}: ${reason}` };
}
