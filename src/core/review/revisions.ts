// The mentoring changes between two revisions of the repository: each pair's plan diff, new
// sessions (and notes written), feedback asked and answered. The two trees are read straight
// from git (`ls-tree` and one `cat-file --batch`), so nothing is checked out. A sealed value is
// never given: a sealed question is left out, and a changed sealed value is said by its field
// name alone ("sealed notes changed").
import { canonicalJson } from '../history/facts';
import { isSealed } from '../../shared/sealed';
import { listTree } from '../git/commits';
import { readObjects } from '../git/objects';
import { resolveCommit } from '../git/refs';
import { classifyPairPath } from '../history/facts';
import { parsePairId } from '../folder/names';
import { DEFAULT_FOLDER } from '../folder/paths';
import { parseYamlBlob } from '../folder/yamlText';
import { isEmptyPlanDiff, planDiff, type PlanDiff } from './planDiff';

export interface SessionChange {
  date: string;
  preparedBy?: string;
  /** How many objectives and questions the agenda has. */
  objectives: number;
  questions: number;
}

export interface FeedbackChange {
  file: string;
  askedBy?: string;
  askedOf?: string;
  kind?: string;
  question?: string;
}

/** Sealed fields of an agenda or a feedback request whose (sealed) value changed. */
export interface SealedChange {
  kind: 'session' | 'feedback';
  /** The file name. */
  file: string;
  /** The session's date (agendas). */
  date?: string;
  fields: string[];
}

export interface PairChanges {
  pair: string;
  plan?: PlanDiff;
  sessions: { added: SessionChange[]; notesWritten: string[] };
  feedback: { asked: FeedbackChange[]; answered: FeedbackChange[] };
  sealed: SealedChange[];
}

/** The keys of agendas and feedback requests that may hold sealed values. */
const SEALABLE_KEYS = {
  session: ['notes', 'topics', 'ideas', 'actions', 'follow_ups'],
  feedback: ['question', 'answer'],
} as const;

export interface RevisionDiff {
  from: { rev: string; commit: string };
  to: { rev: string; commit: string };
  /** Pairs with at least one change, by id. */
  pairs: PairChanges[];
}

export interface DiffOptions {
  /** The mentoring folder relative to the root (default `.mentoring`). */
  folder?: string;
  /** Only this pair (`<mentee>--<mentor>`). */
  pair?: string;
}

/** What changed in the mentoring folder from `rev1` to `rev2` (any two revisions, either order). */
export async function diffRevisions(
  root: string,
  rev1: string,
  rev2: string,
  options: DiffOptions = {},
): Promise<RevisionDiff> {
  const folder = (options.folder ?? DEFAULT_FOLDER).replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
  if (options.pair !== undefined) parsePairId(options.pair);
  const [from, to] = await Promise.all([resolveCommit(root, rev1), resolveCommit(root, rev2)]);
  const scope = options.pair ? `${folder}/pairs/${options.pair}` : `${folder}/pairs`;
  const [before, after] = await Promise.all([pairFiles(root, from, folder, scope), pairFiles(root, to, folder, scope)]);

  const changed = [...new Set([...before.keys(), ...after.keys()])]
    .filter((path) => before.get(path) !== after.get(path))
    .sort();
  const ids = [...new Set(changed.flatMap((path) => [before.get(path), after.get(path)]))].filter(
    (id): id is string => id !== undefined,
  );
  const contents = await readObjects(root, ids);
  const dataOf = new Map<string, unknown>();
  ids.forEach((id, i) => dataOf.set(id, parseYamlBlob(contents[i]).data));
  const read = (id: string | undefined) => (id === undefined ? undefined : dataOf.get(id));

  const pairs = new Map<string, PairChanges>();
  const pairOf = (pair: string): PairChanges => {
    let entry = pairs.get(pair);
    if (!entry) {
      entry = { pair, sessions: { added: [], notesWritten: [] }, feedback: { asked: [], answered: [] }, sealed: [] };
      pairs.set(pair, entry);
    }
    return entry;
  };
  for (const path of changed) {
    const where = classifyPairPath(`${folder}/`, path);
    if (!where) continue;
    const old = read(before.get(path));
    const now = read(after.get(path));
    if (where.kind === 'plan') {
      const diff = planDiff(old, now);
      if (!isEmptyPlanDiff(diff)) pairOf(where.pair).plan = diff;
    } else if (where.kind === 'session' && now !== undefined) {
      const data = record(now);
      const date = str(data.date) ?? where.name.replace(/\.yaml$/, '');
      if (before.get(path) === undefined) {
        pairOf(where.pair).sessions.added.push({
          date,
          preparedBy: str(data.prepared_by),
          objectives: Array.isArray(data.objectives) ? data.objectives.length : 0,
          questions: Array.isArray(data.topics) ? data.topics.length : 0,
        });
      }
      if (hasNotes(data) && !hasNotes(record(old))) pairOf(where.pair).sessions.notesWritten.push(date);
      else if (old !== undefined) noteSealed(pairOf, where.pair, { kind: 'session', file: where.name, date }, old, now);
    } else if (where.kind === 'feedback' && now !== undefined) {
      const data = record(now);
      const item: FeedbackChange = {
        file: where.name,
        askedBy: str(data.asked_by),
        askedOf: str(data.asked_of),
        kind: str(data.kind),
        question: isSealed(data.question) ? undefined : str(data.question),
      };
      if (before.get(path) === undefined) pairOf(where.pair).feedback.asked.push(item);
      if (isAnswered(data) && !isAnswered(record(old))) pairOf(where.pair).feedback.answered.push(item);
      else if (old !== undefined) noteSealed(pairOf, where.pair, { kind: 'feedback', file: where.name }, old, now);
    }
  }
  return {
    from: { rev: rev1, commit: from },
    to: { rev: rev2, commit: to },
    pairs: [...pairs.values()].sort((a, b) => (a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : 0)),
  };
}

/** Records the sealable keys of a file whose value changed while sealed (before or after). */
function noteSealed(
  pairOf: (pair: string) => PairChanges,
  pair: string,
  file: Omit<SealedChange, 'fields'>,
  old: unknown,
  now: unknown,
): void {
  const a = record(old);
  const b = record(now);
  // Only the sealed values count: an action marked done is not a sealed change.
  const fields = SEALABLE_KEYS[file.kind].filter(
    (key) => canonicalJson(sealedIn(a[key])) !== canonicalJson(sealedIn(b[key])),
  );
  if (fields.length > 0) pairOf(pair).sealed.push({ ...file, fields: [...fields] });
}

/** The sealed values inside `value`, in order. */
function sealedIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(sealedIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(sealedIn);
  return isSealed(value) ? [value] : [];
}

/** Path → blob id of every pair file under `scope` at a commit. */
async function pairFiles(root: string, commit: string, folder: string, scope: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await listTree(root, commit, [scope])) {
    if (entry.type === 'blob' && classifyPairPath(`${folder}/`, entry.path)) files.set(entry.path, entry.id);
  }
  return files;
}

function hasNotes(data: Record<string, unknown>): boolean {
  return typeof data.notes === 'string' ? data.notes.trim() !== '' : false;
}

function isAnswered(data: Record<string, unknown>): boolean {
  return (typeof data.answer === 'string' && data.answer.trim() !== '') || data.status === 'answered';
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
