// What matching reads from program.yaml and the people files, checked: criteria strengths, the
// skills taxonomy with its synonyms, the minimum time-zone overlap, suggestions per mentee, and
// each person's capacity, skills, languages, time zone, weekly availability, manager,
// do-not-match list and pause. Anything missing or malformed takes the documented default.
import type { Person, Program } from '../folder/model';

export const CRITERIA = ['skills', 'languages', 'timezone', 'values'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type Strength = 'must' | 'high' | 'medium' | 'low' | number;

export interface MatchingRules {
  strengths: Record<Criterion, Strength>;
  /** term → the terms it also means (`react` → `frontend`), all normalised. */
  implies: Map<string, string[]>;
  minOverlapHours: number;
  suggestions: number;
  /** Whether two people whose relationship ended may be matched again. */
  allowRematch: boolean;
}

export const DEFAULT_STRENGTHS: Record<Criterion, Strength> = {
  skills: 'high',
  languages: 'must',
  timezone: 'medium',
  values: 'low',
};

export interface Candidate {
  handle: string;
  roles: string[];
  /** Concurrent mentees; null when the file does not say (then they take none through matching). */
  capacity: number | null;
  offers: string[];
  wants: string[];
  languages: string[];
  values: string[];
  timezone: string | null;
  /** Weekly windows `mon 09:00-17:00` in their own time zone; null: not stated. */
  availability: string[] | null;
  manager: string | null;
  doNotMatch: string[];
  paused: boolean;
}

export function matchingRules(program: Program | undefined): MatchingRules {
  const raw = (isRecord(program?.matching) ? program.matching : {}) as Record<string, unknown>;
  const criteria = isRecord(raw.criteria) ? raw.criteria : {};
  const strengths = { ...DEFAULT_STRENGTHS };
  for (const criterion of CRITERIA) {
    const value = criteria[criterion];
    if (value === 'must' || value === 'high' || value === 'medium' || value === 'low') strengths[criterion] = value;
    else if (typeof value === 'number' && Number.isFinite(value) && value >= 0) strengths[criterion] = value;
  }
  const implies = new Map<string, string[]>();
  if (isRecord(raw.taxonomy)) {
    for (const [term, synonyms] of Object.entries(raw.taxonomy)) {
      if (!Array.isArray(synonyms)) continue;
      for (const synonym of synonyms.filter((s): s is string => typeof s === 'string')) {
        const key = normalise(synonym);
        implies.set(key, [...(implies.get(key) ?? []), normalise(term)]);
      }
    }
  }
  const number = (value: unknown, fallback: number, min: number, max: number): number =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
  return {
    strengths,
    implies,
    minOverlapHours: number(raw.min_overlap_hours, 2, 0, 168),
    suggestions: Math.floor(number(raw.suggestions, 3, 1, 20)),
    allowRematch: raw.allow_rematch === true,
  };
}

/** A person's file as matching reads it; `offers`/`wants` fall back to `skills_offered`/`goals_sought`. */
export function candidateOf(person: Person): Candidate {
  const list = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map(normalise) : [];
  const handles = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return {
    handle: person.handle,
    roles: handles(person.roles),
    capacity:
      typeof person.capacity === 'number' && Number.isInteger(person.capacity) && person.capacity >= 0
        ? person.capacity
        : null,
    offers: list(person.offers ?? person.skills_offered),
    wants: list(person.wants ?? person.goals_sought),
    languages: list(person.languages),
    values: list(person.values),
    timezone: typeof person.timezone === 'string' ? person.timezone : null,
    availability: Array.isArray(person.availability) ? handles(person.availability) : null,
    manager: typeof person.manager === 'string' ? person.manager : null,
    doNotMatch: handles(person.do_not_match),
    paused: person.paused === true,
  };
}

/** `System Design` and `system-design` are one term. */
export function normalise(term: string): string {
  return term
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
