import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { accept, decline } from '../../src/core/app/decide';
import { addGoal, setValue } from '../../src/core/edit';
import {
  DecideError,
  newRelationshipPlan,
  pendingProposals,
  proposalsFor,
  proposeOnBranch,
  readDecisions,
} from '../../src/core/review';
import { cloneAs, model, PLAN, seededRemote, snapshot } from './helpers/twoClones';
import { git, removeTempDirs } from './helpers/tempRepo';

const TODAY = '2026-11-22';
const DANA_PLAN = '.mentoring/pairs/ana--dana/plan.yaml';

/** Ana, in her clone, asks Dana for mentoring: a pushed review branch. */
async function anaAsksDana(ana: string): Promise<string> {
  const text = newRelationshipPlan({ mentee: 'ana', mentor: 'dana', initiatedBy: 'mentee', date: '2026-11-21' });
  const result = await proposeOnBranch(ana, {
    pair: 'ana--dana',
    what: 'relationship',
    date: '2026-11-21',
    message: 'mentoring(ana--dana): ana asks dana for mentoring',
    paths: [DANA_PLAN],
    edit: () => text,
  });
  assert.equal(result.pushed, true, result.pushError);
  return result.branch;
}

/** Ana, in her clone, proposes a goal and an earlier due date for ana--ben. */
async function anaProposesPlanChanges(ana: string): Promise<{ branch: string; proposed: string }> {
  let plan = readFileSync(join(ana, PLAN), 'utf8');
  plan = addGoal(plan, { id: 'mentoring-skills', title: 'Mentor a new joiner', status: 'planned' });
  plan = setValue(plan, ['goals', 0, 'due'], '2026-12-15');
  writeFileSync(join(ana, PLAN), plan);
  const result = await proposeOnBranch(ana, {
    pair: 'ana--ben',
    what: 'plan',
    date: '2026-11-21',
    message: 'mentoring(ana--ben): plan changes for review',
    paths: [PLAN],
  });
  git(ana, 'checkout', '-q', '--', PLAN);
  assert.equal(result.pushed, true, result.pushError);
  return { branch: result.branch, proposed: plan };
}

function remoteBranches(remote: string): string {
  return git(remote, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/');
}

describe('review: proposals that concern me, with titles', () => {
  afterEach(removeTempDirs);

  it('lists only what the other side proposed to me, titled in my words', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    await anaAsksDana(ana);
    await anaProposesPlanChanges(ana);
    const ben = cloneAs(remote, 'ben');
    const dana = cloneAs(remote, 'dana');
    const cleo = cloneAs(remote, 'cleo');

    const forBen = await proposalsFor(ben, await model(ben), 'ben');
    assert.deepEqual(
      forBen.map((p) => [p.kind, p.title, p.branch]),
      [
        [
          'plan-change',
          'Ana proposes plan changes: 1 goal added, 1 due date moved',
          'mentoring/ana--ben/plan-2026-11-21',
        ],
      ],
    );
    assert.deepEqual(forBen[0].changes, ['1 goal added', '1 due date moved']);
    const forDana = await proposalsFor(dana, await model(dana), 'dana');
    assert.deepEqual(
      forDana.map((p) => p.title),
      ['Ana asks you for mentoring'],
    );
    assert.deepEqual(await proposalsFor(ana, await model(ana), 'ana'), [], 'my own proposals wait for the others');
    assert.deepEqual(await proposalsFor(cleo, await model(cleo), 'cleo'), [], 'not about my mentoring');
  });
});

