import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitError } from '../../src/core/git/runner';
import { setValue } from '../../src/core/edit';
import {
  newRelationshipPlan,
  NothingToProposeError,
  pendingProposals,
  proposeOnBranch,
  withdrawProposedEdits,
} from '../../src/core/review';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';

const FIXTURE = join(__dirname, '../fixtures/valid/.mentoring');
const PLAN = '.mentoring/pairs/ana--ben/plan.yaml';

/** A repository holding the fixture folder, a README, and a bare repository as `origin`. */
function repoWithRemote(): { repo: string; remote: string } {
  const repo = tempRepo();
  cpSync(FIXTURE, join(repo, '.mentoring'), { recursive: true });
  writeFileSync(join(repo, 'README.md'), 'readme\n');
  writeFileSync(join(repo, 'notes.txt'), 'one\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'start');
  const remote = tempDir('mentoring-remote-');
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  git(repo, 'remote', 'add', 'origin', remote);
  git(repo, 'push', '-q', '-u', 'origin', 'main');
  return { repo, remote };
}

/** Everything a user could notice about their checkout. */
function snapshot(repo: string) {
  return {
    branch: git(repo, 'symbolic-ref', '--short', 'HEAD').trim(),
    head: git(repo, 'rev-parse', 'HEAD').trim(),
    status: git(repo, 'status', '--porcelain=v1', '--untracked-files=all'),
    staged: git(repo, 'diff', '--cached'),
    unstaged: git(repo, 'diff'),
    readme: readFileSync(join(repo, 'README.md'), 'utf8'),
    notes: readFileSync(join(repo, 'notes.txt'), 'utf8'),
  };
}

describe('review: propose on a branch', () => {
  afterEach(removeTempDirs);

  it('puts exactly the plan change on the remote branch; unrelated work and the branch stay as they were', async () => {
    const { repo, remote } = repoWithRemote();
    git(repo, 'checkout', '-q', '-b', 'feature');
    const plan = readFileSync(join(repo, PLAN), 'utf8');
    const edited = setValue(plan, ['agreement', 'cadence_days'], 7);
    writeFileSync(join(repo, PLAN), edited);
    writeFileSync(join(repo, 'README.md'), 'readme, edited but not staged\n');
    writeFileSync(join(repo, 'notes.txt'), 'staged\n');
    git(repo, 'add', 'notes.txt');
    writeFileSync(join(repo, 'notes.txt'), 'staged, then edited again\n');
    writeFileSync(join(repo, 'scratch.txt'), 'untracked\n');
    const before = snapshot(repo);

    const result = await proposeOnBranch(repo, {
      pair: 'ana--ben',
      what: 'plan',
      date: '2026-11-21',
      message: 'mentoring(ana--ben): plan changes for review',
      paths: [PLAN],
    });

    assert.equal(result.branch, 'mentoring/ana--ben/plan-2026-11-21');
    assert.equal(result.pushed, true, result.pushError);
    assert.equal(result.startBranch, 'feature');
    assert.equal(result.targetBranch, 'main');
    assert.deepEqual(snapshot(repo), before, 'the checkout must be exactly as it was');
    assert.equal(readFileSync(join(repo, PLAN), 'utf8'), edited);

    const onRemote = git(remote, 'rev-parse', `refs/heads/${result.branch}`).trim();
    assert.equal(onRemote, result.commit);
    assert.equal(git(remote, 'rev-list', '--count', `main..${result.branch}`).trim(), '1');
    assert.equal(git(remote, 'diff-tree', '--no-commit-id', '--name-only', '-r', result.commit).trim(), PLAN);
    assert.equal(git(remote, 'show', `${result.commit}:${PLAN}`), edited);
    assert.equal(
      git(remote, 'log', '-1', '--format=%s', result.commit).trim(),
      'mentoring(ana--ben): plan changes for review',
    );
    assert.equal(
      git(repo, 'rev-parse', '--abbrev-ref', `${result.branch}@{upstream}`).trim(),
      `origin/${result.branch}`,
    );
  });

  it('a second proposal the same day gets its own branch; no change is refused', async () => {
    const { repo } = repoWithRemote();
    const plan = readFileSync(join(repo, PLAN), 'utf8');
    const options = { pair: 'ana--ben', what: 'plan', date: '2026-11-21', message: 'm', paths: [PLAN] };
    await assert.rejects(proposeOnBranch(repo, options), NothingToProposeError);
    writeFileSync(join(repo, PLAN), setValue(plan, ['driver'], 'shared'));
    assert.equal((await proposeOnBranch(repo, options)).branch, 'mentoring/ana--ben/plan-2026-11-21');
    assert.equal((await proposeOnBranch(repo, options)).branch, 'mentoring/ana--ben/plan-2026-11-21-2');
  });

  it('refuses files outside the pair folder and unsafe names', async () => {
    const { repo } = repoWithRemote();
    const base = { pair: 'ana--ben', what: 'plan', date: '2026-11-21', message: 'm' };
    await assert.rejects(proposeOnBranch(repo, { ...base, paths: ['README.md'] }), GitError);
    await assert.rejects(proposeOnBranch(repo, { ...base, paths: ['.mentoring/pairs/ana--ben/../../../x'] }), GitError);
    await assert.rejects(proposeOnBranch(repo, { ...base, pair: '--upload-pack=x', paths: [PLAN] }), /pair id/);
    await assert.rejects(proposeOnBranch(repo, { ...base, what: '-x', paths: [PLAN] }), /hyphen/);
  });

  it('without a remote the branch stays local and the push command is given', async () => {
    const repo = tempRepo();
    cpSync(FIXTURE, join(repo, '.mentoring'), { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'start');
    writeFileSync(join(repo, PLAN), readFileSync(join(repo, PLAN), 'utf8').replace('status: active', 'status: paused'));
    const result = await proposeOnBranch(repo, {
      pair: 'ana--ben',
      what: 'plan',
      date: '2026-11-21',
      message: 'm',
      paths: [PLAN],
    });
    assert.equal(result.pushed, false);
    assert.equal(result.remote, undefined);
    assert.equal(result.pushCommand, 'git push -u <remote> mentoring/ana--ben/plan-2026-11-21');
    assert.match(git(repo, 'branch', '--list', 'mentoring/*'), /mentoring\/ana--ben\/plan-2026-11-21/);
  });

  it('withdrawing puts the proposed file back to HEAD and leaves other edits alone', async () => {
    const { repo } = repoWithRemote();
    const original = readFileSync(join(repo, PLAN), 'utf8');
    writeFileSync(join(repo, PLAN), setValue(original, ['ends'], '2027-06-01'));
    writeFileSync(join(repo, 'README.md'), 'mine\n');
    const result = await proposeOnBranch(repo, {
      pair: 'ana--ben',
      what: 'plan',
      date: '2026-11-21',
      message: 'm',
      paths: [PLAN],
    });
    assert.deepEqual(await withdrawProposedEdits(repo, result.commit, [PLAN]), [PLAN]);
    assert.equal(readFileSync(join(repo, PLAN), 'utf8'), original);
    assert.equal(git(repo, 'status', '--porcelain').trim(), 'M README.md');
  });

  it('a relationship asked for is pending until it is active on the default branch', async () => {
    const { repo } = repoWithRemote();
    const pair = 'ana--cleo';
    const path = `.mentoring/pairs/${pair}/plan.yaml`;
    const text = newRelationshipPlan({ mentee: 'ana', mentor: 'cleo', initiatedBy: 'mentee', date: '2026-11-21' });
    const result = await proposeOnBranch(repo, {
      pair,
      what: 'relationship',
      date: '2026-11-21',
      message: `mentoring(${pair}): ana asks cleo for mentoring`,
      paths: [path],
      edit: () => text,
    });
    assert.equal(existsSync(join(repo, path)), false, 'the working tree is not touched');
    let pending = await pendingProposals(repo);
    assert.deepEqual(
      pending.map((p) => [p.kind, p.pair, p.from, p.branch]),
      [['relationship', pair, 'ana', 'mentoring/ana--cleo/relationship-2026-11-21']],
    );

    // The local branch is deleted: the pushed copy still counts.
    git(repo, 'branch', '-q', '-D', result.branch);
    pending = await pendingProposals(repo);
    assert.equal(pending.length, 1);
    assert.equal(pending[0].remoteOnly, true);

    // Merged while still proposed: pending on the default branch.
    git(repo, 'merge', '-q', '--no-ff', '-m', 'merge', `origin/${result.branch}`);
    pending = await pendingProposals(repo);
    assert.deepEqual(
      pending.map((p) => [p.kind, p.branch]),
      [['relationship', undefined]],
    );

    // Accepted: active on the default branch, nothing pending.
    writeFileSync(join(repo, path), setValue(readFileSync(join(repo, path), 'utf8'), ['status'], 'active'));
    git(repo, 'commit', '-q', '-am', 'accept');
    assert.deepEqual(await pendingProposals(repo), []);
  });
});
