// Which of the pairs' files are not shared yet: the working tree's version is not the mentoring
// branch's. On a feature branch that forked from the mentoring branch earlier, a file only counts
// when I changed it since the fork: the mentoring branch moving on (the mentor answered, someone
// merged) is not a change of mine, and neither is a file that still holds a version the mentoring
// branch had since (what I shared from here before). My change is applied on the mentoring
// branch's newer version (a three-way merge from the version it was made from), so sharing never
// undoes what the other side did, and what it would add is what the words describe.
import { lstat, realpath } from 'node:fs/promises';
import { checkPath, FileTooLargeError, readBytes, UnsafePathError } from '../fs';
import { join, relative, sep } from 'node:path';
import { diffTree, listTree, walkLog } from '../git/commits';
import { readObjects } from '../git/objects';
import { mergeVersions } from '../git/mergeFile';
import { hashFiles } from '../git/plumbing';
import { findMentoringBranch, type MentoringBranch } from '../git/mentoringBranch';
import { mergeBase } from '../git/refs';
import { folderRelativeToTop, headCommit, topLevel, uncommittedPaths, workingTreeFiles } from '../git/repository';
import { GitError } from '../git/runner';
import { parsePairId } from '../folder/names';
import { DEFAULT_FOLDER, PRIVATE_FOLDER } from '../folder/paths';
import { MAX_FILE_BYTES } from '../folder/yamlText';
import { mentoringFileAt, type MentoringFile } from './shareWords';

export interface ShareScopeOptions {
  /** The mentoring folder relative to `root` (default `.mentoring`). */
  folder?: string;
  /** Only this pair, `<mentee>--<mentor>`. */
  pair?: string;
  /** The mentoring branch; default: the repository's default branch, else the current one. */
  branch?: string;
}

/** The mentoring branch as sharing sees it: a local branch, or only its remote-tracking ref. */
export interface ShareBranch extends MentoringBranch {
  /** The ref changes are compared with and built on: `refs/heads/main`, else `refs/remotes/origin/main`. */
  ref: string;
  tip: string;
}

export interface Scope {
  /** The repository's top folder; every path below is relative to it, with '/'. */
  top: string;
  /** `root` relative to the top, with a trailing '/' ('' when they are one). */
  rootPrefix: string;
  /** The mentoring folder relative to the top, with a trailing '/'. */
  folderPrefix: string;
  mentoring: ShareBranch;
  /** The commit my changes are based on: where HEAD forked from the mentoring branch (its tip when I am on it). */
  base: string;
  head?: string;
}

/** A file that differs from the mentoring branch by a change of mine, as blob ids (undefined: no file). */
export interface FileChange {
  path: string;
  file: MentoringFile;
  /** The working tree's version. */
  ours?: string;
  /** The version mine was made from: the mentoring branch's tip when I am on it. */
  base?: string;
  /** The mentoring branch's version. */
  tip?: string;
}

/** A change of mine as sharing would commit it. */
export interface ResolvedChange {
  path: string;
  file: MentoringFile;
  change: 'added' | 'modified' | 'deleted';
  /** The mentoring branch's version, and what sharing puts there (mine, applied on it). */
  tip: Buffer | undefined;
  shared: Buffer | undefined;
  /** Mine does not apply on the mentoring branch's newer version: my change as I made it. */
  conflict?: { before: Buffer | undefined; ours: Buffer | undefined };
  /** Why it cannot be shared: too big to read. */
  problem?: string;
}

