// A plan change as a reviewer reads it: goals added, changed field by field, done, dropped;
// benchmarks added and reached; agreement and relationship changes. Compared on the parsed
// data, never the text, so comments, quoting and key order never show up as changes.
import { canonicalJson } from '../history/facts';
import { parseYaml } from '../folder/yamlText';
import { SEALED_TO_KEY, isSealed } from '../../shared/sealed';

/** One field's change; list fields (expectations, evidence) say which items came and went. */
export interface ValueChange {
  field: string;
  from?: string;
  to?: string;
  /** The value is sealed (before or after): what it says is not given, only that it changed. */
  sealed?: true;
  added?: string[];
  removed?: string[];
}

export interface GoalRef {
  id: string;
  title?: string;
}

export interface AddedGoal extends GoalRef {
  status?: string;
  due?: string;
  benchmarks: string[];
}

export interface GoalChange extends GoalRef {
  changes: ValueChange[];
}

export interface BenchmarkRef {
  goal: string;
  text: string;
  /** When it was reached (benchmarks reached). */
  done?: string;
}

export interface PlanDiff {
  /** The plan did not exist before / does not exist after. */
  created: boolean;
  deleted: boolean;
  status?: ValueChange;
  /** Top-level fields other than status, agreement and goals: initiated_by, started, ends, driver, ... */
  relationship: ValueChange[];
  agreement: ValueChange[];
  goals: {
    added: AddedGoal[];
    changed: GoalChange[];
    done: GoalRef[];
    dropped: GoalRef[];
    /** Deleted from the plan altogether (rather than marked dropped). */
    removed: GoalRef[];
  };
  benchmarks: { added: BenchmarkRef[]; reached: BenchmarkRef[]; removed: BenchmarkRef[] };
}

type Data = Record<string, unknown>;

/** The semantic difference between two versions of a plan: text (YAML) or parsed data; undefined for no plan. */
export function planDiff(before: string | unknown, after: string | unknown): PlanDiff {
  const old = toData(before);
  const now = toData(after);
  const diff: PlanDiff = {
    created: old === undefined && now !== undefined,
    deleted: old !== undefined && now === undefined,
    relationship: [],
    agreement: [],
    goals: { added: [], changed: [], done: [], dropped: [], removed: [] },
    benchmarks: { added: [], reached: [], removed: [] },
  };
  const a = old ?? {};
  const b = now ?? {};
  if (show(a.status) !== show(b.status)) diff.status = change('status', a.status, b.status);
  for (const key of unionKeys(a, b)) {
    if (key === 'status' || key === 'agreement' || key === 'goals' || key === SEALED_TO_KEY) continue;
    const fieldChange = compareField(key, a[key], b[key]);
    if (fieldChange) diff.relationship.push(fieldChange);
  }
  const agreementBefore = record(a.agreement);
  const agreementAfter = record(b.agreement);
  for (const key of unionKeys(agreementBefore, agreementAfter)) {
    const fieldChange = compareField(key, agreementBefore[key], agreementAfter[key]);
    if (fieldChange) diff.agreement.push(fieldChange);
  }
  compareGoals(goalsOf(a.goals), goalsOf(b.goals), diff);
  return diff;
}

/** True when the diff says nothing changed. */
export function isEmptyPlanDiff(diff: PlanDiff): boolean {
  const { goals, benchmarks } = diff;
  return (
    !diff.created &&
    !diff.deleted &&
    !diff.status &&
    diff.relationship.length + diff.agreement.length === 0 &&
    goals.added.length + goals.changed.length + goals.done.length + goals.dropped.length + goals.removed.length === 0 &&
    benchmarks.added.length + benchmarks.reached.length + benchmarks.removed.length === 0
  );
}

