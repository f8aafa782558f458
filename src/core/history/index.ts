// The relationship log, read from git: one `git log` pass over the mentoring folder (or one
// pair's folder), one `cat-file --batch` process for the file versions it needs, semantic
// comparison of consecutive versions. Results are cached per repository, folder and scope,
// and brought up to date from the cached HEAD when HEAD moves forward.
//
// API:
// - `readHistory(root, { folder, pair })` → `History`: events (parents before children),
//   file edits, and each pair's state at HEAD (for health figures).
// - `pairTimeline(history, pair)` → that pair's events, oldest first.
import { parsePairId } from '../folder/names';
import { DEFAULT_FOLDER } from '../folder/paths';
import { emailKey } from '../folder/people';
import { diffTree, forEachTreeEntry, isAncestor, walkLog } from '../git/commits';
import { linearDescent } from '../git/headFiles';
import { parentsFirst, type CommitRecord } from '../git/logParser';
import { ObjectReader } from '../git/objects';
import { folderRelativeToTop, repoInfo, type RepoInfo } from '../git/repository';
import { GitError } from '../git/runner';
import { authorIndex, personFacts, personHandle, type PersonFacts } from './authors';
import { classifyPairPath, factsOfBlob, type FileFacts, type PairFileKind } from './facts';
import { HistoryWalk } from './events';
import { emptyHistory, onlyPair, pairState } from './pairState';
import {
  HISTORY_INDEX_VERSION,
  historyIndexPath,
  readHistoryIndex,
  writeHistoryIndex,
  type HistorySnapshot,
} from './persist';
import {
  pairOfPath,
  pairSummaries,
  readPairFile,
  readSummary,
  summaryPath,
  writeSummary,
  type LoadedSummary,
  type PairSummaries,
  type WalkedHistory,
} from './summary';

export { parentsFirst } from '../git/logParser';
export type { EventAuthor, EventDetails, FileEdit, HistoryEvent, HistoryEventKind } from './types';
export type { PairSummaries, PairSummary } from './summary';
export type { PairDigest } from './digest';
export type { ActionFacts, FeedbackFacts, GoalFacts, PlanFacts, SessionFacts } from './facts';
export type { FeedbackState, History, HistoryOptions, PairLog, PairState, SessionState } from './types';
import type { EventAuthor, History, HistoryEvent, HistoryOptions, PairLog } from './types';

/** A pair's events, oldest first. */
export function pairTimeline(history: History, pair: string): HistoryEvent[] {
  return history.events.filter((event) => event.pair === pair);
}

interface CacheEntry extends WalkedHistory {
  /** `factsGeneration` when the entry was last brought up to date. */
  factsGeneration: number;
  result: History;
  /** Called with the new commits before they are applied (the summary loads the pairs they touch). */
  prepare?: (commits: CommitRecord[], paths: Iterable<string>) => Promise<void>;
}

const MAX_CACHE_ENTRIES = 8;
const cache = new Map<string, CacheEntry>();
/** Facts per `kind:blob`: blob ids name contents, so this is valid across repositories. */
const factsCache = new Map<string, FileFacts | PersonFacts>();
const MAX_FACTS = 1_000_000;
/** Counts how often the facts cache was emptied, so an entry knows whether its files' facts are still there. */
let factsGeneration = 0;

type BlobKind = PairFileKind | 'person';

