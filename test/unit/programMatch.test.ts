import assert from 'node:assert/strict';
import { matchProgram, scorePair, type MatchInput } from '../../src/core/program/matching';
import { matchingRules, type Candidate } from '../../src/core/program/matchRules';
import { overlapHours, weeklyUtc } from '../../src/core/program/overlap';

const TODAY = '2026-03-05';

function person(handle: string, extra: Partial<Candidate> = {}): Candidate {
  return {
    handle,
    roles: [],
    capacity: null,
    offers: [],
    wants: [],
    languages: [],
    values: [],
    timezone: 'UTC',
    availability: null,
    manager: null,
    doNotMatch: [],
    paused: false,
    ...extra,
  };
}

/** A small deterministic pseudo-random generator, so a failing program can be rebuilt from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function randomProgram(seed: number): MatchInput {
  const next = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const some = <T>(list: T[]): T[] => list.filter(() => next() < 0.4);
  const skills = ['react', 'frontend', 'go', 'sql', 'design', 'talks'];
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];
  const people: Candidate[] = [];
  const mentees = 1 + Math.floor(next() * 5);
  const mentors = 1 + Math.floor(next() * 3);
  for (let i = 0; i < mentees; i++)
    people.push(
      person(`e${i}`, {
        roles: ['mentee'],
        wants: some(skills),
        languages: some(['en', 'de']),
        values: some(['care', 'candour']),
        timezone: pick(zones),
      }),
    );
  for (let i = 0; i < mentors; i++)
    people.push(
      person(`r${i}`, {
        roles: ['mentor'],
        capacity: Math.floor(next() * 3),
        offers: some(skills),
        languages: some(['en', 'de']),
        values: some(['care', 'candour']),
        timezone: pick(zones),
      }),
    );
  for (const p of people) {
    if (next() < 0.2) p.doNotMatch = [pick(people).handle];
    if (next() < 0.2) p.manager = pick(people).handle;
  }
  const rules = matchingRules({
    name: 'random',
    matching: {
      criteria: { skills: pick(['must', 'high', 2.5]), languages: pick(['must', 'low']), values: pick(['low', 0]) },
      min_overlap_hours: pick([0, 2, 6]),
      taxonomy: { frontend: ['react'] },
    },
  });
  return { people, relationships: [], pending: [], rules, today: TODAY };
}

/** Written apart from the code under test: may these two be matched? */
function allowed(input: MatchInput, mentee: Candidate, mentor: Candidate): boolean {
  if (mentee.handle === mentor.handle || mentor.capacity === null || mentor.capacity === 0) return false;
  if (mentee.doNotMatch.includes(mentor.handle) || mentor.doNotMatch.includes(mentee.handle)) return false;
  if (mentee.manager === mentor.handle || mentor.manager === mentee.handle) return false;
  const a = weeklyUtc(mentee.timezone, mentee.availability, TODAY);
  const b = weeklyUtc(mentor.timezone, mentor.availability, TODAY);
  if (a && b && input.rules.minOverlapHours > 0 && overlapHours(a, b) < input.rules.minOverlapHours) return false;
  const pair = scorePair(mentee, mentor, input.rules, TODAY);
  return !pair.parts.some((part) => part.strength === 'must' && part.fit === 0);
}

function bruteForce(input: MatchInput): number {
  const mentees = input.people.filter((p) => p.roles.includes('mentee'));
  const mentors = input.people.filter((p) => p.roles.includes('mentor'));
  let best = 0;
  const used = new Map<string, number>();
  const walk = (i: number, total: number): void => {
    if (i === mentees.length) {
      best = Math.max(best, total);
      return;
    }
    walk(i + 1, total);
    for (const mentor of mentors) {
      if (!allowed(input, mentees[i], mentor) || (used.get(mentor.handle) ?? 0) >= (mentor.capacity ?? 0)) continue;
      used.set(mentor.handle, (used.get(mentor.handle) ?? 0) + 1);
      walk(i + 1, total + scorePair(mentees[i], mentor, input.rules, TODAY).score);
      used.set(mentor.handle, (used.get(mentor.handle) ?? 0) - 1);
    }
  };
  walk(0, 0);
  return best;
}

