// `mentoring accept <pair|branch>`: accept a proposal waiting for me, as Review Mentoring Changes
// does: merged into the mentoring branch and pushed (never forced), the review branch deleted.
// A remote that refuses the push (a protected branch) makes it exit 1 with the pull request to use.
import { accept, decline, type DecisionResult } from '../../core/app/decide';
import { localToday } from '../../core/app/today';
import { GitError } from '../../core/git/runner';
import { DecideError } from '../../core/review';
import { CliError, type GlobalOptions } from '../context';
import { reviewer } from './proposals';
import { print, printError } from '../output';

export type DecideCliOptions = GlobalOptions & { json?: boolean; reason?: string };

export function acceptCommand(which: string, options: DecideCliOptions): Promise<void> {
  return decideCommand('accept', which, options);
}

export async function decideCommand(
  decision: 'accept' | 'decline',
  which: string,
  options: DecideCliOptions,
): Promise<void> {
  const { context, model, me } = await reviewer(options);
  const request = { proposal: which, model, me, today: localToday() };
  let result: DecisionResult;
  try {
    result =
      decision === 'accept'
        ? await accept(context.root, request)
        : await decline(context.root, { ...request, reason: options.reason });
  } catch (error) {
    if (error instanceof DecideError) throw new CliError(error.message, error.usage ? 2 : 1);
    if (error instanceof GitError) throw new CliError(error.message, /^refusing/.test(error.message) ? 2 : 1);
    throw error;
  }
  if (options.json) {
    const { proposal, ...rest } = result;
    const { plan: _plan, ...summary } = proposal;
    print(JSON.stringify({ ...rest, proposal: summary }, null, 2) + '\n');
  } else if (result.outcome !== 'refused') print(`${result.message}\n`);
  if (result.outcome === 'refused') {
    if (!options.json) printError(`mentoring: ${result.message}\n`);
    process.exitCode = 1;
  }
}
