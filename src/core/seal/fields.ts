// Which fields of a pair's files are sealed, and to whom. program.yaml `sealed_fields` is the
// program's default, a pair's plan.yaml `sealed_fields` replaces it for that pair; without either,
// agenda notes and feedback answers. Sealing happens only once both people have a recipient in
// their people file (`age_recipients`); until then the pair writes clear text.
import { createHash } from 'node:crypto';
import type { FileKind, Handle, MentoringModel, PairModel } from '../folder/model';
import { knownPeople } from '../folder/people';
/** Map keys and list indexes, as core/edit takes them. */
export type ValuePath = readonly (string | number)[];
import { isRecipient } from './age';

export { SEALED_TO_KEY } from '../../shared/sealed';

/** The fields a pair may seal: the pair's own words. Dates, statuses, ids, owners and flags never are. */
export const SEALABLE_FIELDS = [
  'agenda.notes',
  'agenda.topics.question',
  'agenda.ideas',
  'agenda.actions.text',
  'feedback.question',
  'feedback.answer',
  'goal.why',
  'goal.mentor_help',
] as const;

export type SealableField = (typeof SEALABLE_FIELDS)[number];

/** Sealed when neither program.yaml nor the plan says otherwise. */
export const DEFAULT_SEALED_FIELDS: readonly SealableField[] = ['agenda.notes', 'feedback.answer'];

/** The key in program.yaml and plan.yaml naming the sealed fields. */
export const SEALED_FIELDS_KEY = 'sealed_fields';

/** The key in a people file listing the person's age recipients (one per device or key). */
export const RECIPIENTS_KEY = 'age_recipients';

export function isSealableField(value: unknown): value is SealableField {
  return typeof value === 'string' && (SEALABLE_FIELDS as readonly string[]).includes(value);
}

function fieldList(value: unknown): SealableField[] | undefined {
  return Array.isArray(value) ? value.filter(isSealableField) : undefined;
}

/** The fields sealed in a pair: its plan's `sealed_fields`, else the program's, else the default. */
export function sealedFieldsFor(model: MentoringModel, pairId: string): SealableField[] {
  const pair = model.pairs.find((p) => p.id === pairId);
  return (
    fieldList(pair?.plan?.data?.[SEALED_FIELDS_KEY]) ??
    fieldList(model.program?.data?.[SEALED_FIELDS_KEY]) ?? [...DEFAULT_SEALED_FIELDS]
  );
}

/** A person's recipients, as their people file lists them (well-formed ones only). */
export function recipientsOf(model: MentoringModel, handle: Handle): string[] {
  const person = knownPeople(model).find((p) => p.handle === handle);
  const listed = person?.[RECIPIENTS_KEY];
  return Array.isArray(listed) ? listed.filter(isRecipient) : [];
}

/** Everyone a pair's sealed values are sealed to (the mentee's and the mentor's recipients), and who has no key yet. */
export function pairRecipients(model: MentoringModel, pairId: string): { recipients: string[]; withoutKey: Handle[] } {
  const pair = model.pairs.find((p) => p.id === pairId);
  if (!pair) return { recipients: [], withoutKey: [] };
  const recipients: string[] = [];
  const withoutKey: Handle[] = [];
  for (const handle of [pair.mentee, pair.mentor]) {
    const own = recipientsOf(model, handle);
    if (own.length === 0) withoutKey.push(handle);
    for (const r of own) if (!recipients.includes(r)) recipients.push(r);
  }
  return { recipients, withoutKey };
}

/** A short fingerprint of a set of recipients (order and repeats do not matter). */
export function recipientsFingerprint(recipients: readonly string[]): string {
  const sorted = [...new Set(recipients)].sort();
  return createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 16);
}

/** Where a pair's sealable values sit in one file's data: the paths of its string values for `fields`. */
export function sealablePaths(kind: FileKind, data: unknown, fields: readonly SealableField[]): ValuePath[] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  const paths: ValuePath[] = [];
  const one = (path: ValuePath, value: unknown) => {
    if (typeof value === 'string' && value.trim() !== '') paths.push(path);
  };
  const each = (key: string, sub: string | undefined) => {
    const list = record[key];
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (sub === undefined) one([key, i], item);
      else if (typeof item === 'object' && item !== null) one([key, i, sub], (item as Record<string, unknown>)[sub]);
    });
  };
  const has = (field: SealableField) => fields.includes(field);
  if (kind === 'session') {
    if (has('agenda.notes')) one(['notes'], record.notes);
    if (has('agenda.topics.question')) each('topics', 'question');
    if (has('agenda.ideas')) each('ideas', undefined);
    if (has('agenda.actions.text')) {
      each('actions', 'text');
      each('follow_ups', 'text');
    }
  } else if (kind === 'feedback') {
    if (has('feedback.question')) one(['question'], record.question);
    if (has('feedback.answer')) one(['answer'], record.answer);
  } else if (kind === 'plan') {
    const goals = record.goals;
    if (Array.isArray(goals))
      goals.forEach((goal, i) => {
        if (typeof goal !== 'object' || goal === null) return;
        const g = goal as Record<string, unknown>;
        if (has('goal.why')) one(['goals', i, 'why'], g.why);
        if (has('goal.mentor_help')) one(['goals', i, 'mentor_help'], g.mentor_help);
      });
  }
  return paths;
}

/** The member files of a pair that may hold sealed values. */
export function pairFiles(pair: PairModel) {
  return [...(pair.plan ? [pair.plan] : []), ...pair.sessions, ...pair.feedback];
}
