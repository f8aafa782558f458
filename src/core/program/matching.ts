// Matching mentees with mentors: every admissible pair scored from 0 to 100 with each
// criterion's part, the hard constraints never broken, the assignment with the best total score
// (solve.ts), and a few suggestions per mentee in which no popular mentor crowds out the rest.
// Pure apart from the solver: the same people, relationships and rules give the same result.
import type { Candidate, Criterion, MatchingRules, Strength } from './matchRules';
import { CRITERIA } from './matchRules';
import { overlapHours, weeklyUtc } from './overlap';
import { bestAssignment, type Arc } from './solve';

export interface CriterionPart {
  criterion: Criterion;
  strength: Strength;
  /** How well the pair meets it, 0-1. */
  fit: number;
  /** Its share of the score, in points (the parts add up to the score). */
  points: number;
  /** In words: which skills, which language, how many hours overlap. */
  detail: string;
}

export interface ScoredPair {
  mentee: string;
  mentor: string;
  score: number;
  parts: CriterionPart[];
}

export interface Exclusion {
  mentor: string;
  reason: string;
}

export interface MenteeMatch {
  mentee: string;
  /** The mentor the best assignment gives them. */
  match: ScoredPair | null;
  /** Why they have no match, when they have none. */
  reason: string | null;
  /** Their best admissible mentors, rationed (the match first). */
  suggestions: ScoredPair[];
  /** Mentors they cannot be matched with, and why. */
  excluded: Exclusion[];
}

export interface MatchResult {
  matches: ScoredPair[];
  total: number;
  mentees: MenteeMatch[];
  /** Mentors with places, and how many the assignment fills. */
  mentors: { handle: string; places: number; matched: number }[];
  /** People left out before scoring, and why (paused, already mentored, no capacity). */
  skipped: { handle: string; reason: string }[];
}

export interface MatchInput {
  people: Candidate[];
  /** Relationships at HEAD with their status. */
  relationships: { mentee: string; mentor: string; status: string | null }[];
  /** Relationship proposals not decided yet. */
  pending: { mentee: string; mentor: string }[];
  rules: MatchingRules;
  /** The day time-zone offsets are taken on. */
  today: string;
}

const WEIGHTS: Record<'must' | 'high' | 'medium' | 'low', number> = { must: 3, high: 3, medium: 2, low: 1 };
/** Overlap hours a week that count as a full fit. */
const FULL_OVERLAP_HOURS = 10;

export async function matchProgram(input: MatchInput): Promise<MatchResult> {
  const { mentees, mentors, skipped } = participants(input);
  const scored: ScoredPair[] = [];
  const excluded = new Map<string, Exclusion[]>();
  for (const mentee of mentees) {
    const list: Exclusion[] = [];
    for (const mentor of mentors.map((m) => m.person)) {
      const reason = hardConstraint(mentee, mentor, input);
      if (reason !== null) {
        if (reason !== '') list.push({ mentor: mentor.handle, reason });
        continue;
      }
      const pair = scorePair(mentee, mentor, input.rules, input.today);
      const unmet = pair.parts.find((part) => part.strength === 'must' && part.fit === 0);
      if (unmet) list.push({ mentor: mentor.handle, reason: `must: ${unmet.detail}` });
      else scored.push(pair);
    }
    excluded.set(mentee.handle, list);
  }
  const places = new Map(mentors.map((m) => [m.person.handle, m.places]));
  const arcs: Arc[] = scored.map((pair) => ({ mentee: pair.mentee, mentor: pair.mentor, score: pair.score }));
  const chosen = (await bestAssignment(arcs, places)).map((i) => scored[i]);
  const matchOf = new Map(chosen.map((pair) => [pair.mentee, pair]));
  const suggestions = rationed(scored, matchOf, input.rules.suggestions, mentees.length, mentors.length);
  return {
    matches: chosen.sort((a, b) => (a.mentee < b.mentee ? -1 : 1)),
    total: chosen.reduce((sum, pair) => sum + pair.score, 0),
    mentees: mentees.map((mentee) => {
      const match = matchOf.get(mentee.handle) ?? null;
      const own = scored.filter((pair) => pair.mentee === mentee.handle);
      return {
        mentee: mentee.handle,
        match,
        reason:
          match !== null
            ? null
            : own.length === 0
              ? mentors.length === 0
                ? 'no mentor has a place left'
                : 'no admissible mentor (see why for each)'
              : 'every admissible mentor’s places went to a better total',
        suggestions: suggestions.get(mentee.handle) ?? [],
        excluded: excluded.get(mentee.handle) ?? [],
      };
    }),
    mentors: mentors.map((m) => ({
      handle: m.person.handle,
      places: m.places,
      matched: chosen.filter((pair) => pair.mentor === m.person.handle).length,
    })),
    skipped,
  };
}

