// What commits hold: the log of a folder with each commit's file changes, a commit's tree, what
// changed between two trees, and ancestry. Output is parsed while git is still writing it, so a
// caller can ask for blobs (objects.ts) before the listing ends. Paths are given with
// --literal-pathspecs: a folder name is a path, never a pattern.
import { LOG_FORMAT, LogParser, type CommitRecord } from './logParser';
import { NulSplitter, parseTreeEntry, RawDiffReader, type TreeEntry } from './parse';
import { runGit, streamGit } from './runner';

/**
 * Every commit in `range` (`<head>` or `<old>..<new>`) that touches `pathspecs`, newest first,
 * each with its changes against its first parent (merges too: `--diff-merges=first-parent`),
 * renames detected. `--full-history` keeps commits that simplification would hide on side branches.
 */
export function walkLog(
  root: string,
  range: string,
  pathspecs: string[],
  onCommit: (commit: CommitRecord) => void,
): Promise<void> {
  const parser = new LogParser(onCommit);
  return streamGit(
    root,
    [
      '--literal-pathspecs',
      'log',
      '--full-history',
      '--diff-merges=first-parent',
      '--raw',
      '-z',
      '--no-abbrev',
      '-M',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--no-show-signature',
      LOG_FORMAT,
      range,
      '--',
      ...pathspecs,
    ],
    (chunk) => parser.push(chunk),
  ).then(() => parser.end());
}

/**
 * Hands each entry under `pathspecs` in a commit's tree (recursively unless `recursive` is false;
 * paths relative to the top) to `onEntry` as git lists it.
 */
export function forEachTreeEntry(
  root: string,
  commit: string,
  pathspecs: string[],
  onEntry: (entry: TreeEntry) => void,
  { recursive = true } = {},
): Promise<void> {
  const splitter = new NulSplitter((record) => {
    const entry = parseTreeEntry(record);
    if (entry) onEntry(entry);
  });
  return streamGit(
    root,
    ['--literal-pathspecs', 'ls-tree', ...(recursive ? ['-r'] : []), '-z', '--full-tree', commit, '--', ...pathspecs],
    (chunk) => splitter.push(chunk),
  ).then(() => splitter.end());
}

/** Every entry under `pathspecs` in a commit's tree. */
export async function listTree(root: string, commit: string, pathspecs: string[]): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  await forEachTreeEntry(root, commit, pathspecs, (entry) => entries.push(entry));
  return entries;
}

/** The entries of one folder in a commit's tree, not what is inside them (`folder` relative to the top). */
export async function listFolderAt(root: string, commit: string, folder: string): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  await forEachTreeEntry(root, commit, [`${folder}/`], (entry) => entries.push(entry), { recursive: false });
  return entries;
}

/** Each path under `pathspecs` that differs between two commits' trees, with its blob in `to` (undefined: deleted). */
export function diffTree(
  root: string,
  from: string,
  to: string,
  pathspecs: string[],
  onChange: (path: string, blob: string | undefined) => void,
): Promise<void> {
  const changes = new RawDiffReader((change) => onChange(change.path, change.newBlob));
  const splitter = new NulSplitter((token) => changes.token(token));
  return streamGit(
    root,
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
      to,
      '--',
      ...pathspecs,
    ],
    (chunk) => splitter.push(chunk),
  ).then(() => splitter.end());
}

/** Whether `older` is an ancestor of (or the same as) `newer`. */
export async function isAncestor(root: string, older: string, newer: string): Promise<boolean> {
  try {
    await runGit(root, ['merge-base', '--is-ancestor', older, newer]);
    return true;
  } catch {
    return false;
  }
}
