// A proposal in the words of the person who decides on it: "Ana asks you for mentoring", "Ben
// offers to mentor you", "Ana proposes plan changes: 2 goals added, 1 due date moved". Names
// are first names from the people files (the handle when there is none); no pronouns are guessed.
import type { Person } from '../folder/model';
import type { PlanDiff } from './planDiff';
import type { Proposal } from './proposal';

/** The title of `proposal` for `me`, who decides on it. */
export function proposalTitle(proposal: Proposal, me: string, plan: PlanDiff, people: readonly Person[]): string {
  const name = (handle: string | undefined) => firstName(handle, people);
  const meMentor = proposal.mentor === me;
  if (proposal.kind === 'relationship') {
    if (proposal.from === 'program')
      return meMentor
        ? `The program proposes that you mentor ${name(proposal.mentee)}`
        : `The program proposes ${name(proposal.mentor)} as your mentor`;
    if (proposal.from === proposal.mentee) return `${name(proposal.mentee)} asks you for mentoring`;
    if (proposal.from === proposal.mentor) return `${name(proposal.mentor)} offers to mentor you`;
    return `A mentoring relationship between ${name(proposal.mentee)} and ${name(proposal.mentor)} is proposed`;
  }
  const counts = planChangeCounts(plan);
  const suffix = counts.length > 0 ? `: ${counts.join(', ')}` : '';
  return proposal.from
    ? `${name(proposal.from)} proposes plan changes${suffix}`
    : `Plan changes proposed for ${proposal.pair}${suffix}`;
}

/** What a plan change does, counted: "2 goals added", "1 due date moved", "agreement changed". */
export function planChangeCounts(plan: PlanDiff): string[] {
  const counts: string[] = [];
  const count = (n: number, one: string, many: string, what: string) => {
    if (n > 0) counts.push(`${n} ${n === 1 ? one : many} ${what}`);
  };
  const { goals, benchmarks } = plan;
  count(goals.added.length, 'goal', 'goals', 'added');
  count(goals.done.length, 'goal', 'goals', 'done');
  count(goals.dropped.length, 'goal', 'goals', 'dropped');
  count(goals.removed.length, 'goal', 'goals', 'removed');
  const fields = goals.changed.flatMap((goal) => goal.changes.map((change) => change.field));
  count(fields.filter((field) => field === 'due').length, 'due date', 'due dates', 'moved');
  count(fields.filter((field) => field === 'title').length, 'goal', 'goals', 'renamed');
  const otherwise = goals.changed.filter((goal) => goal.changes.some((c) => c.field !== 'due' && c.field !== 'title'));
  count(otherwise.length, 'goal', 'goals', 'changed');
  count(benchmarks.added.length, 'benchmark', 'benchmarks', 'added');
  count(benchmarks.reached.length, 'benchmark', 'benchmarks', 'reached');
  count(benchmarks.removed.length, 'benchmark', 'benchmarks', 'removed');
  if (plan.agreement.length > 0) counts.push('agreement changed');
  if (plan.status) counts.push(`status ${plan.status.from ?? 'not set'} → ${plan.status.to ?? 'not set'}`);
  for (const change of plan.relationship) counts.push(`${change.field.replace(/_/g, ' ')} changed`);
  return counts;
}

/** The first word of the person's name, else the handle. */
export function firstName(handle: string | undefined, people: readonly Person[]): string {
  if (!handle) return 'Someone';
  const name = people.find((person) => person.handle === handle)?.name;
  const first = typeof name === 'string' ? name.trim().split(/\s+/)[0] : '';
  return first || handle;
}