/** Mentees waiting for a mentor, and mentors with places: capacity less active, paused and pending relationships. */
function participants(input: MatchInput): {
  mentees: Candidate[];
  mentors: { person: Candidate; places: number }[];
  skipped: { handle: string; reason: string }[];
} {
  const skipped: { handle: string; reason: string }[] = [];
  const mentees: Candidate[] = [];
  const mentors: { person: Candidate; places: number }[] = [];
  const holds = (status: string | null): boolean => status === 'active' || status === 'paused';
  for (const person of [...input.people].sort((a, b) => (a.handle < b.handle ? -1 : 1))) {
    const isMentee = person.roles.includes('mentee');
    const isMentor = person.roles.includes('mentor') || person.capacity !== null;
    if (!isMentee && !isMentor) continue;
    if (person.paused) {
      skipped.push({ handle: person.handle, reason: 'paused' });
      continue;
    }
    if (isMentee) {
      if (input.relationships.some((r) => r.mentee === person.handle && holds(r.status)))
        skipped.push({ handle: person.handle, reason: 'has a mentor' });
      else if (input.pending.some((p) => p.mentee === person.handle))
        skipped.push({ handle: person.handle, reason: 'a relationship is proposed and waits for acceptance' });
      else mentees.push(person);
    }
    if (isMentor) {
      if (person.capacity === null) {
        skipped.push({ handle: person.handle, reason: 'no capacity in their people file' });
        continue;
      }
      const taken =
        input.relationships.filter((r) => r.mentor === person.handle && holds(r.status)).length +
        input.pending.filter((p) => p.mentor === person.handle).length;
      const places = person.capacity - taken;
      if (places <= 0) skipped.push({ handle: person.handle, reason: `no place left (capacity ${person.capacity})` });
      else mentors.push({ person, places });
    }
  }
  return { mentees, mentors, skipped };
}

/** Why `mentee` and `mentor` may not be matched at all; null when they may; '' for oneself (not worth saying). */
function hardConstraint(mentee: Candidate, mentor: Candidate, input: MatchInput): string | null {
  if (mentee.handle === mentor.handle) return '';
  if (mentee.doNotMatch.includes(mentor.handle) || mentor.doNotMatch.includes(mentee.handle)) return 'do not match';
  if (mentee.manager === mentor.handle) return 'is their manager';
  if (mentor.manager === mentee.handle) return 'reports to them';
  const before = input.relationships.find((r) => r.mentee === mentee.handle && r.mentor === mentor.handle);
  if (before && !input.rules.allowRematch) return `their relationship is ${before.status ?? 'on file'}`;
  if (before && (before.status === 'active' || before.status === 'paused' || before.status === 'proposed'))
    return `their relationship is ${before.status}`;
  if (!hasOverlap(mentee, mentor, input)) return `less than ${input.rules.minOverlapHours} hours a week in common`;
  return null;
}

function hasOverlap(mentee: Candidate, mentor: Candidate, input: MatchInput): boolean {
  if (input.rules.minOverlapHours === 0) return true;
  const a = weeklyUtc(mentee.timezone, mentee.availability, input.today);
  const b = weeklyUtc(mentor.timezone, mentor.availability, input.today);
  // An unknown zone cannot be checked; the time-zone criterion scores it 0 instead.
  return a === undefined || b === undefined || overlapHours(a, b) >= input.rules.minOverlapHours;
}

export function scorePair(mentee: Candidate, mentor: Candidate, rules: MatchingRules, today: string): ScoredPair {
  const fits = CRITERIA.map((criterion) => ({ criterion, ...fit(criterion, mentee, mentor, rules, today) }));
  const weight = (strength: Strength): number => (typeof strength === 'number' ? strength : WEIGHTS[strength]);
  const sum = fits.reduce((total, f) => total + weight(rules.strengths[f.criterion]), 0);
  const parts = fits.map((f) => {
    const strength = rules.strengths[f.criterion];
    const points = sum === 0 ? 0 : (100 * weight(strength) * f.fit) / sum;
    return { criterion: f.criterion, strength, fit: round(f.fit), points: round(points, 1), detail: f.detail };
  });
  const score =
    sum === 0
      ? 0
      : Math.round(fits.reduce((total, f) => total + weight(rules.strengths[f.criterion]) * f.fit, 0) * (100 / sum));
  return { mentee: mentee.handle, mentor: mentor.handle, score, parts };
}

