// The health summary on disk: what the health figures need of each pair (its files' facts at HEAD
// and its log's digest), small enough to read whole after a restart, beside the walk's memory kept
// one file per pair, read only for the pairs new commits touch. It sits next to the history index
// (`<git dir>/mentoring/`), keyed by the commit it was brought up to: `summary-<id>.json` and
// `summary-<id>/<pair>.json`. A summary of another version, folder or shallow state, or one that
// does not parse, is ignored (and rebuilt from the history); a pair file written at another
// commit than the summary records for it counts as missing.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite';
import { tryParsePairId } from '../folder/names';
import type { PersonFacts } from './authors';
import { addToDigest, emptyDigest, pairDigest, type DriveCounts, type PairDigest } from './digest';
import type { HistoryWalk, WalkSnapshot } from './events';
import type { ActionFacts, FileFacts } from './facts';
import type { PairState } from './types';

/** Bump when what a summary or a pair file holds changes: older ones are then rebuilt. */
export const SUMMARY_VERSION = 2;

type Memory = Pick<WalkSnapshot, 'fileIds' | 'lastFacts' | 'liveTransitions' | 'once'>;
type AnyFacts = FileFacts | PersonFacts;

interface DigestData {
  proposedOn?: string;
  stoppedOn?: string;
  preparedOn: [string, string][];
  doneOn: [string, string][];
  drives: [string, DriveCounts][];
}

interface PairEntryData {
  /** The commit the pair's file (`summary-<id>/<pair>.json`) was written at. */
  written: string;
  state?: PairState;
  digest: DigestData;
  /** Current paths whose file id is another path (renamed files). */
  renamed: [string, string][];
}

interface SummaryFile {
  version: number;
  folder: string;
  head: string;
  shallowKey: string;
  commits: number;
  emailToHandle: [string, string][];
  /** HEAD's files outside the pair folders (people, program) and their facts. */
  tree: [string, string][];
  facts: [string, AnyFacts][];
  /** The walk's memory of paths outside the pair folders. */
  memory: Memory;
  pairs: [string, PairEntryData][];
}

interface PairFile {
  version: number;
  head: string;
  memory: Memory;
  /** The pair's files at HEAD and their facts. */
  tree: [string, string][];
  facts: [string, AnyFacts][];
}

/** What a walk brought up to HEAD holds (index.ts's cache entry). */
export interface WalkedHistory {
  head: string;
  shallowKey: string;
  folder: string;
  commits: number;
  walk: HistoryWalk;
  /** HEAD's blob for every walked path. */
  tree: Map<string, string>;
  /** The same files by pair. */
  pairFiles: Map<string, Map<string, string>>;
  emailToHandle: Map<string, string>;
  pairs: Map<string, PairState>;
}

export type FactsByKey = (key: string) => AnyFacts | undefined;

/** One pair as the health figures take it. */
export interface PairSummary {
  state: PairState;
  digest: PairDigest;
  /** A current path's file id (`HistoryEvent.fileId`). */
  fileIdOf: (path: string) => string;
}

export interface PairSummaries {
  head?: string;
  shallow: boolean;
  /** Each pair with a file at HEAD. */
  pairs: Map<string, PairSummary>;
  /** Each pair ever committed as proposed (files at HEAD or not): the day it first was. */
  proposedOn: Map<string, string>;
}

/** A summary read from disk, with what it takes to bring it forward. */
export interface LoadedSummary {
  path: string;
  file: SummaryFile;
  digests: Map<string, PairDigest>;
}

export function summaryPath(gitDir: string, folder: string): string {
  const id = createHash('sha256').update(`${folder}\0*`).digest('hex').slice(0, 16);
  return join(gitDir, 'mentoring', `summary-${id}.json`);
}

const pairFilePath = (summary: string, pair: string): string => join(summary.replace(/\.json$/, ''), `${pair}.json`);

/** The pair a path or file id belongs to (`<folder>/pairs/<pair>/…`), if any. */
export function pairOfPath(folder: string, path: string): string | undefined {
  const prefix = `${folder}/pairs/`;
  if (!path.startsWith(prefix)) return undefined;
  const pair = path.slice(prefix.length).split('/')[0];
  return tryParsePairId(pair) ? pair : undefined;
}

/** The pair a walk-memory key belongs to: `<kind>\0<file id>…`, or `action|benchmark\0<pair>\0…`. */
function pairOfKey(folder: string, key: string): string | undefined {
  const parts = key.split('\0');
  if (parts[0] === 'action' || parts[0] === 'benchmark') return tryParsePairId(parts[1]) ? parts[1] : undefined;
  return pairOfPath(folder, parts[1] ?? '');
}

