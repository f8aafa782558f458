// Feedback on code: what a request records about the selection it was asked on, and how it is
// found again. In the workspace's own repository that is the path and the commit; when the
// mentoring folder has a repository of its own (`mentoring.repository`), the code's repository is
// named too, by its `origin` URL without credentials, and opening the request looks for a clone
// with that remote and reads the file at that commit from git.
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import { headCommit, topLevel, uncommittedPaths } from '../git/repository';
import { listRemotes, remoteUrl } from '../git/refs';
import { readObjects } from '../git/objects';
import { repositoryKey, withoutCredentials } from '../git/remoteUrls';
import { runGit } from '../git/runner';
import type { CodeRef } from '../folder/model';

export interface CodeReference extends CodeRef {
  /** The file differs from the commit recorded (changes not committed): the lines may not match it. */
  uncommitted: boolean;
  /** Set when the code's repository is not the mentoring folder's but has no `origin` to name it by. */
  noOrigin?: boolean;
}

/**
 * What a request about `lines` of `file` (absolute) records: the path from the top of the file's
 * repository, HEAD, and, when that repository is not the one at `mentoringRoot`, its `origin` URL
 * without credentials. Refuses a file outside any git repository unless it is under `mentoringRoot`.
 */
export async function codeReference(
  file: string,
  lines: [number, number],
  mentoringRoot: string,
): Promise<CodeReference> {
  const folder = dirname(file);
  const top = await topLevel(folder);
  if (!top) {
    // A mentoring folder not (yet) in git: the path alone, as before there was a commit to name.
    const inMentoring = relative(mentoringRoot, file);
    if (inMentoring !== '' && !inMentoring.startsWith('..') && !isAbsolute(inMentoring))
      return { path: inMentoring.split(sep).join('/'), lines, uncommitted: true };
    throw new Error(
      `${basename(file)} is not in a git repository, so no commit can say which version was asked about.`,
    );
  }
  // The prefix from git, not path arithmetic: the editor's path and git's top may differ by links.
  const prefix = (await runGit(folder, ['rev-parse', '--show-prefix'])).trim();
  const path = `${prefix}${basename(file)}`;
  const commit = await headCommit(top);
  const uncommitted = (await uncommittedPaths(top, path, { ignored: false })).length > 0 || commit === undefined;
  const reference: CodeReference = { path, lines, uncommitted, ...(commit ? { commit } : {}) };
  if (top === (await topLevel(mentoringRoot))) return reference;
  const origin = await remoteUrl(top, 'origin');
  if (!origin) return { ...reference, noOrigin: true };
  return { repository: withoutCredentials(origin), ...reference };
}

/** The first of `clones` (folders inside git working trees) with a remote that names `repository`; its top folder. */
export async function findClone(clones: string[], repository: string): Promise<string | undefined> {
  const wanted = repositoryKey(repository);
  for (const clone of clones) {
    const top = await topLevel(clone);
    if (!top) continue;
    for (const remote of await listRemotes(top).catch(() => [])) {
      const url = await remoteUrl(top, remote);
      if (url && repositoryKey(url) === wanted) return top;
    }
  }
  return undefined;
}

/** The text of `path` (from the top of `clone`) at `commit`; undefined when the clone does not have it. */
export async function codeAt(clone: string, commit: string, path: string): Promise<string | undefined> {
  if (!/^[0-9a-f]{4,64}$/i.test(commit)) throw new Error(`"${commit}" is not a commit id`);
  if (path === '' || path.startsWith('/') || path.split('/').includes('..') || path.includes('\0'))
    throw new Error(`"${path}" is not a path inside a repository`);
  const [content] = await readObjects(clone, [`${commit}:${path}`]);
  return content?.toString('utf8');
}
