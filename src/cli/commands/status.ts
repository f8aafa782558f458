// Counts and dates only: nothing sealed is opened (it would cost a decryption per value) nor shown.
import { loadMentoring } from '../../core/folder/load';
import { localToday } from '../../core/app/today';
import { summarizePair, type PairSummary } from '../../core/health/summary';
import { CliError, resolveContext, type GlobalOptions } from '../context';
import { print } from '../output';

export async function statusCommand(options: GlobalOptions & { json?: boolean }): Promise<void> {
  const context = await resolveContext(options);
  const model = await loadMentoring(context.root, { folder: context.folder });
  if (!model.exists) throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  const today = localToday();
  const pairs = model.pairs.map((pair) => summarizePair(pair, today));
  if (options.json) {
    print(JSON.stringify({ today, pairs, problems: model.problems.length }, null, 2) + '\n');
    return;
  }
  if (pairs.length === 0) print('No pairs yet. Create one under pairs/<mentee>--<mentor>/plan.yaml.\n');
  for (const pair of pairs) print(statusLine(pair));
  if (model.problems.length > 0) {
    print(`\n${model.problems.length} problem(s) in the mentoring files: run \`mentoring validate\`.\n`);
  }
}

function statusLine(pair: PairSummary): string {
  const next = pair.nextSession
    ? `next session ${pair.nextSession} (${pair.agendaReady ? 'agenda ready' : 'no agenda yet'})`
    : 'no next session agreed';
  const goals = `goals ${pair.goals.done}/${pair.goals.total - pair.goals.dropped} done`;
  const feedback = `${pair.openFeedback} open feedback`;
  const problems = pair.problems > 0 ? `, ${pair.problems} problem(s)` : '';
  return `${pair.id.padEnd(24)} ${(pair.status ?? '?').padEnd(10)} ${goals}, ${next}, ${feedback}${problems}\n`;
}
