import { writeFile } from '../../core/fs';
import { isIsoDate } from '../../shared/dates';
import { prepareAgenda } from '../../core/app/agenda';
import { localToday } from '../../core/app/today';
import { loadMentoring } from '../../core/folder/load';
import { checkPairArgument, CliError, resolveContext, whoRuns, type GlobalOptions } from '../context';
import { print } from '../output';

export async function agendaCommand(pairId: string, options: GlobalOptions & { date?: string }): Promise<void> {
  checkPairArgument(pairId);
  if (options.date !== undefined && !isIsoDate(options.date)) {
    throw new CliError(`--date must be a real date as YYYY-MM-DD, not "${options.date}"`, 2);
  }
  const context = await resolveContext(options);
  const model = await loadMentoring(context.root, { folder: context.folder });
  // Signed by whoever git says runs this, when that is the pair's mentor; else by the mentee.
  const agenda = prepareAgenda({
    model,
    pairId,
    preparedBy: await whoRuns(context, model),
    date: options.date,
    today: localToday(),
  });
  try {
    await writeFile(model.root, agenda.path, agenda.text, { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${agenda.rel} already exists`);
    throw error;
  }
  const carried = agenda.carriedOver.length;
  print(`created ${agenda.rel}${carried > 0 ? ` with ${carried} open action(s) carried over` : ''}\n`);
}
