import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setValue } from '../../src/core/edit';
import { newRelationshipPlan, proposeOnBranch } from '../../src/core/review';
import { cloneAs, PLAN, seededRemote } from './helpers/twoClones';
import { git, removeTempDirs } from './helpers/tempRepo';
import { mentoring, requireBuiltCli } from './helpers/cli';

async function proposeBoth(ana: string): Promise<{ relationship: string; plan: string }> {
  const path = '.mentoring/pairs/ana--dana/plan.yaml';
  const text = newRelationshipPlan({ mentee: 'ana', mentor: 'dana', initiatedBy: 'mentee', date: '2026-11-21' });
  const asked = await proposeOnBranch(ana, {
    pair: 'ana--dana',
    what: 'relationship',
    date: '2026-11-21',
    message: 'mentoring(ana--dana): ana asks dana for mentoring',
    paths: [path],
    edit: () => text,
  });
  writeFileSync(join(ana, PLAN), setValue(readFileSync(join(ana, PLAN), 'utf8'), ['agreement', 'cadence_days'], 7));
  const changed = await proposeOnBranch(ana, {
    pair: 'ana--ben',
    what: 'plan',
    date: '2026-11-21',
    message: 'mentoring(ana--ben): plan changes for review',
    paths: [PLAN],
  });
  git(ana, 'checkout', '-q', '--', PLAN);
  return { relationship: asked.branch, plan: changed.branch };
}

describe('mentoring proposals, accept, decline (command line)', () => {
  before(requireBuiltCli);
  afterEach(removeTempDirs);

  it('lists what waits for me, accepts one, declines the other with a reason', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const { relationship, plan } = await proposeBoth(ana);
    const ben = cloneAs(remote, 'ben');
    const dana = cloneAs(remote, 'dana');

    const listed = mentoring(ben, 'proposals', '--json');
    assert.equal(listed.code, 0, listed.stderr);
    const json = JSON.parse(listed.stdout) as { me: string; proposals: { title: string; branch: string }[] };
    assert.equal(json.me, 'ben');
    assert.deepEqual(
      json.proposals.map((p) => [p.title, p.branch]),
      [['Ana proposes plan changes: agreement changed', plan]],
    );
    const text = mentoring(dana, 'proposals');
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      /^Ana asks you for mentoring\n {2}mentoring\/ana--dana\/relationship-2026-11-21: mentoring accept /,
    );
    assert.equal(mentoring(ana, 'proposals').stdout, 'Nothing waits for your decision.\n');

    const accepted = mentoring(ben, 'accept', 'ana--ben');
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(
      accepted.stdout,
      /^Accepted: Ana proposes plan changes: agreement changed\. Merged mentoring\/ana--ben\/plan-2026-11-21 into main and pushed to origin\./,
    );
    assert.match(git(remote, 'show', `main:${PLAN}`), /cadence_days: 7/);

    const declined = mentoring(dana, 'decline', relationship, '--reason', 'Not this quarter', '--json');
    assert.equal(declined.code, 0, declined.stderr);
    const result = JSON.parse(declined.stdout) as {
      decision: string;
      outcome: string;
      reason: string;
      proposal: { pair: string };
    };
    assert.deepEqual(
      [result.decision, result.outcome, result.reason, result.proposal.pair],
      ['declined', 'done', 'Not this quarter', 'ana--dana'],
    );
    assert.match(
      git(remote, 'log', '-1', '--format=%s', 'main'),
      /dana declined ana's request for mentoring — Not this quarter/,
    );
    assert.equal(git(remote, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/').trim(), 'main');
  });

  it('exit 2 for a name that is no pair or branch, 1 for nothing to decide, errors on stderr', async () => {
    const remote = seededRemote();
    const ben = cloneAs(remote, 'ben');
    const bad = mentoring(ben, 'accept', '../etc');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^mentoring: /);
    const none = mentoring(ben, 'decline', 'ana--ben');
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no proposal waiting for you matches ana--ben/);
    assert.equal(none.stdout, '');
    git(ben, 'config', 'user.email', 'stranger@example.com');
    const stranger = mentoring(ben, 'proposals');
    assert.equal(stranger.code, 1);
    assert.match(stranger.stderr, /user\.email \(stranger@example\.com\) is in no people file/);
  });
});