describe('matching', () => {
  it('finds the best total on 200 small random programs and never breaks a constraint', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const input = randomProgram(seed);
      const result = await matchProgram(input);
      assert.equal(result.total, bruteForce(input), `seed ${seed}`);
      const byHandle = new Map(input.people.map((p) => [p.handle, p]));
      const load = new Map<string, number>();
      for (const match of result.matches) {
        const mentee = byHandle.get(match.mentee) as Candidate;
        const mentor = byHandle.get(match.mentor) as Candidate;
        assert.ok(allowed(input, mentee, mentor), `seed ${seed}: ${match.mentee}--${match.mentor} breaks a rule`);
        load.set(match.mentor, (load.get(match.mentor) ?? 0) + 1);
      }
      for (const [mentor, count] of load) assert.ok(count <= (byHandle.get(mentor)?.capacity ?? 0), `seed ${seed}`);
      assert.equal(new Set(result.matches.map((m) => m.mentee)).size, result.matches.length, `seed ${seed}`);
    }
  });

  it('gives the same result for the same program', async () => {
    for (const seed of [3, 17, 42]) {
      const first = await matchProgram(randomProgram(seed));
      const again = await matchProgram(randomProgram(seed));
      assert.deepEqual(again, first);
    }
  });

  it('scores with each criterion’s part, and synonyms from the taxonomy count', async () => {
    const rules = matchingRules({
      name: 'p',
      matching: {
        criteria: { skills: 'high', languages: 'must', timezone: 0, values: 'low' },
        taxonomy: { frontend: ['react'] },
      },
    });
    const ana = person('ana', { roles: ['mentee'], wants: ['frontend', 'go'], languages: ['en'], values: ['care'] });
    const ben = person('ben', {
      roles: ['mentor'],
      capacity: 1,
      offers: ['react'],
      languages: ['en', 'de'],
      values: ['care'],
    });
    const pair = scorePair(ana, ben, rules, TODAY);
    // skills 3 × 1/2, languages 3 × 1, values 1 × 1 of a weight of 7: (1.5 + 3 + 1) / 7 = 78.6%.
    assert.equal(pair.score, 79);
    assert.deepEqual(
      pair.parts.map((p) => [p.criterion, p.points, p.detail]),
      [
        ['skills', 21.4, 'offers frontend (1 of 2 wanted)'],
        ['languages', 42.9, 'speak en'],
        ['timezone', 0, '40 hours a week in common'],
        ['values', 14.3, 'share care'],
      ],
    );
  });

  it('reports someone with no admissible mentor, with the reason for each', async () => {
    const rules = matchingRules({ name: 'p', matching: { min_overlap_hours: 3 } });
    const input: MatchInput = {
      people: [
        person('ana', { roles: ['mentee'], languages: ['de'], manager: 'ben', wants: ['go'] }),
        person('ben', { roles: ['mentor'], capacity: 2, languages: ['de'], offers: ['go'] }),
        person('cy', { roles: ['mentor'], capacity: 1, languages: ['en'], offers: ['go'] }),
        person('dan', {
          roles: ['mentor'],
          capacity: 1,
          timezone: 'Pacific/Auckland',
          availability: ['mon 09:00-10:00'],
          offers: ['go'],
        }),
        person('eve', { roles: ['mentor'], capacity: 1, doNotMatch: ['ana'] }),
        person('fay', { roles: ['mentor'], capacity: 1 }),
        person('gus', { roles: ['mentee'], paused: true }),
      ],
      relationships: [{ mentee: 'fay-old', mentor: 'fay', status: 'active' }],
      pending: [],
      rules,
      today: TODAY,
    };
    input.relationships.push({ mentee: 'ana', mentor: 'fay', status: 'ended' });
    const result = await matchProgram(input);
    assert.deepEqual(result.matches, []);
    const ana = result.mentees.find((m) => m.mentee === 'ana');
    assert.equal(ana?.reason, 'no admissible mentor (see why for each)');
    assert.deepEqual(ana?.excluded, [
      { mentor: 'ben', reason: 'is their manager' },
      { mentor: 'cy', reason: 'must: no language in common' },
      { mentor: 'dan', reason: 'less than 3 hours a week in common' },
      { mentor: 'eve', reason: 'do not match' },
    ]);
    assert.deepEqual(result.skipped, [
      { handle: 'fay', reason: 'no place left (capacity 1)' },
      { handle: 'gus', reason: 'paused' },
    ]);
  });

  it('rations suggestions so a popular mentor is not everyone’s only one', async () => {
    const rules = matchingRules({ name: 'p', matching: { suggestions: 2 } });
    const mentees = ['a', 'b', 'c', 'd'].map((h) => person(h, { roles: ['mentee'], wants: ['go', 'sql'] }));
    const star = person('star', { roles: ['mentor'], capacity: 1, offers: ['go', 'sql'] });
    const others = ['m1', 'm2', 'm3'].map((h) => person(h, { roles: ['mentor'], capacity: 1, offers: ['go'] }));
    const result = await matchProgram({
      people: [...mentees, star, ...others],
      relationships: [],
      pending: [],
      rules,
      today: TODAY,
    });
    const withStar = result.mentees.filter((m) => m.suggestions.some((s) => s.mentor === 'star')).length;
    // 2 suggestions × 4 mentees ÷ 4 mentors: each mentor is suggested to at most 2 mentees.
    assert.equal(withStar, 2);
    for (const m of result.mentees) assert.equal(m.suggestions.length, 2, m.mentee);
    assert.equal(result.matches.length, 4);
  });
});
