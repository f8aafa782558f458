// Bringing a cached history forward: one `git log` over the range, one `cat-file --batch` for
// the file versions whose facts are not stored yet (none when they are all loose objects), the
// tree's changes (from the log itself when HEAD went on in a line of single-parent commits, else
// from git), then the walk's events, the authors and each changed pair's state.
import { emailKey } from '../folder/people';
import { diffTree, forEachTreeEntry, isAncestor, walkLog } from '../git/commits';
import { linearDescent, objectsFolder, readLooseObject } from '../git/headFiles';
import { parentsFirst, type CommitRecord } from '../git/logParser';
import { ObjectReader } from '../git/objects';
import type { RepoInfo } from '../git/repository';
import { authorIndex, personHandle } from './authors';
import { classifyPairPath } from './facts';
import {
  blobKind,
  factsGeneration,
  fileFacts,
  hasFacts,
  personFactsOf,
  storeFacts,
  trimFacts,
  type BlobKind,
} from './factsStore';
import { pairState } from './pairState';
import type { WalkedHistory } from './summary';
import type { EventAuthor, History } from './types';

/** A history brought up to some HEAD, as the cache keeps it. */
export interface CacheEntry extends WalkedHistory {
  /** `factsGeneration` when the entry was last brought up to date. */
  factsGeneration: number;
  result: History;
  /** Called with the new commits before they are applied (the summary loads the pairs they touch). */
  prepare?: (commits: CommitRecord[], paths: Iterable<string>) => Promise<void>;
}

