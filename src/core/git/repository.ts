// The repository and its working tree: where it is, who the user is, HEAD, which files are
// tracked or have changes, and the few writes made to them (a path set back to HEAD, untracked,
// or its index entry set to HEAD's). Commits, trees and the log are read in commits.ts; refs and
// review branches in refs.ts; commits built without a checkout in plumbing.ts.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { headFromFiles } from './headFiles';
import { nulFields, parseStatusPaths } from './parse';
import { GitError, runGit } from './runner';

export async function isGitRepo(root: string): Promise<boolean> {
  try {
    return (await runGit(root, ['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch (error) {
    if (error instanceof GitError && /not found on PATH/.test(error.message)) throw error;
    return false;
  }
}

/**
 * Whether `root` is inside a git working tree, telling "not a repository" (false) from git refusing
 * or failing to read one (a GitError: dubious ownership, a corrupt index, no git): a failure must
 * never be read as "nothing is tracked here".
 */
export async function insideRepository(root: string): Promise<boolean> {
  try {
    return (await runGit(root, ['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch (error) {
    const text = error instanceof GitError ? `${error.message}\n${error.stderr ?? ''}` : String(error);
    if (/not a git repository/i.test(text)) return false;
    throw error;
  }
}

/** The working tree's top folder, or undefined outside a repository (or without git). */
export async function topLevel(root: string): Promise<string | undefined> {
  try {
    return (await runGit(root, ['rev-parse', '--show-toplevel'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The absolute path of the repository's git folder (`.git`, or a worktree's own). */
export async function gitDirectory(root: string): Promise<string> {
  return (await runGit(root, ['rev-parse', '--absolute-git-dir'])).trim();
}

export interface RepoInfo {
  gitDir: string;
  toplevel: string;
  head?: string;
  /** The `shallow` file's content ('' in a full clone): a fetch that deepens it changes it. */
  shallowKey: string;
  /** The shallow clone's boundary commits: their parents are not in the repository. */
  boundary: Set<string>;
}

/** What the history walk needs to know about a repository: read from its files (headFiles.ts), else one `rev-parse`. */
export async function repoInfo(root: string): Promise<RepoInfo> {
  const known = headFromFiles(root);
  if (known) return { ...known, shallowKey: '', boundary: new Set() };
  let lines: string[];
  let head: string | undefined;
  try {
    lines = (
      await runGit(root, ['rev-parse', '--absolute-git-dir', '--is-shallow-repository', '--show-toplevel', 'HEAD'])
    ).split('\n');
    head = lines[3]?.trim() || undefined;
  } catch (error) {
    // No HEAD yet (a repository without commits): ask again without it; other failures repeat there.
    if (!(error instanceof GitError) || /not a git repository|not found on PATH/.test(error.message)) throw error;
    lines = (
      await runGit(root, ['rev-parse', '--absolute-git-dir', '--is-shallow-repository', '--show-toplevel'])
    ).split('\n');
  }
  const gitDir = lines[0].trim();
  const shallow = lines[1].trim() === 'true';
  let shallowKey = '';
  const boundary = new Set<string>();
  if (shallow) {
    shallowKey = await readFile(join(gitDir, 'shallow'), 'utf8').catch(() => 'shallow');
    for (const line of shallowKey.split('\n')) if (line.trim()) boundary.add(line.trim());
  }
  return { gitDir, toplevel: lines[2].trim(), head, shallowKey, boundary };
}

/** `folder` (relative to `root`) relative to the repository's top, with '/'; refused outside it. */
export function folderRelativeToTop(toplevel: string, root: string, folder: string): string {
  const rel = relative(toplevel, resolve(root, folder)).split(sep).join('/');
  if (rel === '' || rel.startsWith('..') || rel.startsWith('-'))
    throw new GitError(`the mentoring folder "${folder}" is not inside the repository`);
  return rel;
}

export async function userEmail(root: string): Promise<string | undefined> {
  try {
    return (await runGit(root, ['config', '--get', 'user.email'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files git may take `user.email` from for `root`, nearest first: the worktree's own
 * `config.worktree`, the repository's `config` (shared by its worktrees), then the global
 * `$XDG_CONFIG_HOME/git/config` and `~/.gitconfig`. Outside a repository only the global two.
 * Some of them may not exist.
 */
export async function userConfigFiles(root: string, env = process.env, home = homedir()): Promise<string[]> {
  const global = [join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'config'), join(home, '.gitconfig')];
  try {
    const args = ['rev-parse', '--path-format=absolute', '--git-path', 'config.worktree', '--git-path', 'config'];
    const repository = (await runGit(root, args)).split('\n').filter((line) => line.trim());
    return [...repository, ...global];
  } catch {
    return global;
  }
}

/** The full id of HEAD, or undefined in a repository without commits. */
export async function headCommit(root: string): Promise<string | undefined> {
  try {
    return (await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Files under `pathspec` that differ between two commits, relative to `root` (a rename: both paths). */
export async function changedBetween(root: string, from: string, to: string, pathspec: string): Promise<string[]> {
  return nulFields(
    await runGit(root, [
      '--literal-pathspecs',
      'diff',
      '--name-only',
      '--no-renames',
      '--relative',
      '-z',
      from,
      to,
      '--',
      pathspec,
    ]),
  );
}

/** Tracked files under `pathspec`, relative to the repository root. */
export async function trackedFiles(root: string, pathspec: string): Promise<string[]> {
  return nulFields(await runGit(root, ['ls-files', '-z', '--full-name', '--', pathspec]));
}

/**
 * Paths under `pathspec`, relative to the repository root, whose working-tree version is not the
 * one HEAD has: modified, staged, untracked or (unless `ignored: false`) ignored. A file under
 * `pathspec` that exists and is not listed has nothing to commit. One `git status` call, about as
 * cheap as `ls-files`.
 */
export async function uncommittedPaths(
  root: string,
  pathspec: string,
  options: { ignored?: boolean } = {},
): Promise<string[]> {
  const out = await runGit(root, [
    '--literal-pathspecs',
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    `--ignored=${options.ignored === false ? 'no' : 'matching'}`,
    '--no-renames',
    '--',
    pathspec,
  ]);
  return parseStatusPaths(out);
}

/** Sets a path (relative to root) back to its content at HEAD, in the index and the working tree. */
export async function restoreFromHead(root: string, path: string): Promise<void> {
  assertPath(path);
  await runGit(root, ['checkout', 'HEAD', '--', path], { mode: 'write' });
}

/** Removes a path (relative to root) from the index, leaving the working tree as it is; nothing if untracked. */
export async function untrack(root: string, path: string): Promise<void> {
  assertPath(path);
  await runGit(root, ['rm', '--cached', '--quiet', '--ignore-unmatch', '--', path], { mode: 'write' });
}

function assertPath(path: string): void {
  if (path.startsWith('-') || path.includes('\0')) throw new GitError(`refusing the path "${path}"`);
}

/**
 * Files under `pathspec` (a path, never a pattern) that the working tree has or git tracks:
 * tracked ones (also when deleted from disk) and untracked ones that are not ignored, relative to the
 * repository's top when `root` is the top.
 */
export async function workingTreeFiles(root: string, pathspec: string): Promise<string[]> {
  assertPath(pathspec);
  return nulFields(
    await runGit(root, [
      '--literal-pathspecs',
      'ls-files',
      '-z',
      '--cached',
      '--others',
      '--exclude-standard',
      '--',
      pathspec,
    ]),
  );
}

/** Sets `paths` (relative to root) in the index to their version at HEAD; the working tree is not touched. */
export async function resetIndexPaths(root: string, paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  paths.forEach(assertPath);
  // A `git status` that another program (the editor's git view, a shell prompt) started before the
  // reset can write its older copy of the index back after it: check, and reset again if it did.
  for (let attempt = 0; attempt < 5; attempt++) {
    await runGit(root, ['--literal-pathspecs', 'reset', '-q', '--', ...paths], { mode: 'write' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const staged = await runGit(root, ['--literal-pathspecs', 'diff', '--cached', '--name-only', '-z', '--', ...paths]);
    if (staged === '') return;
  }
}
