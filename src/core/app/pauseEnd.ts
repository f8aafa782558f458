// Pausing and ending a relationship, mutually: either person proposes it on a review branch
// (`mentoring/<pair>/pause-<date>`, `end-<date>`) and the other accepts it through the ordinary
// review flow (decide.ts), which merges it. Ending also writes `retro.yaml`, prepared from the
// mentee's goals as they stand, for both to complete.
import { setValue } from '../edit';
import { loadMentoring } from '../folder/load';
import type { EndReason, Goal, Plan } from '../folder/model';
import { assertSafeName, parsePairId } from '../folder/names';
import { pairDir, planPath, toRel } from '../folder/paths';
import { parseYaml } from '../folder/yamlText';
import { findMentoringBranch, planChangeMarkdown, planDiff, proposeOnBranch, type ProposeResult } from '../review';
import { join } from 'node:path';

export const END_REASONS: readonly EndReason[] = ['goals_reached', 'schedule', 'fit', 'other'];

export interface RelationshipChangeOptions {
  pair: string;
  /** Who proposes: the mentee or the mentor of the pair. */
  me: string;
  /** YYYY-MM-DD. */
  today: string;
  folder?: string;
  /** The remote to push to; false: do not push. */
  remote?: string | false;
}

export class RelationshipChangeError extends Error {}

/** Proposes `status: paused` (and `paused_until`), for the other person to accept. */
export async function proposePause(
  root: string,
  options: RelationshipChangeOptions & { until?: string },
): Promise<ProposeResult> {
  const until = options.until;
  if (until !== undefined) {
    assertSafeName(until, 'date');
    if (until <= options.today)
      throw new RelationshipChangeError(`--until ${until} is not after today (${options.today})`);
  }
  return proposeChange(root, options, 'pause', ['active'], (plan) => {
    let text = setValue(plan, ['status'], 'paused');
    if (until) text = setValue(text, ['paused_until'], until);
    return text;
  });
}

/** Proposes `status: ended` with `ended: {date, reason}` and a `retro.yaml` for both to complete. */
export async function proposeEnd(
  root: string,
  options: RelationshipChangeOptions & { reason: EndReason; note?: string },
): Promise<ProposeResult> {
  if (!END_REASONS.includes(options.reason))
    throw new RelationshipChangeError(`the reason must be one of ${END_REASONS.join(', ')}, not "${options.reason}"`);
  const note = options.note?.replace(/\s+/g, ' ').trim();
  const ended = { date: options.today, reason: options.reason, ...(note ? { note } : {}) };
  return proposeChange(root, options, 'end', ['active', 'paused'], (plan) => {
    let text = setValue(plan, ['status'], 'ended');
    if ((parseYaml(text).data as Plan | undefined)?.paused_until !== undefined)
      text = setValue(text, ['paused_until'], undefined);
    return setValue(text, ['ended'], ended);
  });
}

async function proposeChange(
  root: string,
  options: RelationshipChangeOptions & { reason?: EndReason },
  what: 'pause' | 'end',
  from: string[],
  editPlan: (text: string) => string,
): Promise<ProposeResult> {
  const { mentee, mentor } = parsePairId(options.pair);
  if (options.me !== mentee && options.me !== mentor)
    throw new RelationshipChangeError(
      `${options.pair} is not your relationship: only ${mentee} or ${mentor} may ${what} it`,
    );
  const model = await loadMentoring(root, { folder: options.folder });
  const planRel = toRel(root, planPath(model.folder, options.pair));
  const retroRel = toRel(root, join(pairDir(model.folder, options.pair), 'retro.yaml'));
  const target = await findMentoringBranch(root);
  const base = target?.local ? target.branch : 'HEAD';
  const other = options.me === mentee ? mentor : mentee;
  const verb = what === 'pause' ? 'pausing' : 'ending';
  let plans: { before: string; after: string } | undefined;
  return proposeOnBranch(root, {
    pair: options.pair,
    what,
    date: options.today,
    folder: options.folder,
    base,
    remote: options.remote,
    paths: what === 'end' ? [planRel, retroRel] : [planRel],
    edit: (path, atBase) => {
      if (path === retroRel) {
        if (atBase !== undefined) throw new RelationshipChangeError(`${retroRel} exists already`);
        if (!plans || !options.reason) throw new RelationshipChangeError('the plan is read before the retrospective');
        return retroText(parseYaml(plans.before).data as Plan, options.today, options.reason);
      }
      if (atBase === undefined) throw new RelationshipChangeError(`${options.pair} has no plan on ${base}`);
      const status = (parseYaml(atBase).data as Plan | undefined)?.status;
      if (!from.includes(String(status)))
        throw new RelationshipChangeError(
          `${options.pair} is ${status ?? 'without a status'}: only a relationship that is ${from.join(' or ')} can be ${what === 'pause' ? 'paused' : 'ended'}`,
        );
      plans = { before: atBase, after: editPlan(atBase) };
      return plans.after;
    },
    message: () =>
      `mentoring(${options.pair}): ${options.me} proposes ${verb} the relationship\n\n` +
      `${other} accepts or declines it with Mentoring: Review Mentoring Changes, or ` +
      `\`mentoring accept ${options.pair}\` / \`mentoring decline ${options.pair}\`.` +
      (what === 'end' ? ' retro.yaml is for both to complete.' : '') +
      `\n\n${plans ? planChangeMarkdown(options.pair, planDiff(plans.before, plans.after)) : ''}`,
  });
}

/** The retrospective as the mentee's side prepares it: each goal's state now, both parts to fill in. */
export function retroText(plan: Plan | undefined, date: string, reason: EndReason): string {
  const goals: Goal[] = Array.isArray(plan?.goals) ? plan.goals : [];
  const q = (text: string) => JSON.stringify(text.replace(/\s+/g, ' ').trim());
  const side = (who: string) => [
    `${who}:`,
    `  what_worked: ""            # ${who === 'mentee' ? 'the mentee' : 'the mentor'} fills these in`,
    '  what_to_change: ""',
    '  would_recommend: null      # true | false',
  ];
  const lines = [
    `# Retrospective of ${plan?.mentee ?? 'the mentee'} and ${plan?.mentor ?? 'the mentor'}: each completes their part.`,
    `ended: ${date}`,
    `reason: ${reason}              # goals_reached | schedule | fit | other`,
  ];
  if (goals.length === 0) lines.push('goals: []');
  else {
    lines.push('goals:');
    for (const goal of goals) {
      lines.push(`  - id: ${goal.id}`, `    title: ${q(String(goal.title ?? ''))}`);
      lines.push(`    final: ${goal.status}             # planned | in-progress | done | dropped`);
    }
  }
  lines.push(...side('mentee'), ...side('mentor'));
  return lines.join('\n') + '\n';
}