export async function walkInto(
  entry: CacheEntry,
  info: RepoInfo,
  range: string,
  pair: string | undefined,
  fromHead: string | undefined,
): Promise<boolean> {
  const folder = entry.folder;
  const pathspecs = pair === undefined ? [folder] : [`${folder}/pairs/${pair}`, `${folder}/people`];
  const commits: CommitRecord[] = [];
  const kindsOf = new Map<string, Set<BlobKind>>();
  // Started on the first request, once the log runs: spawning blocks this thread for milliseconds
  // (more, the more memory the process holds), and the log is the longest process, so it goes first.
  let reader: ObjectReader | undefined;
  // Going on from an index, the few new files are mostly loose objects, read without a process;
  // a whole walk's are packed, and looking for each first would only cost time.
  const objects = fromHead !== undefined ? objectsFolder(info.gitDir) : undefined;
  trimFacts();
  const want = (kind: BlobKind | undefined, blob: string | undefined): void => {
    if (!kind || !blob || hasFacts(kind, blob)) return;
    const loose = objects && readLooseObject(objects, blob, 'blob');
    if (loose) return storeFacts(kind, blob, loose);
    const kinds = kindsOf.get(blob) ?? new Set<BlobKind>();
    kinds.add(kind);
    kindsOf.set(blob, kinds);
    reader ??= new ObjectReader(info.toplevel, (id, content) => {
      for (const kind of kindsOf.get(id) ?? []) storeFacts(kind, id, content);
      kindsOf.delete(id);
    });
    reader.request(blob);
  };
  const kindOf = (path: string): BlobKind | undefined => blobKind(folder, path);

  const onCommit = (commit: CommitRecord): void => {
    commits.push(commit);
    if (commit.parents.length > 1) return; // merges add no content events
    for (const change of commit.changes) {
      const kind = kindOf(change.path);
      want(kind, change.newBlob);
      if (kind !== 'person') want(kindOf(change.oldPath), change.oldBlob);
    }
  };
  const treeChanges = new Map<string, string | undefined>();
  const onTreeEntry = (path: string, blob: string | undefined): void => {
    treeChanges.set(path, blob);
    want(kindOf(path), blob);
  };
  let walkError: unknown;
  /** Going on from `fromHead`: whether HEAD descends from it, and whether in a line of single-parent commits. */
  let descent = 'line' as 'line' | 'other' | 'none';
  try {
    const log = walkLog(info.toplevel, range, pathspecs, onCommit);
    log.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    const head = info.head as string;
    // Gone on from the indexed HEAD in a line of commits (the usual case), the log holds every
    // change and no other process runs; otherwise git compares the trees and checks the ancestry.
    const tree =
      fromHead === undefined
        ? forEachTreeEntry(info.toplevel, head, pathspecs, (entry) => {
            if (entry.type === 'blob') onTreeEntry(entry.path, entry.id);
          })
        : (async () => {
            if (linearDescent(info.gitDir, fromHead, head)) return;
            descent = (await isAncestor(info.toplevel, fromHead, head)) ? 'other' : 'none';
            if (descent === 'other') await diffTree(info.toplevel, fromHead, head, pathspecs, onTreeEntry);
          })();
    await Promise.all([log, tree]);
  } catch (error) {
    walkError = error;
  }
  await reader?.finish().catch((error: unknown) => {
    walkError ??= error;
  });
  if (walkError) throw walkError;
  if (descent === 'none') return false;
  if (fromHead !== undefined && descent === 'line') composeChanges(commits, treeChanges);
  await entry.prepare?.(commits, treeChanges.keys());

  if (fromHead === undefined) {
    entry.tree.clear();
    entry.pairFiles.clear();
  }
  let peopleChanged = fromHead === undefined;
  const changedPairs = new Set<string>();
  for (const [path, blob] of treeChanges) {
    if (blob === undefined) entry.tree.delete(path);
    else entry.tree.set(path, blob);
    if (personHandle(folder, path) !== undefined) peopleChanged = true;
    const where = classifyPairPath(`${folder}/`, path);
    if (!where) continue;
    changedPairs.add(where.pair);
    let files = entry.pairFiles.get(where.pair);
    if (!files) entry.pairFiles.set(where.pair, (files = new Map()));
    if (blob === undefined) files.delete(path);
    else files.set(path, blob);
  }
  // Every listed or changed file was requested above; older ones only if the cache was emptied since.
  if (entry.factsGeneration !== factsGeneration()) await readMissingFacts(info, entry.tree, kindOf);
  entry.factsGeneration = factsGeneration();
  if (peopleChanged) entry.emailToHandle = authorIndex(entry.tree, folder, personFactsOf);
  const authorOf = (email: string): EventAuthor => {
    const handle = entry.emailToHandle.get(emailKey(email));
    return handle !== undefined ? { handle } : { unknown: email };
  };
  if (peopleChanged && fromHead !== undefined) entry.walk.remapAuthors(authorOf);
  for (const commit of parentsFirst(commits))
    entry.walk.apply(commit, fileFacts, authorOf, info.boundary.has(commit.id));
  entry.commits += commits.length;
  for (const id of changedPairs) {
    const state = pairState([...(entry.pairFiles.get(id) ?? [])], folder, id, fileFacts);
    if (state) entry.pairs.set(id, state);
    else entry.pairs.delete(id);
  }
  return true;
}

/** What a line of commits (oldest last, as the log lists them) changed in all: each path's last blob, undefined when deleted. */
function composeChanges(commits: CommitRecord[], changes: Map<string, string | undefined>): void {
  for (let i = commits.length - 1; i >= 0; i--) {
    const commit = commits[i];
    for (const change of commit.changes) if (change.oldPath !== change.path) changes.set(change.oldPath, undefined);
    for (const change of commit.changes) changes.set(change.path, change.newBlob);
  }
}

/** Facts the cache dropped for files still at HEAD (a long session, many repositories): read them again. */
async function readMissingFacts(
  info: RepoInfo,
  tree: Map<string, string>,
  kindOf: (path: string) => BlobKind | undefined,
): Promise<void> {
  const missing: [BlobKind, string][] = [];
  for (const [path, blob] of tree) {
    const kind = kindOf(path);
    if (kind && !hasFacts(kind, blob)) missing.push([kind, blob]);
  }
  if (missing.length === 0) return;
  const kinds = new Map(missing.map(([kind, blob]) => [blob, kind]));
  const reader = new ObjectReader(info.toplevel, (id, content) => {
    const kind = kinds.get(id);
    if (kind) storeFacts(kind, id, content);
  });
  for (const [, blob] of missing) reader.request(blob);
  await reader.finish();
}
