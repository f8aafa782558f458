// What git says about the mentoring folder, asked of a real repository.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uncommittedPaths } from '../../src/core/git/repository';
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
