// `mentoring pause` and `mentoring end` from two clones (dist/cli.js), and `mentoring validate`
// on retro.yaml: the prepared one passes, a wrong one is reported at file:line:col.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cloneAs, PLAN, seededRemote } from './helpers/twoClones';
import { git, removeTempDirs } from './helpers/tempRepo';
import { mentoring, requireBuiltCli } from './helpers/cli';

const RETRO = '.mentoring/pairs/ana--ben/retro.yaml';

describe('mentoring pause and end (command line)', function () {
  this.timeout(60_000);
  before(requireBuiltCli);
  afterEach(removeTempDirs);

  it('pause --until, accepted by the other clone: paused on main', () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const paused = mentoring(ana, 'pause', 'ana--ben', '--until', '2099-01-15');
    assert.equal(paused.code, 0, paused.stderr);
    assert.match(paused.stdout, /^Proposed a pause of ana--ben on mentoring\/ana--ben\/pause-/);
    const ben = cloneAs(remote, 'ben');
    const accepted = mentoring(ben, 'accept', 'ana--ben');
    assert.equal(accepted.code, 0, accepted.stderr);
    const plan = parse(git(remote, 'show', `main:${PLAN}`)) as Record<string, unknown>;
    assert.deepEqual([plan.status, plan.paused_until], ['paused', '2099-01-15']);
  });

  it('end --reason writes retro.yaml; validate accepts it and reports a bad one at file:line:col', () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    assert.equal(mentoring(ana, 'end', 'ana--ben', '--reason', 'bored').code, 2, 'an unknown reason is a usage error');
    const ended = mentoring(ana, 'end', 'ana--ben', '--reason', 'schedule', '--note', 'new job');
    assert.equal(ended.code, 0, ended.stderr);
    const ben = cloneAs(remote, 'ben');
    assert.equal(mentoring(ben, 'accept', 'ana--ben').code, 0);
    git(ana, 'pull', '-q');
    const valid = mentoring(ana, 'validate', '--format', 'text');
    assert.equal(valid.code, 0, valid.stdout + valid.stderr);

    writeFileSync(
      join(ana, RETRO),
      'ended: 2026-11-22\nreason: schedule\ngoals: []\nmentee:\n  what_worked: Pairing\n  would_recommend: maybe\n',
    );
    const invalid = mentoring(ana, 'validate', '--format', 'text');
    assert.equal(invalid.code, 1);
    assert.match(invalid.stdout + invalid.stderr, /\.mentoring\/pairs\/ana--ben\/retro\.yaml:6:\d+: .*would_recommend/);
  });
});
