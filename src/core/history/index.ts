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
import { isAncestor } from '../git/commits';
import { folderRelativeToTop, repoInfo, type RepoInfo } from '../git/repository';
import { GitError } from '../git/runner';
import { classifyPairPath } from './facts';
import { blobKind, clearFacts, factOf, factsGeneration, fileFacts, rememberFacts } from './factsStore';
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
} from './summary';
import { walkInto, type CacheEntry } from './walk';

export { parentsFirst } from '../git/logParser';
export type { EventAuthor, EventDetails, FileEdit, HistoryEvent, HistoryEventKind } from './types';
export type { PairSummaries, PairSummary } from './summary';
export type { PairDigest } from './digest';
export type { ActionFacts, FeedbackFacts, GoalFacts, PlanFacts, SessionFacts } from './facts';
export type { FeedbackState, History, HistoryOptions, PairLog, PairState, SessionState } from './types';
import type { History, HistoryEvent, HistoryOptions, PairLog } from './types';

/** A pair's events, oldest first. */
export function pairTimeline(history: History, pair: string): HistoryEvent[] {
  return history.events.filter((event) => event.pair === pair);
}

const MAX_CACHE_ENTRIES = 8;
const cache = new Map<string, CacheEntry>();

export async function readHistory(root: string, options: HistoryOptions = {}): Promise<History> {
  return (await historyAndSummary(root, options)).history;
}

/** readHistory, and the health summary when it wrote one (as written: not read back from disk). */
async function historyAndSummary(
  root: string,
  options: HistoryOptions,
): Promise<{ history: History; summary?: LoadedSummary }> {
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
  if (!info.head) return { history: emptyHistory(info.toplevel, folder, options.pair, info.shallowKey !== '') };
  const key = `${info.gitDir}\0${folder}\0${options.pair ?? '*'}${scope}`;
  let cached = options.noCache ? undefined : cache.get(key);
  // Asked for the summary, a history already at HEAD still goes on (by nothing) to write it.
  if (cached && cached.head === info.head && cached.shallowKey === info.shallowKey && !options.summary)
    return { history: cached.result };
  if (!cached && options.pair !== undefined && !options.noCache) {
    const all = cache.get(`${info.gitDir}\0${folder}\0*${scope}`);
    if (all && all.head === info.head && all.shallowKey === info.shallowKey)
      return { history: onlyPair(all.result, options.pair) };
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
      factsGeneration: factsGeneration(),
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
  const summary =
    indexPath && indexScope === '*' && (changed || options.summary)
      ? await writeSummary(summaryPath(info.gitDir, folder), entry, (path) => blobKind(folder, path), factOf)
      : undefined;
  return { history: entry.result, summary };
}

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
  const { summary } = await historyAndSummary(root, { folder: folderOption, persist: true, summary: 'only' });
  if (!summary) throw new Error(`the health summary could not be written to ${path}`);
  return pairSummaries(summary, info.shallowKey !== '');
}

/** The summary brought from its commit to HEAD; undefined when that takes the whole history. */
async function summaryForward(
  loaded: LoadedSummary,
  info: RepoInfo,
  folder: string,
): Promise<LoadedSummary | undefined> {
  const file = loaded.file;
  rememberFacts(file.facts);
  const entry: CacheEntry = {
    head: file.head,
    shallowKey: file.shallowKey,
    folder,
    walk: new HistoryWalk(`${folder}/`),
    tree: new Map(file.tree),
    pairFiles: new Map(),
    factsGeneration: factsGeneration(),
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
    rememberFacts(part.facts);
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
  for (const pair of touched) {
    const state = pairState([...(entry.pairFiles.get(pair) ?? [])], folder, pair, fileFacts);
    if (state) entry.pairs.set(pair, state);
    else entry.pairs.delete(pair);
  }
  return writeSummary(loaded.path, entry, (p) => blobKind(folder, p), factOf, { loaded, pairs: touched });
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
  rememberFacts(snapshot.facts);
  const entry: CacheEntry = {
    head: snapshot.head,
    shallowKey: snapshot.shallowKey,
    folder,
    walk: HistoryWalk.restore(`${folder}/`, snapshot.walk),
    tree: new Map(snapshot.tree),
    pairFiles: new Map(),
    factsGeneration: factsGeneration(),
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
  for (const [id, files] of entry.pairFiles) {
    const state = pairState([...files], folder, id, fileFacts);
    if (state) entry.pairs.set(id, state);
  }
  return entry;
}

function snapshotOf(entry: CacheEntry, scope: string): HistorySnapshot {
  const facts: HistorySnapshot['facts'] = [];
  for (const [path, blob] of entry.tree) {
    const kind = blobKind(entry.folder, path);
    const found = kind ? factOf(`${kind}:${blob}`) : undefined;
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
  clearFacts();
}
