import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isIsoDate } from '../../shared/dates';
import { newAgendaText } from '../../core/edit';
import { todayIso } from '../../core/app/init';
import { loadMentoring } from '../../core/folder/load';
import type { Session } from '../../core/folder/model';
import { parsePairId } from '../../core/folder/names';
import { summarizePair } from '../../core/health/summary';
import { CliError, resolveContext, type GlobalOptions } from '../context';

export async function agendaCommand(pairId: string, options: GlobalOptions & { date?: string }): Promise<void> {
  try {
    parsePairId(pairId);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
  if (options.date !== undefined && !isIsoDate(options.date)) {
    throw new CliError(`--date must be a real date as YYYY-MM-DD, not "${options.date}"`, 2);
  }
  const context = await resolveContext(options);
  const model = await loadMentoring(context.root, { folder: context.folder });
  const pair = model.pairs.find((p) => p.id === pairId);
  if (!pair) throw new CliError(`no pair "${pairId}" in ${context.folder}/pairs/`);
  const plan = pair.plan;
  if (!plan?.data || plan.problems.some((p) => p.severity === 'error')) {
    const first = plan?.problems[0];
    throw new CliError(
      `the plan of ${pairId} has errors; fix them first${first ? ` (${first.file}:${first.line}:${first.col}: ${first.message})` : ''}`,
    );
  }
  const today = todayIso();
  const date = options.date ?? summarizePair(pair, today).nextSession ?? today;
  const path = join(pair.dir, 'sessions', `${date}.yaml`);
  const rel = relative(context.root, path).split('\\').join('/');
  if (existsSync(path)) throw new CliError(`${rel} already exists`);

  const previous = pair.sessions
    .map((s) => s.data)
    .filter((s): s is Session => s !== undefined && s.date < date)
    .pop();
  const cadence = plan.data.agreement?.cadence_days ?? model.program?.data?.defaults?.cadence_days;
  const text = newAgendaText({ date, preparedBy: pair.mentee, previous, cadenceDays: cadence });
  await mkdir(join(pair.dir, 'sessions'), { recursive: true });
  await writeFile(path, text, { flag: 'wx' });
  const carried = previous ? countOpen(previous) : 0;
  process.stdout.write(`created ${rel}${carried > 0 ? ` with ${carried} open action(s) carried over` : ''}\n`);
}

function countOpen(session: Session): number {
  return [...(session.actions ?? []), ...(session.follow_ups ?? [])].filter((a) => !a.done).length;
}
