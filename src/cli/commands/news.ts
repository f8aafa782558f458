// `mentoring news [pair]`: what the other side changed, in the timeline's sentences, from the
// mentoring branch and its remote-tracking branch. The terminal keeps no "seen" commit: `--since`
// takes the one the last run printed; without it, the changes since the pair's last session.
import { visiblePairs } from '../../core/policy/access';
import { whatsNew, WhatsNewRefused, type WhatsNew } from '../../core/app/whatsNew';
import { loadMentoring } from '../../core/folder/load';
import { findMentoringBranch } from '../../core/git/mentoringBranch';
import { fetchMentoringBranch } from '../../core/git/remoteBranch';
import { resolveCommit } from '../../core/git/refs';
import { isGitRepo } from '../../core/git/repository';
import { errorMessage } from '../../shared/errors';
import { checkPairArgument, CliError, resolveContext, type GlobalOptions } from '../context';
import { shownTo } from '../identity';
import { printable, whoIsMe } from './inbox';
import { print } from '../output';

export interface NewsOptions extends GlobalOptions {
  since?: string;
  branch?: string;
  fetch?: boolean;
  me?: string;
  json?: boolean;
}

export async function newsCommand(pairId: string | undefined, options: NewsOptions): Promise<void> {
  if (pairId !== undefined) checkPairArgument(pairId);
  const context = await resolveContext(options);
  const loaded = await loadMentoring(context.root, { folder: context.folder });
  const me = await whoIsMe(context, loaded, options.me);
  const model = await shownTo(loaded, me);
  if (!(await isGitRepo(context.root)))
    throw new CliError(`${context.root} is not a git repository: news reads its history`);
  const since = options.since === undefined ? undefined : await usage(resolveCommit(context.root, options.since));
  const found = await usage(findMentoringBranch(context.root, { branch: options.branch }));
  const branch = found?.branch;
  const fetched = options.fetch && branch ? await fetchMentoringBranch(context.root, branch) : undefined;
  const pairs =
    pairId !== undefined
      ? [pairId]
      : visiblePairs(model, me)
          .filter(({ role }) => role !== 'coordinator')
          .map(({ pair }) => pair.id);
  const results: WhatsNew[] = [];
  for (const pair of pairs) {
    try {
      results.push(await whatsNew(context.root, { folder: context.folder, pair, me, since, branch, model }));
    } catch (error) {
      throw error instanceof WhatsNewRefused ? new CliError(error.message) : error;
    }
  }
  if (options.json) {
    print(JSON.stringify({ me, since: since ?? null, pairs: results }, null, 2) + '\n');
    return;
  }
  const out: string[] = [];
  if (fetched?.remote) out.push(`Fetched ${printable(branch ?? '')} from ${printable(fetched.remote)}.\n`);
  if (results.length === 0) out.push(`You (${me}) are the mentee or mentor of no pair here.\n`);
  for (const result of results) out.push(newsText(result, since));
  print(out.join(''));
}

function newsText(news: WhatsNew, since: string | undefined): string {
  const count = news.entries.length === 0 ? 'nothing new' : `${news.entries.length} new`;
  const lines = [`${news.pair}: ${count} ${since ? `since ${since.slice(0, 12)}` : 'since the last session'}\n`];
  for (const { event, text, remoteOnly } of news.entries) {
    const where = remoteOnly ? `  (on ${printable(news.remoteBranch ?? 'the remote')}, not pulled yet)` : '';
    lines.push(`  ${event.date.slice(0, 10)}  ${printable(text)}  ${event.commit.slice(0, 7)}${where}\n`);
  }
  if (news.behindRemote > 0) {
    const commits = news.behindRemote === 1 ? '1 commit' : `${news.behindRemote} commits`;
    lines.push(
      `  ${printable(news.remoteBranch ?? '')} is ${commits} ahead of ${printable(news.branch ?? '')}: pull to bring it in.\n`,
    );
  }
  if (news.seen) lines.push(`  Next time: mentoring news ${news.pair} --since ${news.seen.slice(0, 12)}\n`);
  return lines.join('');
}

/** A revision or branch the user typed that git refuses is a usage error. */
async function usage<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw new CliError(errorMessage(error), 2);
  }
}
