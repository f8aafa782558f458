// `mentoring seal [pair]`: what Share does before it commits, from the terminal, without
// committing: the pair's sealed fields still in clear text are sealed to the mentee's and the
// mentor's keys, and values sealed to older keys are sealed again with the keys of my identity
// file (core/app/seal.ts). Without a pair: the pairs of the person git's user.email names.
import { sealPairs, type PairSealing } from '../../core/app/seal';
import { loadMentoring } from '../../core/folder/load';
import { checkPairArgument, CliError, resolveContext, whoRuns, type GlobalOptions } from '../context';
import { readIdentities } from '../identity';
import { print } from '../output';

export interface SealCommandOptions extends GlobalOptions {
  dryRun?: boolean;
  json?: boolean;
}

export async function sealCommand(pairId: string | undefined, options: SealCommandOptions): Promise<void> {
  if (pairId !== undefined) checkPairArgument(pairId);
  const context = await resolveContext(options);
  const model = await loadMentoring(context.root, { folder: context.folder });
  if (!model.exists) throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  let pairs = [pairId];
  if (pairId === undefined) {
    const me = await whoRuns(context, model);
    if (!me)
      throw new CliError(
        "git's user.email is in no people file here, so whose pairs to seal is not known: name the pair, as mentoring seal <mentee>--<mentor>",
        2,
      );
    pairs = model.pairs.filter((p) => p.mentee === me || p.mentor === me).map((p) => p.id);
  } else if (!model.pairs.some((p) => p.id === pairId)) {
    throw new CliError(`no pair "${pairId}" in ${context.folder}/pairs/`);
  }
  const identities = readIdentities();
  const results: PairSealing[] = [];
  for (const pair of pairs)
    results.push(
      ...(await sealPairs(context.root, { folder: context.folder, pair, identities, dryRun: options.dryRun })),
    );
  if (options.json) {
    print(`${JSON.stringify({ dryRun: options.dryRun === true, pairs: results }, null, 2)}\n`);
    return;
  }
  print(results.map((result) => sealingText(result, options.dryRun === true)).join(''));
}

function sealingText(result: PairSealing, dryRun: boolean): string {
  if (result.withoutKey.length > 0)
    return `${result.pair}: nothing sealed: ${result.withoutKey.join(' and ')} ${result.withoutKey.length === 1 ? 'has' : 'have'} no key yet (mentoring keys init).\n`;
  if (result.files.length === 0) return `${result.pair}: everything that should be sealed is sealed.\n`;
  const lines = [`${result.pair}:${dryRun ? ' (dry run: nothing written)' : ''}`];
  for (const file of result.files) {
    const said = [
      file.sealed > 0 ? `${file.sealed} sealed` : '',
      file.resealed > 0 ? `${file.resealed} sealed again to new keys` : '',
      file.unopened > 0 ? `${file.unopened} sealed to older keys mine do not open` : '',
    ].filter(Boolean);
    lines.push(`  ${file.file}: ${said.join(', ')}`);
  }
  lines.push(dryRun ? '' : '  Not committed: `mentoring share` commits them.');
  return `${lines.join('\n')}\n`;
}