describe('review: accept', () => {
  afterEach(removeTempDirs);

  it('a relationship: active with who and when on the remote default branch, never forced, branch gone', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const branch = await anaAsksDana(ana);
    const dana = cloneAs(remote, 'dana');
    const oldTip = git(remote, 'rev-parse', 'main').trim();

    const result = await accept(dana, { proposal: 'ana--dana', model: await model(dana), me: 'dana', today: TODAY });

    assert.equal(result.outcome, 'done', result.message);
    assert.equal(result.pushed, true);
    assert.equal(result.local, 'checked-out');
    const newTip = git(remote, 'rev-parse', 'main').trim();
    git(remote, 'merge-base', '--is-ancestor', oldTip, newTip); // throws when forced
    const plan = parse(git(remote, 'show', `main:${DANA_PLAN}`)) as Record<string, unknown>;
    assert.equal(plan.status, 'active');
    assert.deepEqual(plan.accepted_by, ['dana']);
    assert.equal(plan.accepted, TODAY);
    assert.equal(plan.started, TODAY);
    assert.doesNotMatch(git(remote, 'show', `main:${DANA_PLAN}`), /Pending until/);
    assert.equal(remoteBranches(remote).trim(), 'main', 'the review branch is deleted on the remote');
    assert.match(git(remote, 'log', '-1', '--format=%B', 'main'), /^Mentoring-Accepted: mentoring\/ana--dana\//m);
    assert.equal(git(remote, 'rev-list', '--count', '--merges', `${oldTip}..main`).trim(), '1');
    assert.match(result.message, /^Accepted: Ana asks you for mentoring\. ana--dana is active now\./);

    // Dana was on main: her working tree has it, nothing left to commit.
    assert.equal(git(dana, 'rev-parse', 'HEAD').trim(), newTip);
    assert.equal(git(dana, 'status', '--porcelain').trim(), '');
    assert.equal(readFileSync(join(dana, DANA_PLAN), 'utf8'), git(remote, 'show', `main:${DANA_PLAN}`));

    // Ana, after a fetch, has nothing pending.
    git(ana, 'fetch', '-q', '--prune');
    assert.deepEqual(await pendingProposals(ana), []);
    assert.ok(branch);
  });

  it("a program's match starts only once both have accepted", async () => {
    const remote = seededRemote();
    const cleo = cloneAs(remote, 'cleo');
    const text = newRelationshipPlan({ mentee: 'ana', mentor: 'dana', initiatedBy: 'program', date: '2026-11-21' });
    await proposeOnBranch(cleo, {
      pair: 'ana--dana',
      what: 'match',
      date: '2026-11-21',
      message: 'mentoring(ana--dana): the program matches ana with dana',
      paths: [DANA_PLAN],
      edit: () => text,
    });
    const dana = cloneAs(remote, 'dana');
    const first = await accept(dana, { proposal: 'ana--dana', model: await model(dana), me: 'dana', today: TODAY });
    assert.equal(first.outcome, 'waiting', first.message);
    assert.equal(first.waitingFor, 'ana');
    assert.match(first.message, /ana--dana starts once ana accepts too/);
    assert.deepEqual(await proposalsFor(dana, await model(dana), 'dana'), [], 'dana has decided');
    assert.doesNotMatch(git(remote, 'ls-tree', '-r', '--name-only', 'main'), /ana--dana/);

    const ana = cloneAs(remote, 'ana');
    const [waiting] = await proposalsFor(ana, await model(ana), 'ana');
    assert.equal(waiting.title, 'The program proposes Dana as your mentor');
    const second = await accept(ana, { proposal: 'ana--dana', model: await model(ana), me: 'ana', today: TODAY });
    assert.equal(second.outcome, 'done', second.message);
    const plan = parse(git(remote, 'show', `main:${DANA_PLAN}`)) as Record<string, unknown>;
    assert.equal(plan.status, 'active');
    assert.deepEqual(plan.accepted_by, ['dana', 'ana']);
  });

  it('a plan change: the default branch has exactly the proposed plan', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const { branch, proposed } = await anaProposesPlanChanges(ana);
    const ben = cloneAs(remote, 'ben');

    const result = await accept(ben, { proposal: branch, model: await model(ben), me: 'ben', today: TODAY });

    assert.equal(result.outcome, 'done', result.message);
    assert.equal(git(remote, 'show', `main:${PLAN}`), proposed);
    assert.deepEqual(result.branchDeleted, { local: false, remote: true });
    assert.equal(remoteBranches(remote).trim(), 'main');
  });

  it('on a feature branch: working tree, index and branch byte-identical; local main follows', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const { proposed } = await anaProposesPlanChanges(ana);
    const ben = cloneAs(remote, 'ben');
    git(ben, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(ben, 'README.md'), 'staged\n');
    git(ben, 'add', 'README.md');
    writeFileSync(join(ben, 'README.md'), 'staged, then edited\n');
    writeFileSync(join(ben, PLAN), 'my own edit, not committed\n');
    writeFileSync(join(ben, 'scratch.txt'), 'untracked\n');
    const before = snapshot(ben);
    const planBefore = readFileSync(join(ben, PLAN), 'utf8');

    const result = await accept(ben, { proposal: 'ana--ben', model: await model(ben), me: 'ben', today: TODAY });

    assert.equal(result.outcome, 'done', result.message);
    assert.equal(result.local, 'moved');
    assert.deepEqual(snapshot(ben), before);
    assert.equal(readFileSync(join(ben, PLAN), 'utf8'), planBefore);
    assert.equal(git(ben, 'rev-parse', 'main').trim(), git(remote, 'rev-parse', 'main').trim());
    assert.equal(git(ben, 'show', `main:${PLAN}`), proposed);
  });

  it('on the mentoring branch, not pulled yet: merged and pushed, my checkout left for me to pull', async () => {
    const remote = seededRemote();
    const ben = cloneAs(remote, 'ben');
    const ana = cloneAs(remote, 'ana');
    writeFileSync(join(ana, 'README.md'), 'readme, moved on\n');
    git(ana, 'commit', '-q', '-am', 'readme');
    git(ana, 'push', '-q');
    const { proposed } = await anaProposesPlanChanges(ana);
    const before = snapshot(ben);

    const result = await accept(ben, { proposal: 'ana--ben', model: await model(ben), me: 'ben', today: TODAY });

    assert.equal(result.outcome, 'done', result.message);
    assert.equal(result.local, 'behind');
    assert.match(result.message, /Pull main to see it here\./);
    assert.deepEqual(snapshot(ben), before);
    assert.equal(git(remote, 'show', `main:${PLAN}`), proposed);
    assert.equal(git(remote, 'show', 'main:README.md'), 'readme, moved on\n');
  });

  it('on the mentoring branch with my own change to the plan: refused, nothing changed anywhere', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    await anaProposesPlanChanges(ana);
    const ben = cloneAs(remote, 'ben');
    writeFileSync(join(ben, PLAN), readFileSync(join(ben, PLAN), 'utf8') + '# mine\n');
    const before = snapshot(ben);
    const remoteBefore = git(remote, 'rev-parse', 'main');

    await assert.rejects(
      accept(ben, { proposal: 'ana--ben', model: await model(ben), me: 'ben', today: TODAY }),
      /your uncommitted change to \.mentoring\/pairs\/ana--ben\/plan\.yaml is in the way/,
    );
    assert.deepEqual(snapshot(ben), before);
    assert.equal(git(remote, 'rev-parse', 'main'), remoteBefore);
  });

  it('a protected branch: nothing merged, the acceptance goes on the review branch for the pull request', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const branch = await anaAsksDana(ana);
    const dana = cloneAs(remote, 'dana');
    writeFileSync(
      join(remote, 'hooks/pre-receive'),
      '#!/bin/sh\nwhile read old new ref; do [ "$ref" = refs/heads/main ] && { echo "main is protected" >&2; exit 1; }; done\nexit 0\n',
      { mode: 0o755 },
    );
    const mainBefore = git(remote, 'rev-parse', 'main');
    const danaBefore = snapshot(dana);

    const result = await accept(dana, { proposal: branch, model: await model(dana), me: 'dana', today: TODAY });

    assert.equal(result.outcome, 'refused');
    assert.match(result.refused ?? '', /origin refused the push to main/);
    assert.match(
      result.message,
      /^Not merged yet: .*Your acceptance is on mentoring\/ana--dana\/relationship-2026-11-21/,
    );
    assert.equal(git(remote, 'rev-parse', 'main'), mainBefore);
    assert.deepEqual(snapshot(dana), danaBefore);
    const onBranch = parse(git(remote, 'show', `${branch}:${DANA_PLAN}`)) as Record<string, unknown>;
    assert.equal(onBranch.status, 'active');
    assert.deepEqual(onBranch.accepted_by, ['dana']);
  });

  it('refuses what is not mine to decide, and names the branches when a pair has two', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    await anaProposesPlanChanges(ana);
    const anaModel = await model(ana);
    await assert.rejects(accept(ana, { proposal: 'ana--ben', model: anaModel, me: 'ana', today: TODAY }), (error) => {
      assert.ok(error instanceof DecideError);
      assert.match(error.message, /not yours to decide/);
      return true;
    });
    writeFileSync(join(ana, PLAN), setValue(readFileSync(join(ana, PLAN), 'utf8'), ['ends'], '2027-06-01'));
    await proposeOnBranch(ana, { pair: 'ana--ben', what: 'plan', date: '2026-11-21', message: 'again', paths: [PLAN] });
    const ben = cloneAs(remote, 'ben');
    await assert.rejects(
      accept(ben, { proposal: 'ana--ben', model: await model(ben), me: 'ben', today: TODAY }),
      (error) => {
        assert.ok(error instanceof DecideError && error.usage);
        assert.match(error.message, /2 proposals for you; name one: mentoring\/ana--ben\/plan-2026-11-21/);
        return true;
      },
    );
  });
});

