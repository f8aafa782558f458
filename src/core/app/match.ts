// Matching for a program: who waits for a mentor, who has places, the best assignment with each
// score's reasons, and `propose` to write each match as a relationship proposal on its own review
// branch (`initiated_by: program`), which starts only when both people accept it.
import { loadMentoring } from '../folder/load';
import { pairIdOf } from '../folder/names';
import { planPath, toRel } from '../folder/paths';
import { knownPeople } from '../folder/people';
import { matchProgram, type MatchResult, type MenteeMatch, type ScoredPair } from '../program/matching';
import { candidateOf, matchingRules } from '../program/matchRules';
import {
  findMentoringBranch,
  newRelationshipPlan,
  pendingProposals,
  planChangeMarkdown,
  planDiff,
  proposeOnBranch,
  type ProposeResult,
} from '../review';

export type { MatchResult, ScoredPair };

export interface MatchOptions {
  folder?: string;
  today: string;
  /** The mentoring branch, when not the default branch. */
  branch?: string;
}

export async function programMatches(root: string, options: MatchOptions): Promise<MatchResult> {
  const model = await loadMentoring(root, { folder: options.folder });
  const proposals = await pendingProposals(root, { folder: options.folder, into: options.branch }).catch(() => []);
  return matchProgram({
    people: knownPeople(model).map(candidateOf),
    relationships: model.pairs.map((pair) => ({
      mentee: pair.mentee,
      mentor: pair.mentor,
      status: typeof pair.plan?.data?.status === 'string' ? pair.plan.data.status : null,
    })),
    pending: proposals.filter((p) => p.kind === 'relationship').map((p) => ({ mentee: p.mentee, mentor: p.mentor })),
    rules: matchingRules(model.program?.data),
    today: options.today,
  });
}

/** Why a match was made, in Markdown for the pull request's description: the score and each criterion's part. */
export function matchReasons(pair: ScoredPair): string {
  const lines = [`Matching score **${pair.score}** of 100:`, ''];
  for (const part of pair.parts)
    lines.push(
      `- ${part.criterion} (${part.strength}): ${part.points} points; ${part.detail.replace(/[\\`*_[\]<>|]/g, '\\$&')}`,
    );
  return lines.join('\n');
}

/** Why a mentee is not matched, on one line: the reason, then each mentor ruled out and why. */
export function notMatchedText(mentee: MenteeMatch): string {
  const why = mentee.excluded.map((e) => `${e.mentor} (${e.reason})`).join(', ');
  return `${mentee.mentee}: ${mentee.reason ?? 'no admissible mentor'}${why ? `: ${why}` : ''}`;
}

/** Writes each match as a proposal on its own review branch; the plan waits until both accept. */
export async function proposeMatches(
  root: string,
  matches: ScoredPair[],
  options: MatchOptions,
): Promise<{ pair: string; result: ProposeResult }[]> {
  const model = await loadMentoring(root, { folder: options.folder });
  const target = await findMentoringBranch(root, { branch: options.branch });
  const base = target?.local ? target.branch : 'HEAD';
  const proposed: { pair: string; result: ProposeResult }[] = [];
  for (const match of matches) {
    const pair = pairIdOf(match.mentee, match.mentor);
    const text = newRelationshipPlan({
      mentee: match.mentee,
      mentor: match.mentor,
      initiatedBy: 'program',
      date: options.today,
      defaults: model.program?.data?.defaults,
      note: `Matched by the program with a score of ${match.score} of 100.`,
    });
    const result = await proposeOnBranch(root, {
      pair,
      what: 'relationship',
      date: options.today,
      folder: options.folder,
      base,
      paths: [toRel(root, planPath(model.folder, pair))],
      edit: (_path, atBase) => {
        if (atBase !== undefined) throw new Error(`${pair} already has a plan on ${base}`);
        return text;
      },
      message:
        `mentoring(${pair}): the program proposes ${match.mentor} as ${match.mentee}'s mentor\n\n` +
        `${match.mentee} and ${match.mentor} each accept or decline it with Mentoring: Review Mentoring Changes, ` +
        `or \`mentoring accept ${pair}\` / \`mentoring decline ${pair}\`.\n\n` +
        `${matchReasons(match)}\n\n${planChangeMarkdown(pair, planDiff(undefined, text))}`,
    });
    proposed.push({ pair, result });
  }
  return proposed;
}
