// Edits of a pair's plan.yaml: goals, benchmarks and evidence. Each returns the file's new text.
import { GOAL_STATUSES } from '../../shared/vocabulary';
import type { GoalStatus } from '../folder/model';
import { EditError } from './errors';
import { checkDate, isRecord, requireText } from './fields';
import { isHandle, slugify } from '../folder/names';
import { appendItem, readForEdit, setValue } from './yamlEdit';

const GOAL_FIELDS = ['title', 'why', 'mentor_help', 'status', 'due'] as const;

export interface NewGoal {
  id?: string;
  title: string;
  why?: string;
  mentor_help?: string;
  due?: string;
  status?: GoalStatus;
}

/** Fields of a goal that can be changed; `undefined` (or '') removes an optional one. */
export type GoalChanges = Partial<Record<(typeof GOAL_FIELDS)[number], string | undefined>>;

/** Adds a goal at the end of `goals`. Without an id, one is made from the title, unique within the plan. */
export function addGoal(text: string, goal: NewGoal): string {
  const goals = goalsOf(readForEdit(text));
  const title = requireText(goal.title, 'a goal needs a title');
  const ids = new Set(goals.map((g) => (isRecord(g) ? String(g.id) : '')));
  let id = goal.id;
  if (id !== undefined) {
    if (!isHandle(id)) throw new EditError(`goal id "${id}" must be lower-case letters, digits and single hyphens`);
    if (ids.has(id)) throw new EditError(`this plan already has a goal "${id}"`);
  } else {
    const base = slugify(title, 40, 'goal');
    id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  }
  const status = goal.status ?? 'planned';
  checkStatus(status);
  if (goal.due !== undefined) checkDate(goal.due, 'due');
  const entry: Record<string, unknown> = { id, title };
  if (nonEmpty(goal.why)) entry.why = goal.why;
  if (nonEmpty(goal.mentor_help)) entry.mentor_help = goal.mentor_help;
  entry.status = status;
  if (goal.due !== undefined) entry.due = goal.due;
  return appendItem(text, ['goals'], entry);
}

/** Changes the given fields of a goal, leaving the rest of it (and of the file) as it was. */
export function updateGoal(text: string, goalId: string, changes: GoalChanges): string {
  const index = goalIndex(readForEdit(text), goalId);
  for (const field of Object.keys(changes)) {
    if (!(GOAL_FIELDS as readonly string[]).includes(field))
      throw new EditError(`a goal has no field "${field}" that can be changed here`);
  }
  let result = text;
  for (const field of GOAL_FIELDS) {
    if (!(field in changes)) continue;
    const value = changes[field];
    if (field === 'title' || field === 'status') {
      const required = requireText(value, `a goal's ${field} cannot be empty`);
      if (field === 'status') checkStatus(required);
      result = setValue(result, ['goals', index, field], required);
      continue;
    }
    if (!nonEmpty(value)) {
      result = setValue(result, ['goals', index, field], undefined);
      continue;
    }
    if (field === 'due') checkDate(value, 'due');
    result = setValue(result, ['goals', index, field], value);
  }
  return result;
}

/** Marks a goal done. (When it was done is in the file's git history.) */
export function completeGoal(text: string, goalId: string, _date?: string): string {
  return updateGoal(text, goalId, { status: 'done' });
}

/** Marks a goal dropped; the goal stays in the plan, because its history matters. */
export function dropGoal(text: string, goalId: string): string {
  return updateGoal(text, goalId, { status: 'dropped' });
}

/**
 * Takes a done or dropped goal back up: in progress when a benchmark was reached, else planned.
 * A goal that is not closed is left as it is.
 */
export function reopenGoal(text: string, goalId: string): string {
  const data = readForEdit(text);
  const goal = goalsOf(data)[goalIndex(data, goalId)] as Record<string, unknown>;
  if (goal.status !== 'done' && goal.status !== 'dropped') return text;
  const benchmarks = Array.isArray(goal.benchmarks) ? goal.benchmarks : [];
  const started = benchmarks.some((b) => isRecord(b) && b.done !== undefined && b.done !== null);
  return updateGoal(text, goalId, { status: started ? 'in-progress' : 'planned' });
}

export function addBenchmark(text: string, goalId: string, benchmarkText: string): string {
  const index = goalIndex(readForEdit(text), goalId);
  const benchmark = requireText(benchmarkText, 'a benchmark needs a text');
  return appendItem(text, ['goals', index, 'benchmarks'], { text: benchmark });
}

/** Ticks benchmark `index` of a goal with the date it was reached, or unticks it (`null`). */
export function setBenchmarkDone(text: string, goalId: string, index: number, date: string | null): string {
  const data = readForEdit(text);
  const goal = goalIndex(data, goalId);
  const benchmarks = (goalsOf(data)[goal] as Record<string, unknown>).benchmarks;
  const count = Array.isArray(benchmarks) ? benchmarks.length : 0;
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new EditError(`goal "${goalId}" has no benchmark ${index + 1} (it has ${count})`);
  }
  const benchmark = (benchmarks as unknown[])[index];
  if (date === null) {
    // Unticking keeps an explicit `done:` key (as null) but does not add one.
    const current = isRecord(benchmark) ? benchmark.done : undefined;
    if (current === undefined || current === null) return text;
    return setValue(text, ['goals', goal, 'benchmarks', index, 'done'], null);
  }
  checkDate(date, 'done');
  return setValue(text, ['goals', goal, 'benchmarks', index, 'done'], date);
}

/** Adds a link (a pull request, a design doc) that shows progress on a goal. */
export function addEvidence(text: string, goalId: string, url: string): string {
  const index = goalIndex(readForEdit(text), goalId);
  return appendItem(text, ['goals', index, 'evidence'], requireText(url, 'evidence needs a link or a text'));
}

function goalsOf(data: Record<string, unknown>): unknown[] {
  const goals = data.goals;
  if (goals === undefined || goals === null) return [];
  if (!Array.isArray(goals)) throw new EditError('"goals" in this plan is not a list');
  return goals;
}

function goalIndex(data: Record<string, unknown>, goalId: string): number {
  const index = goalsOf(data).findIndex((goal) => isRecord(goal) && goal.id === goalId);
  if (index < 0) throw new EditError(`this plan has no goal "${goalId}"`);
  return index;
}

function checkStatus(status: string): void {
  if (!(GOAL_STATUSES as readonly string[]).includes(status)) {
    throw new EditError(`goal status "${status}" is not one of ${GOAL_STATUSES.join(', ')}`);
  }
}

function nonEmpty(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