/** A walk's memory split by pair ('' for the rest). */
function splitMemory(folder: string, memory: Memory): Map<string, Memory> {
  const parts = new Map<string, Memory>();
  const of = (pair: string | undefined): Memory => {
    let part = parts.get(pair ?? '');
    if (!part) parts.set(pair ?? '', (part = { fileIds: [], lastFacts: [], liveTransitions: [], once: [] }));
    return part;
  };
  for (const entry of memory.fileIds) of(pairOfPath(folder, entry[0])).fileIds.push(entry);
  for (const entry of memory.lastFacts) of(pairOfPath(folder, entry[0])).lastFacts.push(entry);
  for (const key of memory.liveTransitions) of(pairOfPath(folder, key.split('\0')[0])).liveTransitions.push(key);
  for (const key of memory.once) of(pairOfKey(folder, key)).once.push(key);
  return parts;
}

function digestData(digest: PairDigest): DigestData {
  const data: DigestData = {
    preparedOn: [...digest.preparedOn],
    doneOn: [...digest.doneOn],
    drives: [...digest.drives],
  };
  if (digest.proposedOn !== undefined) data.proposedOn = digest.proposedOn;
  if (digest.stoppedOn !== undefined) data.stoppedOn = digest.stoppedOn;
  return data;
}

function digestOf(data: DigestData): PairDigest {
  return {
    ...(data.proposedOn !== undefined ? { proposedOn: data.proposedOn } : {}),
    ...(data.stoppedOn !== undefined ? { stoppedOn: data.stoppedOn } : {}),
    preparedOn: new Map(data.preparedOn),
    doneOn: new Map(data.doneOn),
    drives: new Map(data.drives),
  };
}

function factsOfTree(tree: [string, string][], kindOf: (path: string) => string | undefined, factsOf: FactsByKey) {
  const facts: [string, AnyFacts][] = [];
  for (const [path, blob] of tree) {
    const kind = kindOf(path);
    const found = kind ? factsOf(`${kind}:${blob}`) : undefined;
    if (found) facts.push([`${kind}:${blob}`, found]);
  }
  return facts;
}

/**
 * Writes the summary of a walk brought up to HEAD, and the pair files of `pairs` (every pair when
 * `previous` is undefined). New events since `previous` (the walk holds only those) extend its digests.
 * Returns what was written, as readSummary would read it back.
 */
export async function writeSummary(
  path: string,
  walked: WalkedHistory,
  kindOf: (path: string) => string | undefined,
  factsOf: FactsByKey,
  previous?: { loaded: LoadedSummary; pairs: Set<string> },
): Promise<LoadedSummary> {
  const folder = walked.folder;
  const memory = splitMemory(folder, walked.walk.snapshot());
  const entries = new Map<string, PairEntryData>(previous?.loaded.file.pairs ?? []);
  const digests = new Map(previous?.loaded.digests ?? []);
  const rewrite =
    previous?.pairs ??
    new Set([...memory.keys(), ...walked.pairs.keys(), ...walked.walk.byPair.keys()].filter((p) => p !== ''));
  const writes: Promise<void>[] = [];
  await mkdir(path.replace(/\.json$/, ''), { recursive: true });
  for (const pair of rewrite) {
    const log = walked.walk.byPair.get(pair) ?? { events: [], edits: [] };
    const digest = previous
      ? addToDigest(digests.get(pair) ?? emptyDigest(), pair, log.events, log.edits)
      : pairDigest(pair, log);
    digests.set(pair, digest);
    const tree = [...(walked.pairFiles.get(pair) ?? [])];
    const state = walked.pairs.get(pair);
    const renamed: [string, string][] = [];
    for (const [file] of tree) {
      const id = walked.walk.fileIds.get(file);
      if (id !== undefined && id !== file) renamed.push([file, id]);
    }
    entries.set(pair, {
      written: walked.head,
      ...(state ? { state: healthState(state) } : {}),
      digest: digestData(digest),
      renamed,
    });
    const pairFile: PairFile = {
      version: SUMMARY_VERSION,
      head: walked.head,
      memory: memory.get(pair) ?? { fileIds: [], lastFacts: [], liveTransitions: [], once: [] },
      tree,
      facts: factsOfTree(tree, kindOf, factsOf),
    };
    writes.push(writeFileAtomic(pairFilePath(path, pair), JSON.stringify(pairFile), { durable: false }));
  }
  await Promise.all(writes);
  const rest = [...walked.tree].filter(([file]) => pairOfPath(folder, file) === undefined);
  const file: SummaryFile = {
    version: SUMMARY_VERSION,
    folder,
    head: walked.head,
    shallowKey: walked.shallowKey,
    commits: walked.commits,
    emailToHandle: [...walked.emailToHandle],
    tree: rest,
    facts: factsOfTree(rest, kindOf, factsOf),
    memory: memory.get('') ?? { fileIds: [], lastFacts: [], liveTransitions: [], once: [] },
    pairs: [...entries].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
  await writeFileAtomic(path, JSON.stringify(file), { durable: false });
  return { path, file, digests };
}

/** The summary at `path` when it is one of this version for `folder`; undefined otherwise. */
export async function readSummary(path: string, folder: string): Promise<LoadedSummary | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined; // missing, unreadable, truncated or not JSON: rebuilt
  }
  const s = data as Partial<SummaryFile> | null;
  if (!s || typeof s !== 'object' || s.version !== SUMMARY_VERSION || s.folder !== folder) return undefined;
  if (typeof s.head !== 'string' || typeof s.shallowKey !== 'string' || typeof s.commits !== 'number') return undefined;
  if (![s.emailToHandle, s.tree, s.facts, s.pairs].every(Array.isArray) || !validMemory(s.memory)) return undefined;
  const file = s as SummaryFile;
  const digests = new Map<string, PairDigest>();
  for (const [pair, entry] of file.pairs) {
    if (typeof entry?.written !== 'string' || !Array.isArray(entry.renamed) || !validDigest(entry.digest))
      return undefined;
    digests.set(pair, digestOf(entry.digest));
  }
  return { path, file, digests };
}

