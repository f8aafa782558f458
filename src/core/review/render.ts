// A revision diff for people: plain text for the terminal, Markdown for a pull-request
// description and the editor's preview, JSON for tools. User text in Markdown is escaped, so
// a goal title cannot turn into a link, an image or HTML in the pull request.
import { markdownCode, markdownText } from '../../shared/markdown';
import type { GoalRef, PlanDiff, ValueChange } from './planDiff';
import type { PairChanges, RevisionDiff } from './revisions';

export type DiffFormat = 'text' | 'markdown' | 'json';

export function renderDiff(diff: RevisionDiff, format: DiffFormat): string {
  if (format === 'json') return toJson(diff);
  return format === 'markdown' ? toMarkdown(diff) : toText(diff);
}

export function toJson(diff: RevisionDiff): string {
  return JSON.stringify(diff, null, 2) + '\n';
}

/** One line per change, pairs separated by a blank line. */
export function toText(diff: RevisionDiff): string {
  const head = `Mentoring changes ${diff.from.rev} (${short(diff.from.commit)}) → ${diff.to.rev} (${short(diff.to.commit)})\n`;
  if (diff.pairs.length === 0) return `${head}\nNo changes to mentoring plans, sessions or feedback.\n`;
  const blocks = diff.pairs.map((pair) => {
    const lines = pairLines(pair, plainStyle);
    return `${pair.pair}\n${lines.map((line) => `  ${line}\n`).join('')}`;
  });
  return `${head}\n${blocks.join('\n')}`;
}

/** Markdown with a heading per pair and a list per kind of change. */
export function toMarkdown(diff: RevisionDiff): string {
  const out: string[] = ['## Mentoring changes', ''];
  out.push(
    `Comparing ${markdownCode(short(diff.from.commit))} (${md(diff.from.rev)}) with ${markdownCode(short(diff.to.commit))} (${md(diff.to.rev)}).`,
    '',
  );
  if (diff.pairs.length === 0) {
    out.push('No changes to mentoring plans, sessions or feedback.', '');
    return out.join('\n');
  }
  for (const pair of diff.pairs) {
    out.push(`### ${md(pair.pair)}`, '');
    for (const line of pairLines(pair, markdownStyle)) out.push(`- ${line}`);
    out.push('');
  }
  return out.join('\n');
}

interface Style {
  text(value: string): string;
  strong(value: string): string;
  code(value: string): string;
}

const plainStyle: Style = {
  text: (value) => value,
  strong: (value) => value,
  code: (value) => value,
};

const markdownStyle: Style = {
  text: md,
  strong: (value) => `**${md(value)}**`,
  code: markdownCode,
};

/** Every change of one pair, in the order a reviewer wants them: relationship, agreement, goals, then the rest. */
export function pairLines(pair: PairChanges, style: Style = plainStyle): string[] {
  const lines: string[] = [];
  if (pair.plan) lines.push(...planLines(pair.plan, style));
  for (const session of pair.sessions.added) {
    const parts = [`${session.objectives} objective${session.objectives === 1 ? '' : 's'}`];
    parts.push(`${session.questions} question${session.questions === 1 ? '' : 's'}`);
    const by = session.preparedBy ? ` by ${style.text(session.preparedBy)}` : '';
    lines.push(`Session ${style.strong(session.date)} prepared${by} (${parts.join(', ')})`);
  }
  for (const date of pair.sessions.notesWritten) lines.push(`Notes written for the session of ${style.text(date)}`);
  for (const item of pair.feedback.asked) {
    const who = [item.askedBy, item.askedOf].every(Boolean)
      ? ` (${style.text(`${item.askedBy} asks ${item.askedOf}`)})`
      : '';
    lines.push(`Feedback asked${who}: ${style.text(clip(item.question ?? item.file))}`);
  }
  for (const item of pair.feedback.answered)
    lines.push(`Feedback answered: ${style.text(clip(item.question ?? item.file))}`);
  for (const item of pair.sealed) {
    const fields = item.fields.map((field) => field.replace(/_/g, ' ')).join(', ');
    const where = item.date ? `the session of ${item.date}` : `the feedback request ${item.file}`;
    lines.push(`Sealed ${style.text(fields)} changed in ${style.text(where)}`);
  }
  return lines;
}