/** Where the repository, the folder and the mentoring branch are, and what HEAD forked from. */
export async function shareScope(root: string, options: ShareScopeOptions): Promise<Scope> {
  const top = await topLevel(root);
  if (!top) throw new GitError('this folder is not a git repository');
  const folderPrefix = `${folderRelativeToTop(top, root, options.folder ?? DEFAULT_FOLDER)}/`;
  const rootRel = relative(top, root).split(sep).join('/');
  const [mentoring, head] = await Promise.all([shareBranch(top, options.branch), headCommit(top)]);
  // Compared with the top below: both as the file system names them, whatever links lead there.
  if (mentoring.worktree !== undefined) {
    const real = (path: string) => realpath(path).catch(() => path);
    const [here, there] = await Promise.all([real(top), real(mentoring.worktree)]);
    mentoring.worktree = here === there ? top : mentoring.worktree;
  }
  let base = mentoring.tip;
  if (head !== undefined && head !== mentoring.tip)
    base = await mergeBase(top, head, mentoring.tip).catch(() => mentoring.tip);
  return { top, rootPrefix: rootRel === '' ? '' : `${rootRel}/`, folderPrefix, mentoring, base, head };
}

/** The branch to share to; without a local branch, its remote copy, pushed to as if it were the upstream. */
async function shareBranch(top: string, requested: string | undefined): Promise<ShareBranch> {
  const found = await findMentoringBranch(top, { branch: requested });
  if (!found) throw new GitError('there is no branch to share to yet: commit the mentoring folder once first');
  const { branch: name, local, remote, remoteRef, trackingRef, tracking } = found;
  if (local) return { ...found, ref: `refs/heads/${name}`, tip: local };
  if (remote && remoteRef && trackingRef && tracking) {
    const upstream = { remote, remoteRef, trackingRef, tip: tracking };
    return { ...found, upstream, ref: trackingRef, tip: tracking };
  }
  if (!(await headCommit(top)))
    throw new GitError('the repository has no commits yet: commit the mentoring folder once first');
  throw new GitError(`there is no branch "${name}" here${remote ? ` or on ${remote}` : ''} to share to`);
}

/** The pair's (or every pair's) files that differ from the mentoring branch by a change of mine. */
export async function findChanges(scope: Scope, pair: string | undefined): Promise<FileChange[]> {
  if (pair !== undefined) parsePairId(pair);
  const { top, folderPrefix, mentoring, base } = scope;
  const pairsPath = `${folderPrefix}pairs${pair === undefined ? '' : `/${pair}`}`;
  // On the mentoring branch itself, only what `git status` lists can differ from it: no need to
  // hash every file of a large program on each look.
  const onTip = scope.head === mentoring.tip;
  const [atTip, atBase, listed] = await Promise.all([
    blobsAt(top, mentoring.tip, pairsPath),
    base === mentoring.tip ? undefined : blobsAt(top, base, pairsPath),
    onTip ? uncommittedPaths(top, pairsPath, { ignored: false }) : workingTreeFiles(top, pairsPath),
  ]).then(([tip, fork, working]) => [tip, fork ?? tip, working] as const);
  const files = new Map<string, MentoringFile>();
  for (const path of onTip ? listed : [...atTip.keys(), ...atBase.keys(), ...listed]) {
    const file = mentoringFileAt(folderPrefix, path);
    if (file && !path.split('/').includes(PRIVATE_FOLDER)) files.set(path, file);
  }
  const onDisk: string[] = [];
  const paths: string[] = [];
  for (const path of files.keys()) {
    const kind = await fileKind(top, join(top, path));
    if (kind === 'other') continue; // a symbolic link or a folder is never a mentoring file to share
    paths.push(path);
    if (kind === 'file') onDisk.push(path);
  }
  const ids = await hashFiles(top, onDisk);
  const working = new Map(onDisk.map((path, i) => [path, ids[i]]));
  const since = base === mentoring.tip ? undefined : await versionsSince(top, base, mentoring.tip, pairsPath);

  const changes: FileChange[] = [];
  for (const path of paths.sort()) {
    const ours = working.get(path);
    const tip = atTip.get(path);
    let from = atBase.get(path);
    if (ours === tip || ours === from) continue;
    if (since) {
      const seen = since.get(path) ?? new Set<string | undefined>();
      if (seen.has(ours)) continue; // a version the mentoring branch had: mine, shared before
      from = await closestVersion(top, path, ours, [from, ...[...seen].filter((id) => id !== tip)]);
    } else from = tip;
    changes.push({ path, file: files.get(path) as MentoringFile, ours, base: from, tip });
  }
  return changes.sort(byKindThenName);
}

