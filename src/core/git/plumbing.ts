// Commits built without a checkout: blobs written from content, a tree made in a throwaway index
// from a parent commit's tree with some paths replaced, and the commit object on top. Nothing
// here reads or writes the working tree, the real index, HEAD or any ref.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertObjectId, OBJECT_ID } from './refs';
import { GitError, runGit } from './runner';

/** One path of a tree to build: the blob it holds, or null to delete it. */
export interface TreeChange {
  path: string;
  blob: string | null;
}

/** A path relative to the repository's top, as plumbing takes it: never an option, never a second line. */
export function assertTreePath(path: string): void {
  if (path === '' || path.startsWith('-') || path.startsWith('/') || /[\n\r\t\0]/.test(path))
    throw new GitError(`refusing the path "${path}"`);
  if (path.split('/').some((part) => part === '' || part === '.' || part === '..'))
    throw new GitError(`refusing the path "${path}"`);
}

/**
 * Writes `content` as a blob and returns its id. With `path`, the path's clean filters apply as
 * `git add` would apply them (line endings); without, the content is stored as it is (text that
 * came out of the repository, such as a merge's result).
 */
export async function writeBlob(root: string, content: string | Buffer, path?: string): Promise<string> {
  if (path !== undefined) assertTreePath(path);
  const args = ['hash-object', '-w', '--stdin', ...(path === undefined ? ['--no-filters'] : [`--path=${path}`])];
  return (await runGit(root, args, { input: content })).trim();
}

/**
 * The blob ids the files at `paths` (relative to `root`) get when added, line endings and other
 * clean filters applied as `git add` applies them; with `write`, the blobs are stored too (no ref
 * or index points at them: `git gc` drops them unless a commit comes to).
 */
export async function hashFiles(root: string, paths: string[], options: { write?: boolean } = {}): Promise<string[]> {
  if (paths.length === 0) return [];
  paths.forEach(assertTreePath);
  const args = ['hash-object', ...(options.write ? ['-w'] : []), '--stdin-paths'];
  const out = await runGit(root, args, { input: paths.join('\n') + '\n' });
  const ids = out.split('\n').filter(Boolean);
  if (ids.length !== paths.length) throw new GitError('git hash-object did not hash every file');
  return ids;
}

/** What to put at a path in a commit: new content, or null to delete the file. */
export interface FileContent {
  path: string;
  content: string | Buffer | null;
}

/** Writes each file's content as a blob, clean filters applied as `git add` would: the changes a tree takes. */
export async function blobsOf(root: string, files: FileContent[]): Promise<TreeChange[]> {
  const changes: TreeChange[] = [];
  for (const file of files)
    changes.push({
      path: file.path,
      blob: file.content === null ? null : await writeBlob(root, file.content, file.path),
    });
  return changes;
}

/**
 * The tree of `parent` with `changes` applied, made in a throwaway index (`GIT_INDEX_FILE`).
 *
 * Why plumbing on a temporary index instead of a checkout and `git commit`: switching branches
 * rewrites the working tree and the index, so a user's unrelated edits, staged hunks or an
 * editor's unsaved buffer could be carried along, conflict or be lost, and a failure half-way
 * would leave them on the wrong branch. (`git worktree add` would also isolate it, but checks out
 * a whole second copy of the repository to change one file.)
 */
export async function treeWithChanges(root: string, parent: string, changes: TreeChange[]): Promise<string> {
  assertObjectId(parent);
  const lines = changes.map((change) => {
    assertTreePath(change.path);
    const blob = change.blob ?? '0'.repeat(parent.length);
    assertObjectId(blob);
    return `${change.blob === null ? '0' : '100644'} ${blob}\t${change.path}`;
  });
  const tempDir = await mkdtemp(join(tmpdir(), 'mentoring-commit-'));
  const indexFile = join(tempDir, 'index');
  const plumb = async (args: string[], input?: string) => (await runGit(root, args, { indexFile, input })).trim();
  try {
    await plumb(['read-tree', parent]);
    if (lines.length > 0) await plumb(['update-index', '--index-info'], lines.join('\n') + '\n');
    return await plumb(['write-tree']);
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

/** The tree a commit holds. */
export async function treeOf(root: string, commit: string): Promise<string> {
  assertObjectId(commit);
  return (await runGit(root, ['rev-parse', '--verify', `${commit}^{tree}`])).trim();
}

/** A new commit of `tree` with `parents` (the first is the branch it lands on), authored by the user's git identity. */
export async function commitTree(root: string, tree: string, parents: string[], message: string): Promise<string> {
  assertObjectId(tree);
  parents.forEach(assertObjectId);
  const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'];
  const commit = (await runGit(root, args, { input: message })).trim();
  if (!OBJECT_ID.test(commit)) throw new GitError('git commit-tree printed no commit');
  return commit;
}

/**
 * A commit whose parent is `parent` and whose tree is the parent's with `changes` applied;
 * undefined when the tree would not change. No ref points at it yet: the caller decides where
 * it goes (moveBranch, push).
 */
export async function commitWithChanges(
  root: string,
  options: { parent: string; changes: TreeChange[]; message: string },
): Promise<{ commit: string; tree: string } | undefined> {
  const tree = await treeWithChanges(root, options.parent, options.changes);
  if (tree === (await treeOf(root, options.parent))) return undefined;
  return { commit: await commitTree(root, tree, [options.parent], options.message), tree };
}
