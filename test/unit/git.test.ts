// What git says about the mentoring folder, asked of a real repository.
import * as assert from 'node:assert/strict';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changedBetween, uncommittedPaths } from '../../src/core/git/repository';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';

describe('uncommittedPaths', function () {
  afterEach(removeTempDirs);

  it('lists modified, staged, untracked and ignored files under the path, and nothing committed as it is', async function () {
    const repo = tempRepo();
    const sessions = join(repo, '.mentoring', 'pairs', 'ana--ben', 'sessions');
    mkdirSync(sessions, { recursive: true });
    mkdirSync(join(repo, '.mentoring', '.private'));
    writeFileSync(join(repo, '.mentoring', '.gitignore'), '.private/\n');
    for (const day of ['01', '02', '03'])
      writeFileSync(join(sessions, `2026-11-${day}.yaml`), `date: 2026-11-${day}\n`);
    writeFileSync(join(repo, 'README.md'), 'outside\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'start');
    writeFileSync(join(sessions, '2026-11-02.yaml'), 'date: 2026-11-02\nideas: [one]\n');
    writeFileSync(join(sessions, '2026-11-03.yaml'), 'date: 2026-11-03\nideas: [two]\n');
    git(repo, 'add', '.mentoring/pairs/ana--ben/sessions/2026-11-03.yaml');
    writeFileSync(join(sessions, '2026-11-04.yaml'), 'date: 2026-11-04\n');
    writeFileSync(join(repo, '.mentoring', '.private', 'notes.yaml'), 'mine: true\n');
    writeFileSync(join(repo, 'README.md'), 'changed, but outside the folder\n');

    const paths = (await uncommittedPaths(repo, '.mentoring')).sort();
    assert.deepEqual(paths, [
      '.mentoring/.private/',
      '.mentoring/pairs/ana--ben/sessions/2026-11-02.yaml',
      '.mentoring/pairs/ana--ben/sessions/2026-11-03.yaml',
      '.mentoring/pairs/ana--ben/sessions/2026-11-04.yaml',
    ]);
  });
});

describe('changedBetween', function () {
  afterEach(removeTempDirs);

  it('lists the files under the path that two commits hold differently, relative to a root inside the repository', async function () {
    const repo = tempRepo();
    const sessions = join(repo, 'team', '.mentoring', 'pairs', 'ana--ben', 'sessions');
    mkdirSync(sessions, { recursive: true });
    writeFileSync(join(sessions, '2026-11-01.yaml'), 'date: 2026-11-01\n');
    writeFileSync(join(sessions, '2026-11-02.yaml'), 'date: 2026-11-02\n');
    writeFileSync(join(repo, 'team', 'README.md'), 'outside\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'start');
    const from = git(repo, 'rev-parse', 'HEAD').trim();
    writeFileSync(join(sessions, '2026-11-02.yaml'), 'date: 2026-11-02\nideas: [one]\n');
    renameSync(join(sessions, '2026-11-01.yaml'), join(sessions, '2026-11-03.yaml'));
    writeFileSync(join(repo, 'team', 'README.md'), 'changed, but outside the folder\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'next');
    const to = git(repo, 'rev-parse', 'HEAD').trim();

    const paths = (await changedBetween(join(repo, 'team'), from, to, '.mentoring')).sort();
    assert.deepEqual(paths, [
      '.mentoring/pairs/ana--ben/sessions/2026-11-01.yaml',
      '.mentoring/pairs/ana--ben/sessions/2026-11-02.yaml',
      '.mentoring/pairs/ana--ben/sessions/2026-11-03.yaml',
    ]);
  });
});