async function blobsAt(top: string, commit: string, path: string): Promise<Map<string, string>> {
  const entries = await listTree(top, commit, [path]);
  return new Map(entries.filter((entry) => entry.type === 'blob').map((entry) => [entry.path, entry.id]));
}

/** 'other' for a folder, or a path with a link or a special file anywhere under the top: never shared. */
async function fileKind(top: string, abs: string): Promise<'file' | 'missing' | 'other'> {
  try {
    const kind = checkPath(top, abs);
    return kind === 'dir' ? 'other' : kind;
  } catch (error) {
    if (error instanceof UnsafePathError) return 'other';
    throw error;
  }
}

/** Every version (blob id, undefined: deleted) each path had on the mentoring branch after `base`. */
async function versionsSince(
  top: string,
  base: string,
  tip: string,
  path: string,
): Promise<Map<string, Set<string | undefined>>> {
  const versions = new Map<string, Set<string | undefined>>();
  const add = (file: string, blob: string | undefined) => {
    let set = versions.get(file);
    if (!set) versions.set(file, (set = new Set()));
    set.add(blob);
  };
  await walkLog(top, `${base}..${tip}`, [path], (commit) => {
    for (const change of commit.changes) {
      add(change.path, change.status === 'D' ? undefined : change.newBlob);
      if (change.oldPath !== change.path) add(change.oldPath, undefined);
    }
  });
  return versions;
}

/**
 * Which of the versions the working file was most likely made from: the one with the fewest
 * lines added and removed to get to it. The fork's version when nothing was shared from here;
 * my own earlier share when I went on editing after it.
 */
async function closestVersion(
  top: string,
  path: string,
  ours: string | undefined,
  candidates: (string | undefined)[],
): Promise<string | undefined> {
  const unique = [...new Set(candidates)];
  if (unique.length <= 1) return unique[0];
  const ids = unique.filter((id): id is string => id !== undefined);
  const contents = await readObjects(top, ids);
  const versions = new Map(ids.map((id, i) => [id, lines(contents[i])]));
  const mine = ours === undefined ? [] : lines(await readWorkingFile(top, path));
  let best = unique[0];
  let bestDistance = Infinity;
  for (const id of unique) {
    const distance = lineDistance(mine, id === undefined ? [] : (versions.get(id) ?? []));
    if (distance < bestDistance) [best, bestDistance] = [id, distance];
  }
  return best;
}

function lines(content: Buffer | undefined): string[] {
  return content ? content.toString('utf8').split(/\r?\n/) : [];
}

/** Lines in one and not the other, counted with repeats. */
function lineDistance(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1);
  let distance = 0;
  for (const line of b) {
    const n = counts.get(line) ?? 0;
    if (n > 0) counts.set(line, n - 1);
    else distance++;
  }
  for (const n of counts.values()) distance += n;
  return distance;
}

/**
 * Each change with its contents, mine applied on the mentoring branch's version; a change that
 * the mentoring branch already holds (mine, shared before, merged with the other side's) drops out.
 * My versions are stored as blobs on the way: that is how git gives them with its line endings.
 */
