// `mentoring log <pair>`: the relationship's timeline from git history, grouped by month.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GitError } from '../../core/git/runner';
import { pairTimeline, readHistory, type History, type HistoryEvent } from '../../core/history';
import { parsePairId } from '../../core/folder/names';
import { CliError, resolveContext, type GlobalOptions } from '../context';

export async function logCommand(pairId: string, options: GlobalOptions & { json?: boolean }): Promise<void> {
  const out: string[] = [];
  await logCommandInto(out, pairId, options);
  process.stdout.write(out.join(''));
}

async function logCommandInto(
  out: string[],
  pairId: string,
  options: GlobalOptions & { json?: boolean },
): Promise<void> {
  try {
    parsePairId(pairId);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
  const context = await resolveContext(options);
  const history = await readHistoryForCli(context.root, context.folder, pairId);
  const events = pairTimeline(history, pairId);
  if (
    events.length === 0 &&
    !history.pairs.has(pairId) &&
    !existsSync(join(context.root, context.folder, 'pairs', pairId))
  ) {
    throw new CliError(`no pair "${pairId}" in ${context.folder}/pairs/`);
  }
  const ordered = [...events].sort((a, b) => (eventTime(a) < eventTime(b) ? -1 : eventTime(a) > eventTime(b) ? 1 : 0));
  if (options.json) {
    out.push(
      JSON.stringify({ pair: pairId, head: history.head ?? null, shallow: history.shallow, events: ordered }, null, 2) +
        '\n',
    );
    return;
  }
  if (ordered.length === 0) {
    out.push(`No history for ${pairId} yet: commit its files to start the log.\n`);
    return;
  }
  let month = '';
  for (const event of ordered) {
    const eventMonth = event.date.slice(0, 7);
    if (eventMonth !== month) {
      out.push(`${month === '' ? '' : '\n'}${eventMonth}\n`);
      month = eventMonth;
    }
    out.push(
      `  ${event.date.slice(5, 10)}  ${authorText(event).padEnd(12)} ${describeEvent(event)}  ${event.commit.slice(0, 7)}\n`,
    );
  }
  if (history.shallow) out.push('\n(shallow clone: history before its oldest commit is not shown)\n');
}

/** git failures (no git, not a repository) as one plain message and exit 1. */
export async function readHistoryForCli(root: string, folder: string, pair?: string): Promise<History> {
  try {
    return await readHistory(root, { folder, pair });
  } catch (error) {
    if (error instanceof GitError) throw new CliError(error.message);
    throw error;
  }
}

function eventTime(event: HistoryEvent): number {
  return Date.parse(event.date);
}

function authorText(event: HistoryEvent): string {
  return 'handle' in event.author ? event.author.handle : `${event.author.unknown} (not in people/)`;
}

/** One line per event, in words. */
export function describeEvent(event: HistoryEvent): string {
  const d = event.details;
  const goal = d.goal !== undefined ? ` ${d.goal}${d.title ? ` "${d.title}"` : ''}` : '';
  switch (event.kind) {
    case 'relationship-proposed':
      return 'proposed the relationship';
    case 'relationship-accepted':
      return 'accepted the proposal: the relationship is active';
    case 'relationship-started':
      return 'started the relationship';
    case 'relationship-paused':
      return 'paused the relationship';
    case 'relationship-resumed':
      return 'resumed the relationship';
    case 'relationship-ended':
      return `ended the relationship (${d.status ?? 'ended'})`;
    case 'goal-added':
      return `added goal${goal}`;
    case 'goal-changed':
      return `changed goal${goal}: ${(d.fields ?? []).join(', ')}`;
    case 'goal-done':
      return `completed goal${goal}`;
    case 'goal-dropped':
      return `dropped goal${goal}`;
    case 'goal-removed':
      return `removed goal${goal}`;
    case 'benchmark-reached':
      return `reached a benchmark of ${d.goal ?? 'a goal'}: "${d.benchmark ?? ''}"`;
    case 'agenda-prepared':
      return `prepared the agenda for ${d.sessionDate ?? 'a session'}${d.committedBeforeSession ? '' : ' (not before the session)'}`;
    case 'notes-written':
      return `wrote notes for ${d.sessionDate ?? 'a session'}`;
    case 'action-done':
      return `done: "${d.action ?? ''}"${d.due ? ` (due ${d.due})` : ''}`;
    case 'feedback-asked':
      return `asked ${d.askedOf ?? 'for'} feedback${d.feedbackKind ? ` (${d.feedbackKind})` : ''}`;
    case 'feedback-answered':
      return `answered the feedback request of ${d.asked ?? 'an earlier date'}`;
    case 'plan-review-merged':
      return 'merged a plan review';
  }
}