function planLines(plan: PlanDiff, style: Style): string[] {
  const lines: string[] = [];
  if (plan.created) lines.push(`Plan created`);
  if (plan.deleted) lines.push(`Plan deleted`);
  if (plan.status) {
    lines.push(
      plan.created
        ? `Status: ${style.strong(plan.status.to ?? 'none')}`
        : `Status: ${style.text(plan.status.from ?? 'none')} → ${style.strong(plan.status.to ?? 'none')}`,
    );
  }
  // A new plan has no "before": each field is simply what it is.
  for (const change of plan.relationship) lines.push(fieldLine('', change, style, plan.created));
  for (const change of plan.agreement) lines.push(fieldLine('Agreement: ', change, style, plan.created));
  for (const goal of plan.goals.added) {
    const extra = [goal.due ? `due ${goal.due}` : '', goal.status ?? ''].filter(Boolean).join(', ');
    lines.push(`Goal added: ${goalName(goal, style)}${extra ? ` (${style.text(extra)})` : ''}`);
    for (const benchmark of goal.benchmarks)
      lines.push(`Benchmark added to ${style.code(goal.id)}: ${style.text(clip(benchmark))}`);
  }
  for (const goal of plan.goals.done) lines.push(`Goal done: ${goalName(goal, style)}`);
  for (const goal of plan.goals.dropped) lines.push(`Goal dropped: ${goalName(goal, style)}`);
  for (const goal of plan.goals.removed) lines.push(`Goal removed from the plan: ${goalName(goal, style)}`);
  for (const goal of plan.goals.changed) {
    const fields = goal.changes.map((change) => fieldLine('', change, style)).join('; ');
    lines.push(`Goal changed: ${goalName(goal, style)}: ${fields}`);
  }
  for (const benchmark of plan.benchmarks.added)
    lines.push(`Benchmark added to ${style.code(benchmark.goal)}: ${style.text(clip(benchmark.text))}`);
  for (const benchmark of plan.benchmarks.reached) {
    const when = benchmark.done ? ` on ${style.text(benchmark.done)}` : '';
    lines.push(`Benchmark reached${when} (${style.code(benchmark.goal)}): ${style.text(clip(benchmark.text))}`);
  }
  for (const benchmark of plan.benchmarks.removed)
    lines.push(`Benchmark removed from ${style.code(benchmark.goal)}: ${style.text(clip(benchmark.text))}`);
  return lines;
}

function fieldLine(prefix: string, change: ValueChange, style: Style, created = false): string {
  const name = style.text(change.field.replace(/_/g, ' '));
  if (change.sealed) return `${prefix}sealed ${name} ${created ? 'set' : 'changed'}`;
  if (change.added || change.removed) {
    const parts = [
      ...(change.added ?? []).map((item) => `+ ${style.text(clip(item))}`),
      ...(change.removed ?? []).map((item) => `− ${style.text(clip(item))}`),
    ];
    return `${prefix}${name}: ${parts.join(', ')}`;
  }
  const from = change.from === undefined ? 'not set' : style.text(clip(change.from));
  const to = change.to === undefined ? 'not set' : style.strong(clip(change.to));
  if (created) return `${prefix}${name}: ${to}`;
  return `${prefix}${name}: ${from} → ${to}`;
}

function goalName(goal: GoalRef, style: Style): string {
  return goal.title ? `${style.strong(clip(goal.title))} (${style.code(goal.id)})` : style.code(goal.id);
}

/** Markdown-escapes user text: no emphasis, links, images, HTML, headings, tables, autolinks or mentions. */
export function md(value: string): string {
  return markdownText(value);
}

function clip(value: string, max = 120): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function short(commit: string): string {
  return commit.slice(0, 8);
}

/** One pair's plan change as Markdown list items: the description of a review commit and its pull request. */
export function planChangeMarkdown(pair: string, plan: PlanDiff): string {
  const changes: PairChanges = {
    pair,
    plan,
    sessions: { added: [], notesWritten: [] },
    feedback: { asked: [], answered: [] },
    sealed: [],
  };
  return pairLines(changes, markdownStyle)
    .map((line) => `- ${line}\n`)
    .join('');
}
