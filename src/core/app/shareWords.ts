// What a change to one of a pair's files means, in words: "asked ben for feedback on retry
// policy", "completed goal system-design", "prepared the agenda for 2026-12-05". Compared on the
// parsed data (the plan through the reviewers' semantic diff, agendas and requests through the
// history's facts), so reformatting never reads as a change. The words go into commit messages,
// which everyone with the repository reads, so they name goals, dates and file slugs only, never
// what stays between the pair (questions, answers, action texts).
import { tryParsePairId } from '../folder/names';
import { parseYamlBlob } from '../folder/yamlText';
import { canonicalJson, classifyPairPath, factsOfData, type SessionFacts } from '../history/facts';
import { planDiff, type PlanDiff } from '../review/planDiff';

export type MentoringFileKind = 'plan' | 'session' | 'feedback' | 'retro';

export interface MentoringFile {
  pair: string;
  kind: MentoringFileKind;
  /** File name without folders: `2026-11-21.yaml`. */
  name: string;
}

/** One thing done, said twice: as the sidebar tells it and as a commit message says it. */
export interface Phrase {
  /** "asked ben for feedback on retry policy" */
  done: string;
  /** "ask ben for feedback on retry policy" */
  todo: string;
}

/** A pair's file under `<folder>/pairs/<pair>/` (`folderPrefix` ends with '/'), or undefined for anything else. */
export function mentoringFileAt(folderPrefix: string, path: string): MentoringFile | undefined {
  const where = classifyPairPath(folderPrefix, path);
  if (where) return where;
  const parts = path.startsWith(folderPrefix) ? path.slice(folderPrefix.length).split('/') : [];
  if (parts.length === 3 && parts[0] === 'pairs' && parts[2] === 'retro.yaml' && tryParsePairId(parts[1]))
    return { pair: parts[1], kind: 'retro', name: parts[2] };
  return undefined;
}

const PAST: Record<string, string> = {
  accept: 'accepted',
  add: 'added',
  agree: 'agreed',
  answer: 'answered',
  ask: 'asked',
  change: 'changed',
  clear: 'cleared',
  close: 'closed',
  complete: 'completed',
  create: 'created',
  delete: 'deleted',
  drop: 'dropped',
  edit: 'edited',
  end: 'ended',
  mark: 'marked',
  pause: 'paused',
  prepare: 'prepared',
  propose: 'proposed',
  reach: 'reached',
  remove: 'removed',
  resume: 'resumed',
  set: 'set',
  update: 'updated',
  write: 'wrote',
};

function phrase(verb: keyof typeof PAST, rest: string): Phrase {
  return { done: `${PAST[verb]} ${rest}`, todo: `${verb} ${rest}` };
}

export interface FileWords {
  phrases: Phrase[];
  /** Why the new version cannot be shared as it is: it does not parse. */
  problem?: string;
}

/** The change from `before` to `after` (each undefined where the file does not exist) in words. */
export function changeInWords(file: MentoringFile, before: Buffer | undefined, after: Buffer | undefined): FileWords {
  const old = before === undefined ? undefined : parseYamlBlob(before);
  const now = after === undefined ? undefined : parseYamlBlob(after);
  if (now?.problem !== undefined) {
    return { phrases: [phrase('edit', file.name)], problem: `${file.name} does not parse: ${now.problem}` };
  }
  const oldData = old?.problem === undefined ? old?.data : undefined;
  switch (file.kind) {
    case 'plan':
      return { phrases: planWords(planDiff(oldData, now?.data)) };
    case 'session':
      return { phrases: sessionWords(file, before !== undefined, oldData, now?.data) };
    case 'feedback':
      return { phrases: feedbackWords(file, before !== undefined, oldData, now?.data) };
    case 'retro':
      if (now === undefined) return { phrases: [phrase('delete', 'the retrospective')] };
      return { phrases: [phrase(before === undefined ? 'write' : 'update', 'the retrospective')] };
  }
}

function planWords(diff: PlanDiff): Phrase[] {
  if (diff.deleted) return [phrase('delete', 'the plan')];
  if (diff.created) {
    return [diff.status?.to === 'proposed' ? phrase('propose', 'the relationship') : phrase('create', 'the plan')];
  }
  const phrases: Phrase[] = [];
  if (diff.status) phrases.push(statusPhrase(diff.status.from, diff.status.to));
  if (diff.relationship.length > 0) phrases.push(phrase('change', `the plan (${fieldList(diff.relationship)})`));
  if (diff.agreement.length > 0) phrases.push(phrase('change', `the agreement (${fieldList(diff.agreement)})`));
  for (const goal of diff.goals.added) phrases.push(phrase('add', `goal ${goal.id}`));
  for (const goal of diff.goals.done) phrases.push(phrase('complete', `goal ${goal.id}`));
  for (const goal of diff.goals.dropped) phrases.push(phrase('drop', `goal ${goal.id}`));
  for (const goal of diff.goals.removed) phrases.push(phrase('remove', `goal ${goal.id}`));
  for (const goal of diff.goals.changed) phrases.push(phrase('change', `goal ${goal.id} (${fieldList(goal.changes)})`));
  for (const [goal, n] of countByGoal(diff.benchmarks.added))
    phrases.push(phrase('add', `${n === 1 ? 'a benchmark' : `${n} benchmarks`} to ${goal}`));
  for (const [goal, n] of countByGoal(diff.benchmarks.reached))
    phrases.push(phrase('reach', `${n === 1 ? 'a benchmark' : `${n} benchmarks`} of ${goal}`));
  for (const [goal, n] of countByGoal(diff.benchmarks.removed))
    phrases.push(phrase('remove', `${n === 1 ? 'a benchmark' : `${n} benchmarks`} from ${goal}`));
  return phrases.length > 0 ? phrases : [phrase('edit', 'the plan')];
}

