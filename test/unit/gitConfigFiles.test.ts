// Where git takes user.email from, for the watcher that makes "who am I" follow it: the
// repository's config (a worktree's included), then the global files.
import assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { userConfigFiles } from '../../src/core/git/repository';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';

describe('git: user config files', () => {
  after(removeTempDirs);
  const home = '/home/ana';

  it('lists the repository config, then the global ones', async () => {
    const repo = realpathSync(tempRepo());
    assert.deepEqual(await userConfigFiles(repo, {}, home), [
      join(repo, '.git', 'config.worktree'),
      join(repo, '.git', 'config'),
      '/home/ana/.config/git/config',
      '/home/ana/.gitconfig',
    ]);
    assert.equal((await userConfigFiles(repo, { XDG_CONFIG_HOME: '/xdg' }, home))[2], '/xdg/git/config');
  });

  it("in a worktree: the worktree's own config and the shared one", async () => {
    const repo = realpathSync(tempRepo());
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'first');
    const worktree = join(realpathSync(tempDir()), 'feature');
    git(repo, 'worktree', 'add', '-q', '-b', 'feature', worktree);
    const files = await userConfigFiles(worktree, {}, home);
    assert.deepEqual(files.slice(0, 2), [
      join(repo, '.git', 'worktrees', 'feature', 'config.worktree'),
      join(repo, '.git', 'config'),
    ]);
    // The shared config is where `git config user.email` in the worktree writes.
    git(worktree, 'config', 'user.email', 'ben@example.com');
    assert.equal(git(repo, 'config', '--file', files[1], 'user.email').trim(), 'ben@example.com');
  });

  it('outside a repository: only the global ones', async () => {
    assert.deepEqual(await userConfigFiles(tempDir(), {}, home), [
      '/home/ana/.config/git/config',
      '/home/ana/.gitconfig',
    ]);
  });
});
