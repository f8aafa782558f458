// `mentoring pause <pair> [--until D]` and `mentoring end <pair> --reason R [--note N]`: propose
// the change on a review branch for the other person to accept (`mentoring accept`), as the
// editor's Pause Relationship and End Relationship do.
import { END_REASONS, proposeEnd, proposePause, RelationshipChangeError } from '../../core/app/pauseEnd';
import { localToday } from '../../core/app/today';
import type { EndReason } from '../../core/folder/model';
import { GitError } from '../../core/git/runner';
import { NothingToProposeError, type ProposeResult } from '../../core/review';
import { checkPairArgument, CliError, type GlobalOptions } from '../context';
import { print } from '../output';
import { reviewer } from './proposals';

export async function pauseCommand(pair: string, options: GlobalOptions & { until?: string }): Promise<void> {
  checkPairArgument(pair);
  if (options.until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.until))
    throw new CliError(`--until must be a date (YYYY-MM-DD), not "${options.until}"`, 2);
  const { context, me } = await reviewer(options);
  const result = await refusals(() =>
    proposePause(context.root, { pair, me, today: localToday(), folder: context.folder, until: options.until }),
  );
  report(result, `a pause of ${pair}`);
}

export async function endCommand(
  pair: string,
  options: GlobalOptions & { reason: string; note?: string },
): Promise<void> {
  checkPairArgument(pair);
  if (!END_REASONS.includes(options.reason as EndReason))
    throw new CliError(`--reason must be one of ${END_REASONS.join(', ')}, not "${options.reason}"`, 2);
  const { context, me } = await reviewer(options);
  const result = await refusals(() =>
    proposeEnd(context.root, {
      pair,
      me,
      today: localToday(),
      folder: context.folder,
      reason: options.reason as EndReason,
      note: options.note,
    }),
  );
  report(result, `the end of ${pair}, with retro.yaml for both to complete,`);
}

async function refusals(propose: () => Promise<ProposeResult>): Promise<ProposeResult> {
  try {
    return await propose();
  } catch (error) {
    if (error instanceof RelationshipChangeError || error instanceof NothingToProposeError || error instanceof GitError)
      throw new CliError(error.message);
    throw error;
  }
}

function report(result: ProposeResult, what: string): void {
  const next = result.pushed
    ? result.compareUrl
      ? ` Open a pull request: ${result.compareUrl}`
      : ''
    : ` It is not pushed${result.pushError ? ` (${result.pushError})` : ''}: run ${result.pushCommand}.`;
  print(`Proposed ${what} on ${result.branch}; it takes effect once the other person accepts it.${next}\n`);
}
