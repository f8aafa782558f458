// `mentoring match [--json] [--propose] [--limit N]`: the best assignment of mentees to mentors
// with each score's reasons, suggestions per mentee, who cannot be matched and why; `--propose`
// writes each match as a relationship proposal on its own review branch.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  matchReasons,
  notMatchedText,
  programMatches,
  proposeMatches,
  type MatchResult,
  type ScoredPair,
} from '../../core/app/match';
import { localToday } from '../../core/app/today';
import { CliError, resolveContext, type GlobalOptions } from '../context';
import { print } from '../output';

export async function matchCommand(
  options: GlobalOptions & { json?: boolean; propose?: boolean; limit?: string; branch?: string },
): Promise<void> {
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new CliError(`--limit must be a whole number from 1, not "${options.limit}"`, 2);
  const context = await resolveContext(options);
  if (!existsSync(join(context.root, context.folder)))
    throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  const today = localToday();
  const result = await programMatches(context.root, { folder: context.folder, today, branch: options.branch });
  const chosen = [...result.matches]
    .sort((a, b) => b.score - a.score || (a.mentee < b.mentee ? -1 : 1))
    .slice(0, limit ?? result.matches.length);
  const proposed = options.propose
    ? await proposeMatches(context.root, chosen, { folder: context.folder, today, branch: options.branch })
    : [];
  if (options.json) {
    const body = {
      today,
      ...result,
      proposed: proposed.map(({ pair, result: r }) => ({
        pair,
        branch: r.branch,
        pushed: r.pushed,
        compareUrl: r.compareUrl ?? null,
      })),
    };
    print(JSON.stringify(body, null, 2) + '\n');
    return;
  }
  print(matchText(result, chosen, today));
  for (const { pair, result: r } of proposed) {
    const where = r.compareUrl ?? (r.pushed ? `pushed to ${r.remote}` : `not pushed: ${r.pushCommand}`);
    print(`proposed ${pair} on ${r.branch} (${where})\n`);
  }
  if (!options.propose && chosen.length > 0)
    print('\nNothing written. `mentoring match --propose` proposes these matches for both to accept.\n');
}

function matchText(result: MatchResult, chosen: ScoredPair[], today: string): string {
  const out = [
    `Matching on ${today}: ${result.mentees.length} mentee(s) waiting, ${result.mentors.length} mentor(s) with places; ` +
      `best total score ${result.total}`,
    '',
    'Matches',
  ];
  if (chosen.length === 0) out.push('  none');
  for (const pair of chosen) {
    out.push(`  ${pair.mentee} with ${pair.mentor}: ${pair.score}`);
    out.push(
      ...matchReasons(pair)
        .split('\n')
        .slice(2)
        .map((line) => `    ${line.slice(2).replace(/\\(.)/g, '$1')}`),
    );
  }
  out.push('', 'Suggestions');
  for (const mentee of result.mentees) {
    const list = mentee.suggestions.map((s) => `${s.mentor} ${s.score}`).join(', ');
    out.push(`  ${mentee.mentee}: ${list || 'none'}`);
  }
  const unmatched = result.mentees.filter((m) => m.match === null);
  out.push('', 'Not matched');
  if (unmatched.length === 0) out.push('  none');
  for (const mentee of unmatched) out.push(`  ${notMatchedText(mentee)}`);
  if (result.skipped.length > 0) {
    out.push('', 'Left out');
    for (const person of result.skipped) out.push(`  ${person.handle}: ${person.reason}`);
  }
  return out.join('\n') + '\n';
}
