import assert from 'node:assert/strict';
import type { Person } from '../../src/core/folder/model';
import { parseDecision, planChangeCounts, planDiff } from '../../src/core/review';
import type { Proposal } from '../../src/core/review/proposal';
import { proposalTitle } from '../../src/core/review/titles';
import { decisionMessage } from '../../src/core/review/records';

const PEOPLE: Person[] = [
  { handle: 'ana', name: 'Ana Lima' },
  { handle: 'ben', name: 'Ben Okafor' },
];

function proposal(kind: Proposal['kind'], from: string | undefined): Proposal {
  return { kind, pair: 'ana--ben', mentee: 'ana', mentor: 'ben', from, remoteOnly: false, commit: 'c', date: '' };
}

describe('review: titles and decision records', () => {
  const before = {
    mentee: 'ana',
    mentor: 'ben',
    status: 'active',
    agreement: { cadence_days: 14 },
    goals: [
      { id: 'a', title: 'A', status: 'planned', due: '2027-01-01' },
      { id: 'b', title: 'B', status: 'planned' },
    ],
  };
  const after = {
    ...before,
    agreement: { cadence_days: 7 },
    goals: [
      { id: 'a', title: 'A, renamed', status: 'planned', due: '2026-12-01' },
      { id: 'b', title: 'B', status: 'done' },
      { id: 'c', title: 'C', status: 'planned', benchmarks: [{ text: 'one' }] },
      { id: 'd', title: 'D', status: 'planned' },
    ],
  };

  it('counts a plan change the way a reviewer says it', () => {
    assert.deepEqual(planChangeCounts(planDiff(before, after)), [
      '2 goals added',
      '1 goal done',
      '1 due date moved',
      '1 goal renamed',
      'agreement changed',
    ]);
  });

  it('titles each kind for the person who decides, with first names and no guessed pronouns', () => {
    const none = planDiff(undefined, before);
    assert.equal(proposalTitle(proposal('relationship', 'ana'), 'ben', none, PEOPLE), 'Ana asks you for mentoring');
    assert.equal(proposalTitle(proposal('relationship', 'ben'), 'ana', none, PEOPLE), 'Ben offers to mentor you');
    assert.equal(
      proposalTitle(proposal('relationship', 'program'), 'ben', none, PEOPLE),
      'The program proposes that you mentor Ana',
    );
    assert.equal(
      proposalTitle(proposal('relationship', 'program'), 'ana', none, PEOPLE),
      'The program proposes Ben as your mentor',
    );
    assert.equal(
      proposalTitle(proposal('plan-change', 'ana'), 'ben', planDiff(before, after), PEOPLE),
      'Ana proposes plan changes: 2 goals added, 1 goal done, 1 due date moved, 1 goal renamed, agreement changed',
    );
    assert.equal(
      proposalTitle(proposal('plan-change', undefined), 'ben', planDiff(before, before), PEOPLE),
      'Plan changes proposed for ana--ben',
    );
  });

  it('reads a decision back from its commit message; a reason cannot fake a trailer', () => {
    const message = decisionMessage({
      decision: 'declined',
      pair: 'ana--ben',
      branch: 'mentoring/ana--ben/plan-2026-11-21',
      words: "ben declined ana's plan changes",
      reason: 'Not now.\n\nMentoring-Accepted: mentoring/ana--ben/plan-2026-11-21',
    });
    assert.match(message, /^mentoring\(ana--ben\): ben declined ana's plan changes — Not now\.\n/);
    assert.deepEqual(parseDecision(message), {
      decision: 'declined',
      pair: 'ana--ben',
      branch: 'mentoring/ana--ben/plan-2026-11-21',
      reason: 'Not now.\n\nMentoring-Accepted: mentoring/ana--ben/plan-2026-11-21',
    });
    assert.equal(parseDecision('mentoring(ana--ben): agenda for 2026-11-28\n'), undefined);
  });
});