function fit(
  criterion: Criterion,
  mentee: Candidate,
  mentor: Candidate,
  rules: MatchingRules,
  today: string,
): { fit: number; detail: string } {
  switch (criterion) {
    case 'skills': {
      if (mentee.wants.length === 0) return { fit: 0, detail: 'the mentee names no skills wanted' };
      const offered = expand(mentor.offers, rules);
      const covered = mentee.wants.filter((want) => [...expand([want], rules)].some((term) => offered.has(term)));
      return {
        fit: covered.length / mentee.wants.length,
        detail:
          covered.length === 0
            ? 'no skill wanted is offered'
            : `offers ${covered.join(', ')} (${covered.length} of ${mentee.wants.length} wanted)`,
      };
    }
    case 'languages': {
      if (mentee.languages.length === 0 || mentor.languages.length === 0)
        return { fit: 1, detail: 'languages not stated' };
      const common = mentee.languages.filter((language) => mentor.languages.includes(language));
      return {
        fit: common.length > 0 ? 1 : 0,
        detail: common.length > 0 ? `speak ${common.join(', ')}` : 'no language in common',
      };
    }
    case 'timezone': {
      const a = weeklyUtc(mentee.timezone, mentee.availability, today);
      const b = weeklyUtc(mentor.timezone, mentor.availability, today);
      if (a === undefined || b === undefined) return { fit: 0, detail: 'unknown time zone' };
      const hours = overlapHours(a, b);
      return { fit: Math.min(1, hours / FULL_OVERLAP_HOURS), detail: `${hours} hours a week in common` };
    }
    case 'values': {
      if (mentee.values.length === 0) return { fit: 0, detail: 'the mentee names no values' };
      const common = mentee.values.filter((value) => mentor.values.includes(value));
      return {
        fit: common.length / mentee.values.length,
        detail: common.length > 0 ? `share ${common.join(', ')}` : 'no value in common',
      };
    }
  }
}

/** A term and every term it also means, through the taxonomy's synonyms. */
function expand(terms: string[], rules: MatchingRules): Set<string> {
  const out = new Set<string>();
  const visit = (term: string): void => {
    if (out.has(term)) return;
    out.add(term);
    for (const broader of rules.implies.get(term) ?? []) visit(broader);
  };
  terms.forEach(visit);
  return out;
}

/**
 * Up to `count` suggestions per mentee, their match first. Pairs are taken best first, and each
 * mentor is suggested to at most their fair share of mentees (suggestions × mentees ÷ mentors,
 * rounded up), so one popular mentor is not everyone's only suggestion; a mentee left short
 * after that is topped up from their remaining pairs.
 */
function rationed(
  scored: ScoredPair[],
  matchOf: ReadonlyMap<string, ScoredPair>,
  count: number,
  mentees: number,
  mentors: number,
): Map<string, ScoredPair[]> {
  const quota = Math.max(1, Math.ceil((count * mentees) / Math.max(1, mentors)));
  const order = [...scored].sort(
    (a, b) => b.score - a.score || (a.mentee < b.mentee ? -1 : a.mentee > b.mentee ? 1 : a.mentor < b.mentor ? -1 : 1),
  );
  const out = new Map<string, ScoredPair[]>();
  const used = new Map<string, number>();
  const take = (pair: ScoredPair): void => {
    out.set(pair.mentee, [...(out.get(pair.mentee) ?? []), pair]);
    used.set(pair.mentor, (used.get(pair.mentor) ?? 0) + 1);
  };
  for (const pair of matchOf.values()) take(pair);
  const has = (pair: ScoredPair): boolean => (out.get(pair.mentee) ?? []).includes(pair);
  for (const pair of order)
    if (!has(pair) && (out.get(pair.mentee)?.length ?? 0) < count && (used.get(pair.mentor) ?? 0) < quota) take(pair);
  for (const pair of order) if (!has(pair) && (out.get(pair.mentee)?.length ?? 0) < count) take(pair);
  for (const [mentee, list] of out) {
    const match = matchOf.get(mentee);
    out.set(mentee, [
      ...(match ? [match] : []),
      ...list.filter((pair) => pair !== match).sort((a, b) => b.score - a.score || (a.mentor < b.mentor ? -1 : 1)),
    ]);
  }
  return out;
}

function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
