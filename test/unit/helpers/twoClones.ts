// A bare remote holding the fixture folder (with Dana, a second mentor) and one clone per person,
// each with that person's git identity: the way two people exchange through one repository.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMentoring } from '../../../src/core/folder/load';
import type { MentoringModel } from '../../../src/core/folder/model';
import { git, tempDir, tempRepo } from './tempRepo';

const FIXTURE = join(__dirname, '../../fixtures/valid/.mentoring');

export const PLAN = '.mentoring/pairs/ana--ben/plan.yaml';

const NAMES: Record<string, string> = { ana: 'Ana Lima', ben: 'Ben Okafor', dana: 'Dana Diaz', cleo: 'Cleo Park' };

/** The bare remote, seeded with the fixture, a README and Dana's people file. */
export function seededRemote(): string {
  const seed = tempRepo();
  cpSync(FIXTURE, join(seed, '.mentoring'), { recursive: true });
  writeFileSync(
    join(seed, '.mentoring/people/dana.yaml'),
    'handle: dana\nname: Dana Diaz\nemails: [dana@example.com]\nroles: [mentor]\ncapacity: 2\n',
  );
  writeFileSync(join(seed, 'README.md'), 'readme\n');
  git(seed, 'add', '-A');
  git(seed, 'commit', '-q', '-m', 'start');
  const remote = tempDir('mentoring-remote-');
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  git(seed, 'push', '-q', remote, 'main');
  return remote;
}

/** A clone of `remote` as `handle` (git identity `<handle>@example.com`). */
export function cloneAs(remote: string, handle: string): string {
  const dir = tempDir(`mentoring-${handle}-`);
  git(dir, 'clone', '-q', remote, '.');
  git(dir, 'config', 'user.email', `${handle}@example.com`);
  git(dir, 'config', 'user.name', NAMES[handle] ?? handle);
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

export function model(root: string): Promise<MentoringModel> {
  return loadMentoring(root, { folder: '.mentoring' });
}

/** Everything a user could notice about their checkout. */
export function snapshot(repo: string) {
  return {
    branch: git(repo, 'symbolic-ref', '--short', 'HEAD').trim(),
    head: git(repo, 'rev-parse', 'HEAD').trim(),
    status: git(repo, 'status', '--porcelain=v1', '--untracked-files=all'),
    staged: git(repo, 'diff', '--cached'),
    unstaged: git(repo, 'diff'),
    readme: readFileSync(join(repo, 'README.md'), 'utf8'),
  };
}
