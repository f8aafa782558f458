// `mentoring calendar <pair>`: the pair's next session as an .ics file (to stdout, or --out FILE),
// the same file "Add to Calendar" writes in the editor.
import { resolve } from 'node:path';
import { CalendarRefused, sessionCalendar } from '../../core/app/calendar';
import { localToday } from '../../core/app/today';
import { loadMentoring } from '../../core/folder/load';
import { writeFileAtomic } from '../../core/fs/atomicWrite';
import { shownTo } from '../identity';
import { checkPairArgument, CliError, resolveContext, whoRuns, type GlobalOptions } from '../context';
import { printCrlf } from '../output';

export interface CalendarOptions extends GlobalOptions {
  out?: string;
  recurring?: boolean;
}

export async function calendarCommand(pairId: string, options: CalendarOptions): Promise<void> {
  checkPairArgument(pairId);
  const context = await resolveContext(options);
  const loaded = await loadMentoring(context.root, { folder: context.folder });
  const model = await shownTo(loaded, await whoRuns(context, loaded));
  if (!model.exists) throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  let calendar;
  try {
    calendar = sessionCalendar(model, pairId, { today: localToday(), recurring: options.recurring });
  } catch (error) {
    if (error instanceof CalendarRefused) throw new CliError(error.message);
    throw error;
  }
  if (options.out === undefined) {
    printCrlf(calendar.ics);
    return;
  }
  const out = resolve(context.cwd, options.out);
  await writeFileAtomic(out, calendar.ics);
  const when = calendar.time
    ? `${calendar.date} ${calendar.time}${calendar.timeZone ? ` (${calendar.timeZone})` : ''}`
    : calendar.date;
  process.stderr.write(`wrote ${options.out}: the session of ${pairId} on ${when}, ${calendar.minutes} minutes\n`);
}
