// The history index on disk: what a walk of the log derived (events and edits per commit and
// pair, the walk's memory, HEAD's files and their facts), so a restarted editor goes on from the
// last indexed commit instead of walking the whole log again. It lives in the repository's git
// folder (`<git dir>/mentoring/`), never in the working tree, one file per folder and scope,
// written atomically. A file of another version, another folder or shallow state, or one that
// does not parse, is ignored (and replaced by the next write); whether HEAD still descends from
// its commit (a rebase, a branch switch) is for the caller to check before going on from it.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite';
import type { FileFacts } from './facts';
import type { WalkSnapshot } from './events';

/** Bump when what the walk derives, or this file's shape, changes: older files are then rebuilt. */
export const HISTORY_INDEX_VERSION = 1;

export interface PersonFactsData {
  kind: 'person';
  emails: string[];
}

export interface HistorySnapshot {
  version: number;
  folder: string;
  scope: string;
  head: string;
  shallowKey: string;
  commits: number;
  walk: WalkSnapshot;
  /** HEAD's blob for every walked path. */
  tree: [string, string][];
  /** Facts of HEAD's blobs, keyed `kind:blob`. */
  facts: [string, FileFacts | PersonFactsData][];
  emailToHandle: [string, string][];
}

/** Where the index of one folder and scope (`*` or a pair id) lives in `gitDir`. */
export function historyIndexPath(gitDir: string, folder: string, scope: string): string {
  const id = createHash('sha256').update(`${folder}\0${scope}`).digest('hex').slice(0, 16);
  return join(gitDir, 'mentoring', `history-${id}.json`);
}

/** The snapshot at `path` when it is one of this version for `folder` and `scope`; undefined otherwise. */
export async function readHistoryIndex(
  path: string,
  folder: string,
  scope: string,
): Promise<HistorySnapshot | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined; // missing, unreadable, truncated or not JSON: walked again
  }
  const s = data as Partial<HistorySnapshot> | null;
  if (!s || typeof s !== 'object' || s.version !== HISTORY_INDEX_VERSION) return undefined;
  if (s.folder !== folder || s.scope !== scope || typeof s.head !== 'string' || typeof s.shallowKey !== 'string')
    return undefined;
  const walk = s.walk as Partial<WalkSnapshot> | undefined;
  const lists = [walk?.events, walk?.edits, walk?.fileIds, walk?.lastFacts, walk?.liveTransitions, walk?.once];
  if (!lists.every(Array.isArray) || ![s.tree, s.facts, s.emailToHandle].every(Array.isArray)) return undefined;
  if (typeof s.commits !== 'number') return undefined;
  return s as HistorySnapshot;
}

export async function writeHistoryIndex(path: string, snapshot: HistorySnapshot): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(snapshot), { durable: false });
}