export async function resolveChanges(top: string, changes: FileChange[]): Promise<ResolvedChange[]> {
  const mine: string[] = [];
  const problems = new Map<string, string>();
  for (const change of changes) {
    if (change.ours === undefined) continue;
    const size = (await lstat(join(top, change.path))).size;
    if (size > MAX_FILE_BYTES)
      problems.set(change.path, `${change.file.name} is over the size limit of mentoring files`);
    else mine.push(change.path);
  }
  const written = new Map((await hashFiles(top, mine, { write: true })).map((id, i) => [mine[i], id]));
  const ids = [...new Set([...written.values(), ...changes.flatMap((c) => [c.base, c.tip])])].filter(
    (id): id is string => id !== undefined,
  );
  const blobs = await readObjects(top, ids);
  const content = new Map(ids.map((id, i) => [id, blobs[i]]));
  const of = (id: string | undefined) => (id === undefined ? undefined : content.get(id));

  const resolved: ResolvedChange[] = [];
  for (const change of changes) {
    const ours = of(written.get(change.path));
    const tip = of(change.tip);
    const kind = (shared: Buffer | undefined) =>
      tip === undefined ? 'added' : shared === undefined ? 'deleted' : 'modified';
    const problem = problems.get(change.path);
    if (problem) {
      resolved.push({ path: change.path, file: change.file, change: 'modified', tip, shared: tip, problem });
      continue;
    }
    if (change.base === change.tip) {
      resolved.push({ path: change.path, file: change.file, change: kind(ours), tip, shared: ours });
      continue;
    }
    const base = of(change.base);
    const merged = await mergeVersions({ base, ours, theirs: tip });
    if ('conflict' in merged) {
      const conflict = { before: base, ours };
      resolved.push({ path: change.path, file: change.file, change: kind(ours), tip, shared: tip, conflict });
    } else if (!sameContent(merged.merged, tip)) {
      resolved.push({ path: change.path, file: change.file, change: kind(merged.merged), tip, shared: merged.merged });
    }
  }
  return resolved;
}

function sameContent(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.equals(b);
}

/**
 * A working-tree file's bytes, through the fs module's cap: a file over the size limit reads as
 * empty (it is refused when shared anyway), and a huge one is never read whole.
 */
async function readWorkingFile(top: string, path: string): Promise<Buffer> {
  try {
    return readBytes(top, join(top, path), MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof FileTooLargeError) return Buffer.alloc(0);
    throw error;
  }
}

/**
 * Per pair, the files whose change on the local mentoring branch its upstream does not have: an
 * earlier share committed but not pushed. A change the upstream holds in another commit (rebuilt
 * there when the remote had moved) is there, whatever the local branch's history says.
 */
export async function unpushedFiles(scope: Scope, pair: string | undefined): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const { mentoring, top, folderPrefix } = scope;
  const upstreamTip = mentoring.upstream?.tip;
  if (!mentoring.local || !upstreamTip || upstreamTip === mentoring.local) return counts;
  const fork = await mergeBase(top, upstreamTip, mentoring.local).catch(() => undefined);
  if (fork === undefined || fork === mentoring.local) return counts;
  const paths: string[] = [];
  await diffTree(top, fork, mentoring.local, [`${folderPrefix}pairs${pair === undefined ? '' : `/${pair}`}`], (path) =>
    paths.push(path),
  );
  const at = (commit: string) => paths.map((path) => `${commit}:${path}`);
  const blobs = await readObjects(top, [...at(fork), ...at(mentoring.local), ...at(upstreamTip)]);
  for (const [i, path] of paths.entries()) {
    const [base, ours, theirs] = [blobs[i], blobs[paths.length + i], blobs[2 * paths.length + i]];
    const merged = await mergeVersions({ base, ours, theirs });
    if ('merged' in merged && sameContent(merged.merged, theirs)) continue;
    const file = mentoringFileAt(folderPrefix, path);
    if (file) counts.set(file.pair, (counts.get(file.pair) ?? 0) + 1);
  }
  return counts;
}

const KIND_ORDER = ['feedback', 'session', 'plan', 'retro'];

function byKindThenName(a: FileChange, b: FileChange): number {
  const pair = a.file.pair.localeCompare(b.file.pair);
  if (pair !== 0) return pair;
  const kind = KIND_ORDER.indexOf(a.file.kind) - KIND_ORDER.indexOf(b.file.kind);
  return kind !== 0 ? kind : a.path.localeCompare(b.path);
}