/** One pair's file, when it was written at the commit the summary records for it; undefined otherwise. */
export async function readPairFile(loaded: LoadedSummary, pair: string): Promise<PairFile | undefined> {
  const written = loaded.file.pairs.find(([id]) => id === pair)?.[1].written;
  if (written === undefined) return { version: SUMMARY_VERSION, head: '', memory: emptyMemory(), tree: [], facts: [] };
  try {
    const s = JSON.parse(await readFile(pairFilePath(loaded.path, pair), 'utf8')) as Partial<PairFile> | null;
    if (!s || s.version !== SUMMARY_VERSION || s.head !== written || !validMemory(s.memory)) return undefined;
    if (!Array.isArray(s.tree) || !Array.isArray(s.facts)) return undefined;
    return s as PairFile;
  } catch {
    return undefined;
  }
}

/** The pairs of a summary as the health figures take them. */
export function pairSummaries(loaded: LoadedSummary, shallow: boolean): PairSummaries {
  const pairs = new Map<string, PairSummary>();
  const proposedOn = new Map<string, string>();
  for (const [pair, digest] of loaded.digests)
    if (digest.proposedOn !== undefined) proposedOn.set(pair, digest.proposedOn);
  for (const [pair, entry] of loaded.file.pairs) {
    if (!entry.state) continue;
    const renamed = new Map(entry.renamed);
    const digest = loaded.digests.get(pair) ?? emptyDigest();
    pairs.set(pair, { state: entry.state, digest, fileIdOf: (path) => renamed.get(path) ?? path });
  }
  return { head: loaded.file.head, shallow, pairs, proposedOn };
}

/**
 * A pair's state with only what the health figures read (figures.ts): statuses, dates, goal and
 * benchmark counts, action keys, due dates and ticks. Titles, texts and other fields are left empty;
 * an action's key is its owner and its text, lower-cased (facts.ts), as in the history index: both
 * are local caches of what the repository holds (a sealed action's text is its ciphertext).
 */
function healthState(state: PairState): PairState {
  const plan = state.plan;
  const action = (a: ActionFacts): ActionFacts => ({
    key: a.key,
    text: '',
    ...(a.due ? { due: a.due } : {}),
    done: a.done,
  });
  return {
    id: state.id,
    mentee: state.mentee,
    mentor: state.mentor,
    ...(plan
      ? {
          plan: {
            kind: 'plan',
            ...pick(plan, ['status', 'started', 'ends', 'cadenceDays']),
            goals: plan.goals.map((goal) => ({
              id: '',
              ...pick(goal, ['status']),
              fields: {},
              benchmarks: goal.benchmarks.map((b) => ({ text: '', ...pick(b, ['done']) })),
            })),
          },
        }
      : {}),
    sessions: state.sessions.map((session) => ({
      kind: 'session',
      path: session.path,
      sessionDate: session.sessionDate,
      ...pick(session, ['nextSession']),
      notes: session.notes,
      actions: session.actions.map(action),
      followUps: session.followUps.filter((a) => a.done).map(action),
    })),
    feedback: state.feedback.map((request) => ({
      kind: 'feedback',
      path: request.path,
      ...pick(request, ['status', 'asked']),
      answered: request.answered,
    })),
  };
}

function pick<T extends object, K extends keyof T>(from: T, keys: K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (from[key] !== undefined) picked[key] = from[key];
  return picked;
}

function emptyMemory(): Memory {
  return { fileIds: [], lastFacts: [], liveTransitions: [], once: [] };
}

function validMemory(memory: unknown): boolean {
  const m = memory as Partial<Memory> | undefined;
  return [m?.fileIds, m?.lastFacts, m?.liveTransitions, m?.once].every(Array.isArray);
}

function validDigest(digest: unknown): boolean {
  const d = digest as Partial<DigestData> | undefined;
  return [d?.preparedOn, d?.doneOn, d?.drives].every(Array.isArray);
}
