// The mentoring branch as share, what's new and accept/decline all find it: one look-up, one shape.
import assert from 'node:assert/strict';
import { findMentoringBranch, newestTip, requireMentoringBranch } from '../../src/core/git/mentoringBranch';
import { cloneAs, seededRemote } from './helpers/twoClones';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';

const tip = (repo: string, rev: string) => git(repo, 'rev-parse', rev).trim();

describe('the mentoring branch', () => {
  after(removeTempDirs);

  it('is the default branch of a clone, with its upstream, its remote-tracking tip and where it is checked out', async () => {
    const ana = cloneAs(seededRemote(), 'ana');
    git(ana, 'switch', '-q', '-c', 'feature');
    const found = await findMentoringBranch(ana);
    assert.ok(found);
    assert.equal(found.branch, 'main');
    assert.equal(found.remote, 'origin');
    assert.equal(found.remoteRef, 'refs/heads/main');
    assert.equal(found.trackingRef, 'refs/remotes/origin/main');
    assert.equal(found.local, tip(ana, 'main'));
    assert.equal(found.tracking, tip(ana, 'origin/main'));
    assert.deepEqual(found.upstream, {
      remote: 'origin',
      remoteRef: 'refs/heads/main',
      trackingRef: 'refs/remotes/origin/main',
      tip: tip(ana, 'origin/main'),
    });
    assert.equal(found.worktree, undefined, 'not checked out: I am on feature');
    git(ana, 'switch', '-q', 'main');
    assert.ok((await findMentoringBranch(ana))?.worktree);
  });

  it('is only the remote copy when there is no local branch; the newest tip is the remote one when I am behind', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    git(ana, 'switch', '-q', '-c', 'feature');
    git(ana, 'branch', '-q', '-D', 'main');
    const onlyRemote = await requireMentoringBranch(ana, { branch: 'main' });
    assert.equal(onlyRemote.local, undefined);
    assert.equal(onlyRemote.upstream, undefined);
    assert.equal(onlyRemote.tracking, tip(ana, 'origin/main'));

    const ben = cloneAs(remote, 'ben');
    const before = tip(ben, 'main');
    git(ana, 'commit', '-q', '--allow-empty', '-m', 'more');
    git(ana, 'push', '-q', 'origin', 'HEAD:main');
    git(ben, 'fetch', '-q');
    const behind = await requireMentoringBranch(ben);
    assert.equal(behind.local, before);
    assert.deepEqual(await newestTip(ben, behind), { commit: tip(ben, 'origin/main'), diverged: false });
  });

  it('without a remote: the branch named, else the default one; a name git would read as an option is refused', async () => {
    const repo = tempRepo();
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'start');
    const found = await findMentoringBranch(repo);
    assert.equal(found?.remote, undefined);
    assert.equal(found?.tracking, undefined);
    assert.equal(found?.local, tip(repo, 'HEAD'));
    assert.equal((await findMentoringBranch(repo, { branch: 'mentoring' }))?.local, undefined);
    await assert.rejects(requireMentoringBranch(repo, { branch: 'mentoring' }), /no mentoring branch "mentoring"/);
    await assert.rejects(findMentoringBranch(repo, { branch: '--upload-pack=x' }), /revision/);
  });
});
