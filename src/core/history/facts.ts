// What the history needs to know about one version of a file, extracted once per blob: the
// semantic facts events are derived from and health figures are computed on. Comparing facts
// (never text) is what makes reformatting, comments and key order invisible to the log.
import { ISO_DATE } from '../../shared/dates';
import { tryParsePairId } from '../folder/names';
import { parseYamlBlob, parseYamlData } from '../folder/yamlText';

export type PairFileKind = 'plan' | 'session' | 'feedback';

export interface ActionFacts {
  /** Owner and normalised text: how one action is recognised across sessions (carried-over follow-ups). */
  key: string;
  text: string;
  owner?: string;
  due?: string;
  done: boolean;
}

export interface SessionFacts {
  kind: 'session';
  date?: string;
  preparedBy?: string;
  /** Whether notes have been written. */
  notes: boolean;
  actions: ActionFacts[];
  followUps: ActionFacts[];
  nextSession?: string;
}

export interface BenchmarkFacts {
  text: string;
  done?: string;
}

export interface GoalFacts {
  id: string;
  title?: string;
  status?: string;
  due?: string;
  /** Every other field as canonical JSON, to tell which ones changed. */
  fields: Record<string, string>;
  benchmarks: BenchmarkFacts[];
}

export interface PlanFacts {
  kind: 'plan';
  mentee?: string;
  mentor?: string;
  status?: string;
  initiatedBy?: string;
  started?: string;
  ends?: string;
  cadenceDays?: number;
  goals: GoalFacts[];
}

export interface FeedbackFacts {
  kind: 'feedback';
  askedBy?: string;
  askedOf?: string;
  asked?: string;
  feedbackKind?: string;
  goal?: string;
  status?: string;
  answered: boolean;
  answeredOn?: string;
}

/** A version that could not be read or parsed: it produces no events. */
export interface InvalidFacts {
  kind: 'invalid';
}

export type FileFacts = PlanFacts | SessionFacts | FeedbackFacts | InvalidFacts;

export interface PairFilePath {
  pair: string;
  kind: PairFileKind;
  /** File name without folders: `2026-11-21.yaml`. */
  name: string;
}

/**
 * Classifies a repository-relative path under `<folder>/pairs/<id>/`. `folderPrefix` is the
 * mentoring folder relative to the root, with a trailing '/'.
 */
export function classifyPairPath(folderPrefix: string, path: string): PairFilePath | undefined {
  if (!path.startsWith(folderPrefix)) return undefined;
  // The same paths come back in commit after commit; checking names is not free. One map per
  // folder, so a lookup needs no key built from both.
  let known = classified.get(folderPrefix);
  if (!known) classified.set(folderPrefix, (known = new Map()));
  const result = known.get(path);
  if (result !== undefined) return result ?? undefined;
  if (known.size > 500_000) known.clear();
  const computed = classifyUncached(folderPrefix, path);
  known.set(path, computed ?? null);
  return computed;
}

const classified = new Map<string, Map<string, PairFilePath | null>>();

function classifyUncached(folderPrefix: string, path: string): PairFilePath | undefined {
  const parts = path.slice(folderPrefix.length).split('/');
  if (parts[0] !== 'pairs' || !tryParsePairId(parts[1])) return undefined;
  if (parts.length === 3 && parts[2] === 'plan.yaml') return { pair: parts[1], kind: 'plan', name: parts[2] };
  if (parts.length === 4 && parts[3].endsWith('.yaml')) {
    if (parts[2] === 'sessions') return { pair: parts[1], kind: 'session', name: parts[3] };
    if (parts[2] === 'feedback') return { pair: parts[1], kind: 'feedback', name: parts[3] };
  }
  return undefined;
}

/** Reads one blob's facts; any failure (size, encoding, YAML) gives InvalidFacts. */
export function factsOfBlob(kind: PairFileKind, content: Buffer | undefined): FileFacts {
  const parsed = parseYamlBlob(content);
  return parsed.problem === undefined ? factsOfData(kind, parsed.data) : { kind: 'invalid' };
}

