// Puts a change to one pair's files on a review branch `mentoring/<pair>/<what>-<date>`, pushes
// it when there is a remote, and tells the caller where a pull request can be opened. The user
// never leaves their branch, and their working tree and index are never read for anything but
// the files being proposed, nor written at all (see treeWithChanges in git/plumbing.ts).
import { rm } from 'node:fs/promises';
import { readText } from '../fs';
import { MAX_FILE_BYTES } from '../folder/yamlText';
import { join } from 'node:path';
import { moveBranch } from '../git/branches';
import { readObjects } from '../git/objects';
import { blobsOf, commitWithChanges, type FileContent } from '../git/plumbing';
import { currentBranch, defaultBranch, pushBranch, pushRemote, refExists, remoteUrl, resolveCommit } from '../git/refs';
import { restoreFromHead, untrack } from '../git/repository';
import { GitError } from '../git/runner';
import { assertSafeName, parsePairId } from '../folder/names';
import { DEFAULT_FOLDER } from '../folder/paths';
import { remoteCompareUrl } from './remote';

export interface ProposeOptions {
  /** The pair, `<mentee>--<mentor>`: every path must be inside its folder. */
  pair: string;
  /** What is proposed, a slug: `plan`, `relationship`. */
  what: string;
  /** YYYY-MM-DD, part of the branch name. */
  date: string;
  /** The commit message, or one made from each file's text at the base and proposed (a summary for the description). */
  message: string | ((files: ProposedChange[]) => string);
  /** The mentoring folder relative to the root (default `.mentoring`). */
  folder?: string;
  /** Files relative to the root. Their content comes from `edit`, else from the working tree. */
  paths: string[];
  /** The new content of a path given its content at the base (undefined: not there); null deletes it. */
  edit?: (path: string, atBase: string | undefined) => string | null | Promise<string | null>;
  /** Where the branch starts (default HEAD). */
  base?: string;
  /** The remote to push to; false: do not push. Default: the current branch's remote, else origin. */
  remote?: string | false;
}

export interface ProposeResult {
  branch: string;
  commit: string;
  /** The commit the branch starts from. */
  base: string;
  /** The branch the user is on (unchanged), undefined on a detached HEAD. */
  startBranch?: string;
  /** The branch a pull request should go into. */
  targetBranch?: string;
  remote?: string;
  pushed: boolean;
  /** Why the push failed, when it did: the branch is still there locally. */
  pushError?: string;
  /** The host's "new pull request" page, when the remote is a known host. */
  compareUrl?: string;
  /** What to run to push by hand when there is no remote or the push failed. */
  pushCommand: string;
}

export interface ProposedChange {
  path: string;
  before: string | undefined;
  after: string | null;
}

export class NothingToProposeError extends Error {}

export async function proposeOnBranch(root: string, options: ProposeOptions): Promise<ProposeResult> {
  parsePairId(options.pair);
  assertSafeName(options.what, 'slug');
  assertSafeName(options.date, 'date');
  const folder = (options.folder ?? DEFAULT_FOLDER).replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
  const pairPrefix = `${folder}/pairs/${options.pair}/`;
  if (options.paths.length === 0) throw new NothingToProposeError('nothing to propose: no files given');
  for (const path of options.paths) {
    if (!path.startsWith(pairPrefix) || path.split('/').some((part) => part === '..' || part === '.')) {
      throw new GitError(`refusing "${path}": a proposal may only change files in ${pairPrefix}`);
    }
  }
  const startBranch = await currentBranch(root);
  const base = await resolveCommit(root, options.base ?? 'HEAD').catch(() => {
    throw new GitError('the repository has no commits yet: commit the mentoring folder once before proposing changes');
  });
  const remote = options.remote === false ? undefined : (options.remote ?? (await pushRemote(root)));
  const branch = await freeBranchName(root, `mentoring/${options.pair}/${options.what}-${options.date}`, remote);

  const atBase = await readObjects(
    root,
    options.paths.map((path) => `${base}:${path}`),
  );
  const files: FileContent[] = [];
  const changes: ProposedChange[] = [];
  for (const [i, path] of options.paths.entries()) {
    const before = atBase[i]?.toString('utf8');
    const content = options.edit ? await options.edit(path, before) : await readWorkingFile(root, path);
    files.push({ path, content });
    changes.push({ path, before, after: content });
  }
  const message = typeof options.message === 'string' ? options.message : options.message(changes);

  const made = await commitWithChanges(root, { parent: base, changes: await blobsOf(root, files), message });
  if (!made) {
    throw new NothingToProposeError(
      `nothing to propose: ${options.paths.join(', ')} has no changes against ${options.base ?? 'HEAD'}`,
    );
  }
  const commit = made.commit;
  await moveBranch(root, branch, commit, undefined, 'mentoring: review branch');

  const targetBranch = (await defaultBranch(root, remote)) ?? startBranch;
  const result: ProposeResult = {
    branch,
    commit,
    base,
    startBranch,
    targetBranch,
    remote,
    pushed: false,
    pushCommand: `git push -u ${remote ?? '<remote>'} ${branch}`,
  };
  if (remote) {
    try {
      await pushBranch(root, remote, branch);
      result.pushed = true;
      const url = await remoteUrl(root, remote);
      if (url && targetBranch) result.compareUrl = remoteCompareUrl(url, targetBranch, branch);
    } catch (error) {
      result.pushError = error instanceof Error ? error.message : String(error);
    }
  }
  return result;
}

/** The content of a working-tree file, null when it is gone (a deletion is proposed). */
async function readWorkingFile(root: string, path: string): Promise<string | null> {
  try {
    return readText(root, join(root, path), MAX_FILE_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** `name`, or `name-2`, `name-3`… when a local or remote branch already has it: a proposal never lands on someone else's branch. */
async function freeBranchName(root: string, name: string, remote: string | undefined): Promise<string> {
  for (let n = 1; n <= 50; n++) {
    const candidate = n === 1 ? name : `${name}-${n}`;
    const taken =
      (await refExists(root, `refs/heads/${candidate}`)) ||
      (remote !== undefined && (await refExists(root, `refs/remotes/${remote}/${candidate}`)));
    if (!taken) return candidate;
  }
  throw new GitError(`too many review branches named ${name}-*; delete merged ones first`);
}

/**
 * After proposing, sets `paths` back to their content at HEAD in the working tree and index,
 * but only where the file still holds exactly what was proposed: the change now lives on the
 * review branch, and a later pull of the merged change must not meet a conflicting local edit.
 */
export async function withdrawProposedEdits(root: string, commit: string, paths: string[]): Promise<string[]> {
  const proposed = await readObjects(
    root,
    paths.map((path) => `${commit}:${path}`),
  );
  const atHead = await readObjects(
    root,
    paths.map((path) => `HEAD:${path}`),
  );
  const restored: string[] = [];
  for (const [i, path] of paths.entries()) {
    const working = await readWorkingFile(root, path);
    const wanted = proposed[i]?.toString('utf8') ?? null;
    if (working !== wanted) continue;
    if (atHead[i] === undefined) {
      // New on the branch, not at HEAD: leaving it would block the pull that brings it back.
      await untrack(root, path);
      await rm(join(root, path), { force: true });
    } else {
      await restoreFromHead(root, path);
    }
    restored.push(path);
  }
  return restored;
}
