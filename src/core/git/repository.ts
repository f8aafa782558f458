// What the history needs to ask the repository, besides the log walk: where it is, its HEAD and
// shallow boundary, a tree's files, what changed between two trees, and ancestry.
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { GitError, readGit, streamGit } from './git';
import { NulSplitter, parseRawEntry } from './logParser';

export interface RepoInfo {
  gitDir: string;
  toplevel: string;
  head?: string;
  shallowKey: string;
  boundary: Set<string>;
}

export async function repoInfo(root: string): Promise<RepoInfo> {
  let lines: string[];
  let head: string | undefined;
  try {
    lines = (
      await readGit(root, ['rev-parse', '--absolute-git-dir', '--is-shallow-repository', '--show-toplevel', 'HEAD'])
    ).split('\n');
    head = lines[3]?.trim() || undefined;
  } catch (error) {
    // No HEAD yet (a repository without commits): ask again without it; other failures repeat there.
    if (!(error instanceof GitError) || /not a git repository|not found on PATH/.test(error.message)) throw error;
    lines = (
      await readGit(root, ['rev-parse', '--absolute-git-dir', '--is-shallow-repository', '--show-toplevel'])
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

export function folderRelativeToTop(toplevel: string, root: string, folder: string): string {
  const rel = relative(toplevel, resolve(root, folder)).split(sep).join('/');
  if (rel === '' || rel.startsWith('..') || rel.startsWith('-'))
    throw new GitError(`the mentoring folder "${folder}" is not inside the repository`);
  return rel;
}

export async function isAncestor(root: string, older: string, newer: string): Promise<boolean> {
  try {
    await readGit(root, ['merge-base', '--is-ancestor', older, newer]);
    return true;
  } catch {
    return false;
  }
}

export function listTree(
  info: RepoInfo,
  pathspecs: string[],
  onEntry: (path: string, blob: string) => void,
): Promise<void> {
  // <mode> SP <type> SP <object> TAB <path> NUL
  const splitter = new NulSplitter((token) => {
    const tab = token.indexOf('\t');
    const [, type, blob] = token.slice(0, tab).split(' ');
    if (type === 'blob') onEntry(token.slice(tab + 1), blob);
  });
  return streamGit(
    info.toplevel,
    ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', info.head as string, '--', ...pathspecs],
    (chunk) => splitter.push(chunk),
  ).then(() => splitter.end());
}

export function diffTree(
  info: RepoInfo,
  from: string,
  pathspecs: string[],
  onEntry: (path: string, blob: string | undefined) => void,
): Promise<void> {
  let entry: ReturnType<typeof parseRawEntry>;
  const splitter = new NulSplitter((token) => {
    if (entry) {
      onEntry(token, entry.status === 'D' ? undefined : entry.newBlob);
      entry = undefined;
    } else entry = parseRawEntry(token);
  });
  return streamGit(
    info.toplevel,
    [
      '--literal-pathspecs',
      'diff-tree',
      '-r',
      '-z',
      '--raw',
      '--no-abbrev',
      '--no-renames',
      '--no-ext-diff',
      '--no-textconv',
      from,
      info.head as string,
      '--',
      ...pathspecs,
    ],
    (chunk) => splitter.push(chunk),
  ).then(() => splitter.end());
}
