// `mentoring remind`: the reminders the editor shows once a day, for a terminal or a scheduled CI
// job (one person per run: `--me`). "Today" is the person's own day, in the time zone of their
// person file, so a runner in UTC reminds Tokyo of its tomorrow. Reminders are not errors: the
// exit code is 0 whether there are any or not.
import { isIsoDate } from '../../shared/dates';
import { notSharedFiles, reminders, remindersAt, type MyReminders } from '../../core/app/remind';
import { loadMentoring } from '../../core/folder/load';
import type { MentoringModel } from '../../core/folder/model';
import { isGitRepo } from '../../core/git/repository';
import { md } from '../../core/review/render';
import { CliError, resolveContext, type GlobalOptions } from '../context';
import { print } from '../output';
import { escapeData, escapeProperty } from '../format';
import { shownTo } from '../identity';
import { whoIsMe } from './inbox';
import { escapeLine } from '../../shared/terminal';

export type RemindFormat = 'text' | 'json' | 'github' | 'markdown';

export interface RemindOptions extends GlobalOptions {
  me?: string;
  format: RemindFormat;
  today?: string;
}

export async function remindCommand(options: RemindOptions): Promise<void> {
  if (options.today !== undefined && !isIsoDate(options.today))
    throw new CliError(`--today "${escapeLine(options.today)}" is not a date (YYYY-MM-DD)`, 2);
  const context = await resolveContext(options);
  const loaded = await loadMentoring(context.root, { folder: context.folder });
  if (!loaded.exists) throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  const me = await whoIsMe(context, loaded, options.me);
  const model = await shownTo(loaded, me);
  const notShared = (await isGitRepo(context.root)) ? await notSharedFiles(context.root, context.folder) : undefined;
  const mine =
    options.today === undefined
      ? remindersAt(model, me, new Date(), { notShared })
      : { me, today: options.today, reminders: reminders(model, me, { today: options.today, notShared }) };
  print(formatReminders(mine, options.format, model));
}

export function formatReminders(mine: MyReminders, format: RemindFormat, model: MentoringModel): string {
  const { me, today, reminders: items } = mine;
  switch (format) {
    case 'json':
      return JSON.stringify(mine, null, 2) + '\n';
    case 'github':
      return items
        .map((item) => {
          const where = `file=${escapeProperty(item.file)}${item.line === undefined ? '' : `,line=${item.line}`}`;
          const title = escapeProperty(`Mentoring reminder for ${me} (${item.pair})`);
          return `::notice ${where},title=${title}::${escapeData(item.text)}\n`;
        })
        .join('');
    case 'markdown': {
      const name = model.people.find((file) => file.data?.handle === me)?.data?.name;
      const who = typeof name === 'string' ? `${md(name)} (${md(me)})` : md(me);
      const head = `### Mentoring reminders for ${who}, ${today}\n\n`;
      if (items.length === 0) return `${head}Nothing to remind you of.\n`;
      const lines = items.map(
        (item) => `- **${md(item.pair)}**: ${md(item.text)}  \n  \`${item.file.replace(/`/g, '')}\`\n`,
      );
      return head + lines.join('');
    }
    case 'text': {
      if (items.length === 0) return `Nothing to remind you (${escapeLine(me)}) of today (${today}).\n`;
      const width = Math.max(...items.map((item) => item.pair.length));
      const lines = items.map((item) => {
        const where = `${item.file}${item.line === undefined ? '' : `:${item.line}`}`;
        return `  ${item.pair.padEnd(width)}  ${escapeLine(item.text)}\n  ${' '.repeat(width)}  ${escapeLine(where)}\n`;
      });
      return `Reminders for ${escapeLine(me)} (${today}):\n${lines.join('')}`;
    }
  }
}
