// Revisions, refs and remotes, and pushing a new review branch.
// Every call goes through runner.ts, which holds the hardening (fixed arguments, the
// allowlisted environment, repository programs off, timeouts).
import { parseRefRecords, REF_FORMAT, type RefInfo } from './parse';
import { GitError, runGit } from './runner';

/**
 * A revision a user typed (`main`, `HEAD~2`, `origin/main`, a commit id). Refused when git
 * could read it as an option, or when it holds characters no revision name needs (spaces,
 * `:` which would name a path, control characters).
 */
export function assertRevision(rev: string): void {
  if (typeof rev !== 'string' || rev === '' || rev.length > 200)
    throw new GitError('a revision must be 1 to 200 characters');
  if (rev.startsWith('-'))
    throw new GitError(`refusing the revision "${rev}": it starts with "-", which git would read as an option`);
  if (!/^[A-Za-z0-9_./@{}~^+-]+$/.test(rev) || rev.includes('..')) {
    throw new GitError(`refusing the revision "${rev}": use a branch, tag or commit such as main, HEAD~1 or 1a2b3c4`);
  }
}

/** A full object id (SHA-1 or SHA-256), as git prints it. */
export const OBJECT_ID = /^[0-9a-f]{40,64}$/;

/** An object id given to plumbing: refused unless it is one. */
export function assertObjectId(id: string): void {
  if (!OBJECT_ID.test(id)) throw new GitError(`refusing "${id}": not an object id`);
}

/** The commit a revision names (after assertRevision), or a GitError naming the revision. */
export async function resolveCommit(root: string, rev: string): Promise<string> {
  assertRevision(rev);
  const out = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).catch(
    () => '',
  );
  const commit = out.trim();
  if (!OBJECT_ID.test(commit)) throw new GitError(`"${rev}" is not a commit in this repository`);
  return commit;
}

/** The best common ancestor of two commits (ids from resolveCommit). */
export async function mergeBase(root: string, a: string, b: string): Promise<string> {
  const commit = (await runGit(root, ['merge-base', '--end-of-options', a, b])).trim();
  if (!OBJECT_ID.test(commit)) throw new GitError('these revisions have no common history');
  return commit;
}

/** The checked-out branch's short name; undefined on a detached HEAD. */
export async function currentBranch(root: string): Promise<string | undefined> {
  const out = await runGit(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '');
  return out.trim() || undefined;
}

/** True when the full ref name (`refs/heads/x`) exists. */
export async function refExists(root: string, ref: string): Promise<boolean> {
  if (!ref.startsWith('refs/')) throw new GitError(`refusing the ref "${ref}"`);
  const out = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', ref]).catch(() => '');
  return out.trim() !== '';
}

/** The remotes' names. */
export async function listRemotes(root: string): Promise<string[]> {
  return (await runGit(root, ['remote'])).split('\n').filter((name) => name !== '' && !name.startsWith('-'));
}

/** The remote to push review branches to: the current branch's upstream remote, else `origin`, else the only one. */
export async function pushRemote(root: string): Promise<string | undefined> {
  const remotes = await listRemotes(root);
  if (remotes.length === 0) return undefined;
  const branch = await currentBranch(root);
  if (branch) {
    const upstream = (await runGit(root, ['config', '--get', `branch.${branch}.remote`]).catch(() => '')).trim();
    if (remotes.includes(upstream)) return upstream;
  }
  return remotes.includes('origin') ? 'origin' : remotes[0];
}

/** A remote's fetch URL, as configured (`insteadOf` rewrites applied). */
export async function remoteUrl(root: string, remote: string): Promise<string | undefined> {
  if (!(await listRemotes(root)).includes(remote)) return undefined;
  return (await runGit(root, ['remote', 'get-url', remote]).catch(() => '')).trim() || undefined;
}

/**
 * The branch pull requests go into: the remote's HEAD (`origin/HEAD` after a clone), else
 * `init.defaultBranch`, `main`, `master` or `trunk`, whichever exists locally or on the remote.
 */
export async function defaultBranch(root: string, remote?: string): Promise<string | undefined> {
  if (remote) {
    const head = await runGit(root, ['symbolic-ref', '--quiet', '--short', `refs/remotes/${remote}/HEAD`]).catch(
      () => '',
    );
    if (head.trim().startsWith(`${remote}/`)) return head.trim().slice(remote.length + 1);
  }
  const configured = (await runGit(root, ['config', '--get', 'init.defaultBranch']).catch(() => '')).trim();
  for (const name of [configured, 'main', 'master', 'trunk']) {
    if (name === '' || name.startsWith('-')) continue;
    if (await refExists(root, `refs/heads/${name}`)) return name;
    if (remote && (await refExists(root, `refs/remotes/${remote}/${name}`))) return name;
  }
  return undefined;
}

/** Refs under the given prefixes, optionally only those not merged into `notMergedInto` (a commit). */
export async function listRefs(root: string, prefixes: string[], notMergedInto?: string): Promise<RefInfo[]> {
  for (const prefix of prefixes) if (!prefix.startsWith('refs/')) throw new GitError(`refusing the ref "${prefix}"`);
  const args = ['for-each-ref', REF_FORMAT];
  if (notMergedInto) args.push(`--no-merged=${notMergedInto}`);
  return parseRefRecords(await runGit(root, [...args, '--', ...prefixes]));
}

/**
 * Pushes one branch and sets its upstream. No prompts (GIT_TERMINAL_PROMPT=0, no askpass
 * programs inherited); a remote that does not answer is given up on after the timeout.
 */
export async function pushBranch(root: string, remote: string, branch: string): Promise<void> {
  if (remote.startsWith('-') || branch.startsWith('-'))
    throw new GitError('refusing a remote or branch starting with "-"');
  await runGit(root, ['push', '-u', remote, `refs/heads/${branch}:refs/heads/${branch}`], { mode: 'write' });
}