function compareGoals(before: Map<string, Data>, after: Map<string, Data>, diff: PlanDiff): void {
  for (const [id, goal] of after) {
    const ref: GoalRef = { id, title: text(goal.title) };
    const previous = before.get(id);
    if (!previous) {
      diff.goals.added.push({
        ...ref,
        status: text(goal.status),
        due: text(goal.due),
        benchmarks: benchmarksOf(goal).map((bm) => bm.text),
      });
      continue;
    }
    const status = text(goal.status);
    const statusBefore = text(previous.status);
    let statusReported = false;
    if (status !== statusBefore && status === 'done') {
      diff.goals.done.push(ref);
      statusReported = true;
    } else if (status !== statusBefore && status === 'dropped') {
      diff.goals.dropped.push(ref);
      statusReported = true;
    }
    const changes: ValueChange[] = [];
    for (const key of unionKeys(previous, goal)) {
      if (key === 'id' || key === 'benchmarks' || (key === 'status' && statusReported)) continue;
      const fieldChange = compareField(key, previous[key], goal[key]);
      if (fieldChange) changes.push(fieldChange);
    }
    if (changes.length > 0) diff.goals.changed.push({ ...ref, changes });
    compareBenchmarks(id, benchmarksOf(previous), benchmarksOf(goal), diff);
  }
  for (const [id, goal] of before) {
    if (!after.has(id)) diff.goals.removed.push({ id, title: text(goal.title) });
  }
}

function compareBenchmarks(goal: string, before: BenchmarkRef[], after: BenchmarkRef[], diff: PlanDiff): void {
  const old = new Map(before.map((bm) => [bm.text, bm]));
  const now = new Set(after.map((bm) => bm.text));
  for (const bm of after) {
    const previous = old.get(bm.text);
    if (!previous) diff.benchmarks.added.push({ goal, text: bm.text });
    if (bm.done && !previous?.done) diff.benchmarks.reached.push({ goal, text: bm.text, done: bm.done });
  }
  for (const bm of before) if (!now.has(bm.text)) diff.benchmarks.removed.push({ goal, text: bm.text });
}

function compareField(field: string, before: unknown, after: unknown): ValueChange | undefined {
  if (Array.isArray(before) || Array.isArray(after)) {
    const old = listOf(before);
    const now = listOf(after);
    const added = now.filter((item) => !old.includes(item));
    const removed = old.filter((item) => !now.includes(item));
    if (added.length + removed.length === 0) return undefined;
    return { field, ...(added.length > 0 ? { added } : {}), ...(removed.length > 0 ? { removed } : {}) };
  }
  return show(before) === show(after) ? undefined : change(field, before, after);
}

function change(field: string, before: unknown, after: unknown): ValueChange {
  if (isSealed(before) || isSealed(after)) return { field, sealed: true };
  const result: ValueChange = { field };
  const from = show(before);
  const to = show(after);
  if (from !== undefined) result.from = from;
  if (to !== undefined) result.to = to;
  return result;
}

function toData(value: unknown): Data | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const parsed = parseYaml(value);
    return parsed.problems.length === 0 ? record(parsed.data) : {};
  }
  return record(value);
}

function goalsOf(value: unknown): Map<string, Data> {
  const goals = new Map<string, Data>();
  for (const goal of Array.isArray(value) ? value : []) {
    const data = record(goal);
    const id = text(data.id) ?? text(data.title);
    if (id !== undefined && !goals.has(id)) goals.set(id, data);
  }
  return goals;
}

function benchmarksOf(goal: Data): BenchmarkRef[] {
  const list: BenchmarkRef[] = [];
  for (const item of Array.isArray(goal.benchmarks) ? goal.benchmarks : []) {
    if (typeof item === 'string') list.push({ goal: '', text: item });
    else if (text(record(item).text) !== undefined) {
      const data = record(item);
      list.push({ goal: '', text: text(data.text) as string, done: text(data.done) });
    }
  }
  return list;
}

function listOf(value: unknown): string[] {
  if (!Array.isArray(value)) return value === undefined || value === null ? [] : [show(value) ?? ''];
  return value.map((item) => show(item) ?? '');
}

function unionKeys(a: Data, b: Data): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

function record(value: unknown): Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : {};
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

/** A value as a reviewer reads it; undefined for absent, null and empty text (all mean "not set"). */
function show(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && !(value instanceof Date)) return canonicalJson(value);
  return text(value);
}
