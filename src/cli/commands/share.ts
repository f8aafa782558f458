// `mentoring share [pair]`: commits a pair's changed files to the mentoring branch and pushes,
// as the sidebar's Share does. Without a pair: every pair of the person git's user.email names
// that has changes. Exit 1 when a share stopped (a conflict) or its push failed.
import { share, unsharedChanges, type ShareResult } from '../../core/app/share';
import { loadMentoring } from '../../core/folder/load';
import { parsePairId } from '../../core/folder/names';
import { assertBranchName } from '../../core/git/branches';
import { errorMessage } from '../../shared/errors';
import { checkPairArgument, CliError, resolveContext, whoRuns, type GlobalOptions } from '../context';
import { readIdentities } from '../identity';
import { print, printError } from '../output';

export interface ShareCommandOptions extends GlobalOptions {
  dryRun?: boolean;
  branch?: string;
  json?: boolean;
}

export async function shareCommand(pairId: string | undefined, options: ShareCommandOptions): Promise<void> {
  if (pairId !== undefined) checkPairArgument(pairId);
  if (options.branch !== undefined) {
    try {
      assertBranchName(options.branch);
    } catch (error) {
      throw new CliError(`--branch: ${errorMessage(error)}`, 2);
    }
  }
  const context = await resolveContext(options);
  const scope = { folder: context.folder, branch: options.branch };
  const pairs = pairId !== undefined ? [pairId] : await myPairsWithChanges(context, scope);
  const results: ShareResult[] = [];
  // My identities re-seal values sealed to older keys before the commit (core/app/seal.ts).
  const identities = readIdentities();
  for (const pair of pairs)
    results.push(await share(context.root, { ...scope, pair, dryRun: options.dryRun, identities }));

  // Exit 1 when something did not reach the remote it was meant for.
  const failed = results.filter(
    (r) => r.status === 'conflict' || r.pushError !== undefined || (r.review !== undefined && !r.review.pushed),
  );
  if (failed.length > 0) process.exitCode = 1;
  if (options.json) {
    print(JSON.stringify(results, null, 2) + '\n');
    return;
  }
  if (results.length === 0) {
    print('Nothing to share: your pairs’ files are as on the mentoring branch.\n');
    return;
  }
  for (const result of results) {
    if (failed.includes(result)) printError(`${result.pair}: ${result.summary}\n`);
    else print(result.status === 'dry-run' ? dryRunText(result) : `${result.pair}: ${result.summary}\n`);
    const sealed = result.steps.find((step) => step.step === 'seal');
    if (sealed) print(`  ${sealed.text}\n`);
  }
}

/** The pairs with changes (or unpushed commits) that the person running this belongs to. */
async function myPairsWithChanges(
  context: Awaited<ReturnType<typeof resolveContext>>,
  scope: { folder: string; branch?: string },
): Promise<string[]> {
  const model = await loadMentoring(context.root, { folder: context.folder });
  const me = await whoRuns(context, model);
  if (!me) {
    throw new CliError(
      "git's user.email is in no people file here, so whose pairs to share is not known: name the pair, as mentoring share <mentee>--<mentor>",
      2,
    );
  }
  const unshared = await unsharedChanges(context.root, scope);
  return unshared.pairs
    .filter((pair) => {
      const { mentee, mentor } = parsePairId(pair.pair);
      return mentee === me || mentor === me;
    })
    .map((pair) => pair.pair);
}

function dryRunText(result: ShareResult): string {
  const width = Math.max(...result.files.map((file) => file.path.length));
  const lines = [`${result.pair}: ${result.summary.replace(/: mentoring\(.*$/, '')}`];
  for (const file of result.files) {
    lines.push(`  ${file.change.padEnd(8)}  ${file.path.padEnd(width)}  ${file.words.join('; ')}`);
  }
  const [subject, ...body] = result.message.split('\n');
  lines.push(`message: ${subject}`, ...body.filter(Boolean).map((line) => `         ${line}`));
  return lines.join('\n') + '\n';
}