/** Parsed data of one version, or undefined when it has problems. */
export function parseVersion(text: string): unknown {
  return parseYamlData(text).data;
}

/** Facts of parsed data: shared by history (old versions) and the loaded model (the working tree). */
export function factsOfData(kind: PairFileKind, data: unknown): FileFacts {
  if (!isRecord(data)) return { kind: 'invalid' };
  switch (kind) {
    case 'plan':
      return planFacts(data);
    case 'session':
      return sessionFacts(data);
    case 'feedback':
      return feedbackFacts(data);
  }
}

function planFacts(data: Record<string, unknown>): PlanFacts {
  const agreement = isRecord(data.agreement) ? data.agreement : {};
  const cadence = agreement.cadence_days;
  const goals: GoalFacts[] = [];
  const seen = new Set<string>();
  for (const goal of Array.isArray(data.goals) ? data.goals : []) {
    if (!isRecord(goal)) continue;
    const id = text(goal.id) ?? text(goal.title);
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    const benchmarks: BenchmarkFacts[] = [];
    for (const benchmark of Array.isArray(goal.benchmarks) ? goal.benchmarks : []) {
      if (isRecord(benchmark) && text(benchmark.text) !== undefined) {
        benchmarks.push({ text: text(benchmark.text) as string, done: dateText(benchmark.done) });
      } else if (typeof benchmark === 'string') {
        benchmarks.push({ text: benchmark });
      }
    }
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(goal)) {
      if (key !== 'benchmarks') fields[key] = canonicalJson(value);
    }
    fields.benchmarks = canonicalJson(benchmarks.map((b) => b.text));
    goals.push({ id, title: text(goal.title), status: text(goal.status), due: dateText(goal.due), fields, benchmarks });
  }
  return {
    kind: 'plan',
    mentee: text(data.mentee),
    mentor: text(data.mentor),
    status: text(data.status),
    initiatedBy: text(data.initiated_by),
    started: dateText(data.started),
    ends: dateText(data.ends),
    cadenceDays: typeof cadence === 'number' && cadence > 0 ? cadence : undefined,
    goals,
  };
}

function sessionFacts(data: Record<string, unknown>): SessionFacts {
  return {
    kind: 'session',
    date: dateText(data.date),
    preparedBy: text(data.prepared_by),
    notes: typeof data.notes === 'string' ? data.notes.trim() !== '' : data.notes !== undefined && data.notes !== null,
    actions: actionList(data.actions),
    followUps: actionList(data.follow_ups),
    nextSession: dateText(data.next_session),
  };
}

function feedbackFacts(data: Record<string, unknown>): FeedbackFacts {
  const answer = data.answer;
  const status = text(data.status);
  return {
    kind: 'feedback',
    askedBy: text(data.asked_by),
    askedOf: text(data.asked_of),
    asked: dateText(data.asked),
    feedbackKind: text(data.kind),
    goal: text(data.goal),
    status,
    answered: (typeof answer === 'string' && answer.trim() !== '') || status === 'answered',
    answeredOn: dateText(data.answered),
  };
}

function actionList(value: unknown): ActionFacts[] {
  const actions: ActionFacts[] = [];
  for (const item of Array.isArray(value) ? value : []) {
    if (!isRecord(item)) continue;
    const itemText = text(item.text);
    if (itemText === undefined) continue;
    const owner = text(item.owner);
    actions.push({
      key: actionKey(owner, itemText),
      text: itemText,
      owner,
      due: dateText(item.due),
      done: item.done === true,
    });
  }
  return actions;
}

export function actionKey(owner: string | undefined, actionText: string): string {
  return `${owner ?? ''}|${actionText.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function dateText(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const result = text(value);
  return result !== undefined && ISO_DATE.test(result) ? result : undefined;
}

/** JSON with sorted keys, so key order never reads as a change. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (!isRecord(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = inner[key];
    return sorted;
  });
}