function statusPhrase(from: string | undefined, to: string | undefined): Phrase {
  if (to === 'active' && from === 'proposed') return phrase('accept', 'the relationship');
  if (to === 'active' && from === 'paused') return phrase('resume', 'the relationship');
  if (to === 'paused') return phrase('pause', 'the relationship');
  if (to === 'completed' || to === 'ended') return phrase('end', 'the relationship');
  if (to === 'proposed') return phrase('propose', 'the relationship');
  return phrase('set', `the relationship's status to ${to ?? 'nothing'}`);
}

function fieldList(changes: { field: string }[]): string {
  return changes.map((change) => change.field.replace(/_/g, ' ')).join(', ');
}

function countByGoal(benchmarks: { goal: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { goal } of benchmarks) counts.set(goal, (counts.get(goal) ?? 0) + 1);
  return counts;
}

/** Keys whose change the specific phrases below already tell. */
const SESSION_TOLD = new Set(['notes', 'next_session', 'actions', 'follow_ups']);

function sessionWords(file: MentoringFile, existed: boolean, before: unknown, after: unknown): Phrase[] {
  const date = file.name.replace(/\.yaml$/, '');
  if (after === undefined) return [phrase('delete', `the agenda for ${date}`)];
  const now = factsOfData('session', after);
  const old = existed ? factsOfData('session', before) : undefined;
  const session = now.kind === 'session' ? now : undefined;
  const previous = old?.kind === 'session' ? old : undefined;
  const when = session?.date ?? date;
  const phrases: Phrase[] = [];
  // A new agenda's commit has always been "agenda for <date>": the words for it.
  if (!existed) phrases.push({ done: `prepared the agenda for ${when}`, todo: `agenda for ${when}` });
  if (session?.notes && !previous?.notes) phrases.push(phrase('write', `notes for ${when}`));
  if (existed && session) phrases.push(...actionPhrases(previous, session, when));
  if (existed && session?.nextSession !== previous?.nextSession) {
    phrases.push(
      session?.nextSession
        ? phrase('agree', `the next session for ${session.nextSession}`)
        : phrase('clear', `the next session of ${when}`),
    );
  }
  if (existed && (phrases.length === 0 || otherKeysChanged(before, after, SESSION_TOLD)))
    phrases.push(phrase('update', `the agenda for ${when}`));
  return phrases;
}

function actionPhrases(previous: SessionFacts | undefined, session: SessionFacts, when: string): Phrase[] {
  const before = [...(previous?.actions ?? []), ...(previous?.followUps ?? [])];
  const doneBefore = new Set(before.filter((a) => a.done).map((a) => a.key));
  const known = new Set(before.map((a) => a.key));
  const all = [...session.actions, ...session.followUps];
  const done = all.filter((a) => a.done && !doneBefore.has(a.key)).length;
  const added = session.actions.filter((a) => !known.has(a.key)).length;
  const phrases: Phrase[] = [];
  if (added > 0) phrases.push(phrase('add', `${added === 1 ? 'an action' : `${added} actions`} to ${when}`));
  if (done > 0) phrases.push(phrase('mark', `${done === 1 ? 'an action' : `${done} actions`} of ${when} done`));
  return phrases;
}

function feedbackWords(file: MentoringFile, existed: boolean, before: unknown, after: unknown): Phrase[] {
  const topic = file.name
    .replace(/\.yaml$/, '')
    .replace(/^\d{4}-\d{2}-\d{2}-?/, '')
    .replace(/-/g, ' ');
  const on = topic === '' ? '' : ` on ${topic}`;
  if (after === undefined) return [phrase('delete', `the feedback request${on}`)];
  const now = factsOfData('feedback', after);
  const old = existed ? factsOfData('feedback', before) : undefined;
  const request = now.kind === 'feedback' ? now : undefined;
  const previous = old?.kind === 'feedback' ? old : undefined;
  const phrases: Phrase[] = [];
  if (!existed) {
    phrases.push(phrase('ask', `${request?.askedOf ? `${request.askedOf} ` : ''}for feedback${on}`));
  }
  if (request?.answered && !previous?.answered) {
    const whose = request.askedBy ? `${request.askedBy}'s` : 'the';
    phrases.push(phrase('answer', `${whose} feedback request${on}`));
  } else if (existed && request?.status === 'closed' && previous?.status !== 'closed') {
    phrases.push(phrase('close', `the feedback request${on}`));
  }
  if (phrases.length === 0) phrases.push(phrase('edit', `the feedback request${on}`));
  return phrases;
}

/** Whether a top-level key other than `told` differs between two versions' data. */
function otherKeysChanged(before: unknown, after: unknown, told: Set<string>): boolean {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!told.has(key) && canonicalJson(a[key]) !== canonicalJson(b[key])) return true;
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