describe('review: decline', () => {
  afterEach(removeTempDirs);

  it('a relationship, with a reason: recorded on the default branch for Ana to read, the branch deleted', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const branch = await anaAsksDana(ana);
    const dana = cloneAs(remote, 'dana');
    const oldTip = git(remote, 'rev-parse', 'main').trim();

    const result = await decline(dana, {
      proposal: 'ana--dana',
      model: await model(dana),
      me: 'dana',
      today: TODAY,
      reason: 'I am at capacity until March',
    });

    assert.equal(result.outcome, 'done', result.message);
    assert.match(result.message, /^Declined: Ana asks you for mentoring \(“I am at capacity until March”\)/);
    assert.equal(remoteBranches(remote).trim(), 'main');
    assert.equal(git(remote, 'rev-list', '--count', `${oldTip}..main`).trim(), '1');
    assert.equal(git(remote, 'diff', '--name-only', oldTip, 'main').trim(), '', 'a record, no file changed');
    assert.equal(
      git(remote, 'log', '-1', '--format=%s', 'main').trim(),
      "mentoring(ana--dana): dana declined ana's request for mentoring — I am at capacity until March",
    );

    // Ana fetches: the decline is there with its reason, and her copy of the branch is no longer pending.
    git(ana, 'fetch', '-q');
    assert.ok(git(ana, 'branch', '--list', branch).trim(), 'her local branch is still there');
    assert.deepEqual(await pendingProposals(ana), []);
    const [record] = await readDecisions(ana, 'origin/main');
    assert.deepEqual(
      { decision: record.decision, pair: record.pair, branch: record.branch, reason: record.reason },
      { decision: 'declined', pair: 'ana--dana', branch, reason: 'I am at capacity until March' },
    );
    assert.equal(record.authorEmail, 'dana@example.com');
  });

  it('a plan change, with a long reason kept whole; nothing of the plan changes', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const { branch } = await anaProposesPlanChanges(ana);
    const ben = cloneAs(remote, 'ben');
    const reason =
      `Let us talk about it first. ${'The due date is too close for the design review. '.repeat(3)}`.trim();

    const result = await decline(ben, { proposal: branch, model: await model(ben), me: 'ben', today: TODAY, reason });

    assert.equal(result.outcome, 'done', result.message);
    assert.equal(git(remote, 'show', `main:${PLAN}`), readFileSync(join(ana, PLAN), 'utf8'));
    assert.equal(remoteBranches(remote).trim(), 'main');
    assert.match(
      git(remote, 'log', '-1', '--format=%B', 'main'),
      /^Mentoring-Declined: mentoring\/ana--ben\/plan-2026-11-21$/m,
    );
    const [record] = await readDecisions(ben, 'main');
    assert.equal(record.reason, reason);
    assert.equal(git(ben, 'status', '--porcelain').trim(), '');
  });
});
