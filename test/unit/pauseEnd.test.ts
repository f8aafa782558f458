import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { accept } from '../../src/core/app/decide';
import { proposeEnd, proposePause, RelationshipChangeError } from '../../src/core/app/pauseEnd';
import { proposalsFor } from '../../src/core/review';
import { summarizePair } from '../../src/core/health/summary';
import { hasEnded } from '../../src/core/policy/access';
import { cloneAs, model, PLAN, seededRemote } from './helpers/twoClones';
import { git, removeTempDirs } from './helpers/tempRepo';

const TODAY = '2026-11-22';
const RETRO = '.mentoring/pairs/ana--ben/retro.yaml';

function onMain(remote: string, path: string): Record<string, unknown> {
  return parse(git(remote, 'show', `main:${path}`)) as Record<string, unknown>;
}

describe('pause and end a relationship, mutually', () => {
  afterEach(removeTempDirs);

  it('Ana proposes a pause until a date; the plan stays active until Ben accepts, then it is paused on main', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const result = await proposePause(ana, { pair: 'ana--ben', me: 'ana', today: TODAY, until: '2027-01-15' });
    assert.equal(result.pushed, true, result.pushError);
    assert.equal(result.branch, 'mentoring/ana--ben/pause-2026-11-22');
    assert.equal(onMain(remote, PLAN).status, 'active', 'nothing changes before Ben agrees');
    assert.equal(git(ana, 'status', '--porcelain').trim(), '', "Ana's checkout is untouched");

    const ben = cloneAs(remote, 'ben');
    const mine = await proposalsFor(ben, await model(ben), 'ben');
    assert.deepEqual(
      mine.map((p) => [p.kind, p.branch]),
      [['plan-change', result.branch]],
    );
    assert.match(mine[0].title, /status active → paused/);
    const decided = await accept(ben, { proposal: 'ana--ben', model: await model(ben), me: 'ben', today: TODAY });
    assert.equal(decided.outcome, 'done', decided.message);

    const plan = onMain(remote, PLAN);
    assert.equal(plan.status, 'paused');
    assert.equal(plan.paused_until, '2027-01-15');
    assert.match(git(remote, 'show', `main:${PLAN}`), /^status: paused +# proposed \| active/m, 'the comment stays');
    const benModel = await model(ben);
    assert.deepEqual(benModel.problems, []);
    const pair = benModel.pairs.find((p) => p.id === 'ana--ben');
    assert.equal(pair && summarizePair(pair, TODAY).status, 'paused', 'health shows it paused');
    assert.equal(hasEnded(pair), false, 'a paused pair is still edited in the sidebar');
  });

  it('Ben proposes the end with a reason; retro.yaml is prepared from the goals and lands with the ended plan', async () => {
    const remote = seededRemote();
    const ben = cloneAs(remote, 'ben');
    const result = await proposeEnd(ben, {
      pair: 'ana--ben',
      me: 'ben',
      today: TODAY,
      reason: 'goals_reached',
      note: 'Ana leads the\nteam now',
    });
    assert.equal(result.branch, 'mentoring/ana--ben/end-2026-11-22');
    const ana = cloneAs(remote, 'ana');
    const decided = await accept(ana, { proposal: 'ana--ben', model: await model(ana), me: 'ana', today: TODAY });
    assert.equal(decided.outcome, 'done', decided.message);

    const plan = onMain(remote, PLAN);
    assert.equal(plan.status, 'ended');
    assert.deepEqual(plan.ended, { date: TODAY, reason: 'goals_reached', note: 'Ana leads the team now' });
    const retro = onMain(remote, RETRO);
    assert.equal(retro.reason, 'goals_reached');
    const goals = (parse(readFileSync(join(ana, PLAN), 'utf8')) as { goals: { id: string; status: string }[] }).goals;
    assert.deepEqual(
      (retro.goals as { id: string; final: string }[]).map((g) => [g.id, g.final]),
      goals.map((g) => [g.id, g.status]),
    );
    assert.deepEqual(retro.mentee, { what_worked: '', what_to_change: '', would_recommend: null });
    const anaModel = await model(ana);
    assert.deepEqual(anaModel.problems, [], 'the prepared retro.yaml and the ended plan are valid');
    assert.equal(anaModel.pairs.find((p) => p.id === 'ana--ben')?.retro?.kind, 'retro');
    assert.equal(hasEnded(anaModel.pairs.find((p) => p.id === 'ana--ben')), true, 'the sidebar refuses its edits');
  });

  it('refuses what is not mine, a pause of a paused pair, a past until-date and an unknown reason', async () => {
    const remote = seededRemote();
    const cleo = cloneAs(remote, 'cleo');
    await assert.rejects(proposePause(cleo, { pair: 'ana--ben', me: 'cleo', today: TODAY }), /not your relationship/);
    await assert.rejects(
      proposePause(cleo, { pair: 'ana--ben', me: 'ana', today: TODAY, until: TODAY }),
      RelationshipChangeError,
    );
    await assert.rejects(
      proposeEnd(cleo, { pair: 'ana--ben', me: 'ana', today: TODAY, reason: 'bored' as 'fit' }),
      /goals_reached, schedule, fit, other/,
    );
    const ana = cloneAs(remote, 'ana');
    writeFileSync(join(ana, PLAN), readFileSync(join(ana, PLAN), 'utf8').replace(/^status: active/m, 'status: paused'));
    git(ana, 'commit', '-q', '-am', 'paused');
    await assert.rejects(
      proposePause(ana, { pair: 'ana--ben', me: 'ana', today: TODAY, remote: false }),
      /is paused: only a relationship that is active can be paused/,
    );
  });
});