export async function readHistory(root: string, options: HistoryOptions = {}): Promise<History> {
  if (options.pair !== undefined) parsePairId(options.pair);
  const info = await repoInfo(root);
  const folder = folderRelativeToTop(info.toplevel, root, options.folder ?? DEFAULT_FOLDER);
  // Another commit than HEAD is cached apart, so reading it does not undo the cache of HEAD.
  let scope = '';
  if (options.at !== undefined && options.at !== info.head) {
    if (!/^[0-9a-f]{40,64}$/.test(options.at)) throw new GitError(`"${options.at}" is not a commit id`);
    info.head = options.at;
    scope = '\0at';
  }
  if (!info.head) return emptyHistory(info.toplevel, folder, options.pair, info.shallowKey !== '');
  const key = `${info.gitDir}\0${folder}\0${options.pair ?? '*'}${scope}`;
  let cached = options.noCache ? undefined : cache.get(key);
  if (cached && cached.head === info.head && cached.shallowKey === info.shallowKey) return cached.result;
  if (!cached && options.pair !== undefined && !options.noCache) {
    const all = cache.get(`${info.gitDir}\0${folder}\0*${scope}`);
    if (all && all.head === info.head && all.shallowKey === info.shallowKey) return onlyPair(all.result, options.pair);
  }
  const indexScope = options.pair ?? '*';
  const indexPath =
    options.persist && !options.noCache && scope === '' ? historyIndexPath(info.gitDir, folder, indexScope) : undefined;
  let restored: CacheEntry | undefined;
  if (!cached && indexPath) cached = restored = await restoreEntry(indexPath, folder, indexScope, info, options.pair);
  // A restored index that the walk brings forward is written again, or every restart walks those commits anew.
  const restoredAt = restored?.head;
  let entry: CacheEntry | undefined;
  if (restored && restored.head === info.head && restored.shallowKey === info.shallowKey) entry = restored;
  else if (cached && cached.shallowKey === info.shallowKey) {
    try {
      if (await walkInto(cached, info, `${cached.head}..${info.head}`, options.pair, cached.head)) entry = cached;
    } catch (error) {
      // The old HEAD may be gone (a rebase, then gc): walk from scratch; otherwise it is a real failure.
      if (await isAncestor(info.toplevel, cached.head, info.head)) throw error;
    }
  }
  if (!entry) {
    entry = {
      head: info.head,
      shallowKey: info.shallowKey,
      folder,
      walk: new HistoryWalk(`${folder}/`),
      tree: new Map(),
      pairFiles: new Map(),
      factsGeneration,
      emailToHandle: new Map(),
      pairs: new Map(),
      commits: 0,
      result: emptyHistory(info.toplevel, folder, options.pair, info.shallowKey !== ''),
    };
    await walkInto(entry, info, info.head, options.pair, undefined);
  }
  entry.head = info.head;
  entry.result = {
    root: info.toplevel,
    folder,
    pair: options.pair,
    head: info.head,
    shallow: info.shallowKey !== '',
    commits: entry.commits,
    events: entry.walk.events.slice(),
    edits: entry.walk.edits.slice(),
    pairs: new Map(entry.pairs),
    fileIds: entry.walk.fileIds,
    logs: pairLogs(entry),
  };
  if (!options.noCache) {
    cache.delete(key);
    cache.set(key, entry);
    while (cache.size > MAX_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  }
  const changed = entry !== restored || restoredAt !== info.head;
  if (indexPath && changed && options.summary !== 'only')
    await writeHistoryIndex(indexPath, snapshotOf(entry, indexScope));
  if (indexPath && indexScope === '*' && (changed || options.summary))
    await writeSummary(summaryPath(info.gitDir, folder), entry, (path) => kindOfPath(folder, path), factOf);
  return entry.result;
}

const factOf = (key: string) => factsCache.get(key);
const kindOfPath = (folder: string, path: string): BlobKind | undefined =>
  classifyPairPath(`${folder}/`, path)?.kind ?? (personHandle(folder, path) !== undefined ? 'person' : undefined);

/**
 * Every pair's files at HEAD and its log's digest, what the health figures need: from the summary
 * on disk (summary.ts), brought forward by the commits since, reading only the pairs they touch.
 * Without a valid summary, or when HEAD does not descend from it or the people changed, the
 * history is read (`persist`) and the summary written again (not the whole folder's index).
 */
export async function readPairSummaries(root: string, options: { folder?: string } = {}): Promise<PairSummaries> {
  const info = await repoInfo(root);
  const folder = folderRelativeToTop(info.toplevel, root, options.folder ?? DEFAULT_FOLDER);
  if (!info.head) return { shallow: info.shallowKey !== '', pairs: new Map(), proposedOn: new Map() };
  const path = summaryPath(info.gitDir, folder);
  const kept = summaryCache.get(path);
  if (kept && kept.head === info.head && kept.shallowKey === info.shallowKey) return kept.summaries;
  const summaries = await summariesAtHead(root, options.folder, info, folder, path);
  summaryCache.set(path, { head: info.head, shallowKey: info.shallowKey, summaries });
  return summaries;
}

/** The last summaries read per summary file, while HEAD stays where it was (the overview reloads often). */
const summaryCache = new Map<string, { head: string; shallowKey: string; summaries: PairSummaries }>();

async function summariesAtHead(
  root: string,
  folderOption: string | undefined,
  info: RepoInfo,
  folder: string,
  path: string,
): Promise<PairSummaries> {
  const loaded = await readSummary(path, folder);
  if (loaded && loaded.file.shallowKey === info.shallowKey) {
    if (loaded.file.head === info.head) return pairSummaries(loaded, info.shallowKey !== '');
    const forward = await summaryForward(loaded, info, folder).catch(() => undefined);
    if (forward) return pairSummaries(forward, info.shallowKey !== '');
  }
  await readHistory(root, { folder: folderOption, persist: true, summary: 'only' });
  const written = await readSummary(path, folder);
  if (!written) throw new Error(`the health summary could not be written to ${path}`);
  return pairSummaries(written, info.shallowKey !== '');
}

/** The summary brought from its commit to HEAD; undefined when that takes the whole history. */
async function summaryForward(
  loaded: LoadedSummary,
  info: RepoInfo,
  folder: string,
): Promise<LoadedSummary | undefined> {
  const file = loaded.file;
  for (const [key, facts] of file.facts) if (!factsCache.has(key)) factsCache.set(key, facts);
  const entry: CacheEntry = {
    head: file.head,
    shallowKey: file.shallowKey,
    folder,
    walk: new HistoryWalk(`${folder}/`),
    tree: new Map(file.tree),
    pairFiles: new Map(),
    factsGeneration,
    emailToHandle: new Map(file.emailToHandle),
    pairs: new Map(),
    commits: file.commits,
    result: emptyHistory(info.toplevel, folder, undefined, info.shallowKey !== ''),
  };
  entry.walk.remember(file.memory);
  const touched = new Set<string>();
  let missing = false;
  const load = async (pair: string): Promise<void> => {
    if (touched.has(pair)) return;
    touched.add(pair);
    const part = await readPairFile(loaded, pair);
    if (!part) return void (missing = true);
    entry.walk.remember(part.memory);
    for (const [key, facts] of part.facts) if (!factsCache.has(key)) factsCache.set(key, facts);
    for (const [p, blob] of part.tree) entry.tree.set(p, blob);
    if (part.tree.length > 0) entry.pairFiles.set(pair, new Map(part.tree));
    // A file renamed in from another pair keeps its first path as id: that pair's memory holds it.
    for (const [, id] of part.memory.fileIds) {
      const other = pairOfPath(folder, id);
      if (other !== undefined) await load(other);
    }
  };
  entry.prepare = async (commits, paths) => {
    const all = [...paths, ...commits.flatMap((commit) => commit.changes.flatMap((c) => [c.path, c.oldPath]))];
    for (const pair of new Set(all.map((p) => pairOfPath(folder, p)))) if (pair !== undefined) await load(pair);
  };
  const before = JSON.stringify([...entry.emailToHandle].sort());
  if (!(await walkInto(entry, info, `${file.head}..${info.head}`, undefined, file.head)) || missing) return undefined;
  if (JSON.stringify([...entry.emailToHandle].sort()) !== before) return undefined; // every author may change
  entry.head = info.head as string;
  const facts = (kind: PairFileKind, blob: string) => factsCache.get(`${kind}:${blob}`) as FileFacts | undefined;
  for (const pair of touched) {
    const state = pairState([...(entry.pairFiles.get(pair) ?? [])], folder, pair, facts);
    if (state) entry.pairs.set(pair, state);
    else entry.pairs.delete(pair);
  }
  const digests = await writeSummary(loaded.path, entry, (p) => kindOfPath(folder, p), factOf, {
    loaded,
    pairs: touched,
  });
  const again = await readSummary(loaded.path, folder);
  return again && again.digests.size === digests.size ? again : undefined;
}

/** A cache entry from the index on disk, when it is valid for this folder, scope and shallow state. */
async function restoreEntry(
  path: string,
  folder: string,
  scope: string,
  info: RepoInfo,
  pair: string | undefined,
): Promise<CacheEntry | undefined> {
  const snapshot = await readHistoryIndex(path, folder, scope);
  if (!snapshot || snapshot.shallowKey !== info.shallowKey) return undefined;
  for (const [key, facts] of snapshot.facts) if (!factsCache.has(key)) factsCache.set(key, facts);
  const entry: CacheEntry = {
    head: snapshot.head,
    shallowKey: snapshot.shallowKey,
    folder,
    walk: HistoryWalk.restore(`${folder}/`, snapshot.walk),
    tree: new Map(snapshot.tree),
    pairFiles: new Map(),
    factsGeneration,
    emailToHandle: new Map(snapshot.emailToHandle),
    pairs: new Map(),
    commits: snapshot.commits,
    result: emptyHistory(info.toplevel, folder, pair, info.shallowKey !== ''),
  };
  for (const [path, blob] of entry.tree) {
    const where = classifyPairPath(`${folder}/`, path);
    if (!where) continue;
    let files = entry.pairFiles.get(where.pair);
    if (!files) entry.pairFiles.set(where.pair, (files = new Map()));
    files.set(path, blob);
  }
  const facts = (kind: PairFileKind, blob: string) => factsCache.get(`${kind}:${blob}`) as FileFacts | undefined;
  for (const [id, files] of entry.pairFiles) {
    const state = pairState([...files], folder, id, facts);
    if (state) entry.pairs.set(id, state);
  }
  return entry;
}

function snapshotOf(entry: CacheEntry, scope: string): HistorySnapshot {
  const facts: HistorySnapshot['facts'] = [];
  for (const [path, blob] of entry.tree) {
    const kind = classifyPairPath(`${entry.folder}/`, path)?.kind ?? (personHandle(entry.folder, path) ? 'person' : '');
    const found = kind ? factsCache.get(`${kind}:${blob}`) : undefined;
    if (found) facts.push([`${kind}:${blob}`, found]);
  }
  return {
    version: HISTORY_INDEX_VERSION,
    folder: entry.folder,
    scope,
    head: entry.head,
    shallowKey: entry.shallowKey,
    commits: entry.commits,
    walk: entry.walk.snapshot(),
    tree: [...entry.tree],
    facts,
    emailToHandle: [...entry.emailToHandle],
  };
}

/** Per-pair logs: new arrays for pairs with new events, the previous ones for the rest. */
function pairLogs(entry: CacheEntry): Map<string, PairLog> {
  const logs = new Map(entry.result.logs);
  for (const pair of entry.walk.takeTouched()) {
    const log = entry.walk.byPair.get(pair);
    if (log) logs.set(pair, { events: log.events.slice(), edits: log.edits.slice(), fileIds: entry.walk.fileIds });
  }
  return logs;
}

/** Forgets every cached history (tests, and after a repository is closed). */
export function clearHistoryCache(): void {
  cache.clear();
  summaryCache.clear();
  factsCache.clear();
  factsGeneration++;
}

async function walkInto(
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
  // Assigned once the log has been started: spawning blocks this thread for milliseconds, and the
  // log is the longest process, so it goes first. Requests only arrive after it has output.
  let reader: ObjectReader | undefined;
  if (factsCache.size > MAX_FACTS) {
    factsCache.clear();
    factsGeneration++;
  }
  const want = (kind: BlobKind | undefined, blob: string | undefined): void => {
    if (!kind || !blob || factsCache.has(`${kind}:${blob}`)) return;
    const kinds = kindsOf.get(blob) ?? new Set<BlobKind>();
    kinds.add(kind);
    kindsOf.set(blob, kinds);
    reader?.request(blob);
  };
  const kindOf = (path: string): BlobKind | undefined =>
    classifyPairPath(`${folder}/`, path)?.kind ?? (personHandle(folder, path) !== undefined ? 'person' : undefined);

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
    reader = new ObjectReader(info.toplevel, (id, content) => {
      for (const kind of kindsOf.get(id) ?? [])
        factsCache.set(`${kind}:${id}`, kind === 'person' ? personFacts(content) : factsOfBlob(kind, content));
      kindsOf.delete(id);
    });
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
  if (entry.factsGeneration !== factsGeneration) await readMissingFacts(info, entry.tree, folder, kindOf);
  entry.factsGeneration = factsGeneration;
  if (peopleChanged)
    entry.emailToHandle = authorIndex(
      entry.tree,
      folder,
      (blob) => factsCache.get(`person:${blob}`) as PersonFacts | undefined,
    );
  const authorOf = (email: string): EventAuthor => {
    const handle = entry.emailToHandle.get(emailKey(email));
    return handle !== undefined ? { handle } : { unknown: email };
  };
  if (peopleChanged && fromHead !== undefined) entry.walk.remapAuthors(authorOf);
  const facts = (kind: PairFileKind, blob: string | undefined): FileFacts | undefined =>
    blob === undefined ? undefined : (factsCache.get(`${kind}:${blob}`) as FileFacts | undefined);
  for (const commit of parentsFirst(commits)) entry.walk.apply(commit, facts, authorOf, info.boundary.has(commit.id));
  entry.commits += commits.length;
  for (const id of changedPairs) {
    const state = pairState([...(entry.pairFiles.get(id) ?? [])], folder, id, facts);
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
  folder: string,
  kindOf: (path: string) => BlobKind | undefined,
): Promise<void> {
  const missing: [BlobKind, string][] = [];
  for (const [path, blob] of tree) {
    const kind = kindOf(path);
    if (kind && !factsCache.has(`${kind}:${blob}`)) missing.push([kind, blob]);
  }
  if (missing.length === 0) return;
  const kinds = new Map(missing.map(([kind, blob]) => [blob, kind]));
  const reader = new ObjectReader(info.toplevel, (id, content) => {
    const kind = kinds.get(id);
    if (kind) factsCache.set(`${kind}:${id}`, kind === 'person' ? personFacts(content) : factsOfBlob(kind, content));
  });
  for (const [, blob] of missing) reader.request(blob);
  await reader.finish();
}
