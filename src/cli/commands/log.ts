// `mentoring log <pair>`: the relationship's timeline from git history, grouped by month, in the
// same sentences as the sidebar's timeline. What stays between the pair (action texts, questions)
// is shown only when git's user.email belongs to the pair's mentee or mentor, as in the sidebar.
import { checkPath } from '../../core/fs';
import { join } from 'node:path';
import { timelineContext, timelineInWords } from '../../core/app/timeline';
import { loadMentoring } from '../../core/folder/load';
import { readHistory } from '../../core/history';
import { accessTo, mayReadPrivate } from '../../core/policy/access';
import { shownTo } from '../identity';
import { checkPairArgument, CliError, resolveContext, whoRuns, type GlobalOptions } from '../context';
import { print } from '../output';

const UNSHALLOW = 'Run `git fetch --unshallow` to fetch the whole history, then run log again.';

export async function logCommand(pairId: string, options: GlobalOptions & { json?: boolean }): Promise<void> {
  const out: string[] = [];
  await logCommandInto(out, pairId, options);
  print(out.join(''));
}

async function logCommandInto(
  out: string[],
  pairId: string,
  options: GlobalOptions & { json?: boolean },
): Promise<void> {
  checkPairArgument(pairId);
  const context = await resolveContext(options);
  const history = await readHistory(context.root, { folder: context.folder, pair: pairId });
  const loaded = await loadMentoring(context.root, { folder: context.folder });
  const me = await whoRuns(context, loaded);
  const model = await shownTo(loaded, me);
  const pair = model.pairs.find((p) => p.id === pairId);
  const hidePrivate = !pair || !mayReadPrivate(accessTo(model, pair, me));
  const words = timelineContext(model, history, pairId, { private: hidePrivate });
  const entries = timelineInWords(history, pairId, words, { newestFirst: false });
  if (
    entries.length === 0 &&
    !history.pairs.has(pairId) &&
    checkPath(context.root, join(context.root, context.folder, 'pairs', pairId)) === 'missing'
  ) {
    throw new CliError(`no pair "${pairId}" in ${context.folder}/pairs/`);
  }
  if (options.json) {
    const events = entries.map(({ event, text }) => ({ ...event, text }));
    out.push(
      JSON.stringify({ pair: pairId, head: history.head ?? null, shallow: history.shallow, events }, null, 2) + '\n',
    );
    return;
  }
  if (entries.length === 0) {
    out.push(
      history.shallow
        ? `This clone is shallow: the history of ${pairId} before its oldest commit is not here. ${UNSHALLOW}\n`
        : `No history for ${pairId} yet: commit its files to start the log.\n`,
    );
    return;
  }
  let month = '';
  for (const { event, text } of entries) {
    const eventMonth = event.date.slice(0, 7);
    if (eventMonth !== month) {
      out.push(`${month === '' ? '' : '\n'}${eventMonth}\n`);
      month = eventMonth;
    }
    const stranger = 'unknown' in event.author ? `  (${event.author.unknown} is not in people/)` : '';
    out.push(`  ${event.date.slice(5, 10)}  ${text}  ${event.commit.slice(0, 7)}${stranger}\n`);
  }
  if (history.shallow)
    out.push(`\nThis clone is shallow: history before its oldest commit is not shown. ${UNSHALLOW}\n`);
}
