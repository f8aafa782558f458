// `mentoring share` as a terminal user runs it (dist/cli.js after `npm run build`), against a
// clone of a real bare remote.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { completeGoal } from '../../src/core/edit';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';
import { mentoring, requireBuiltCli } from './helpers/cli';

const FIXTURE = join(__dirname, '../fixtures/valid/.mentoring');
const PLAN = '.mentoring/pairs/ana--ben/plan.yaml';
const AGENDA = '.mentoring/pairs/ana--ben/sessions/2026-12-05.yaml';

/** Ana's clone of a bare remote holding the fixture, with a goal completed and a new agenda. */
function anasClone(): { remote: string; ana: string } {
  const seed = tempRepo();
  cpSync(FIXTURE, join(seed, '.mentoring'), { recursive: true });
  git(seed, 'add', '-A');
  git(seed, 'commit', '-q', '-m', 'start');
  const remote = tempDir('mentoring-remote-');
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  git(seed, 'remote', 'add', 'origin', remote);
  git(seed, 'push', '-q', '-u', 'origin', 'main');
  const ana = tempDir('mentoring-clone-');
  git(ana, 'clone', '-q', remote, '.');
  git(ana, 'config', 'user.email', 'ana@example.com');
  git(ana, 'config', 'user.name', 'Ana Lima');
  writeFileSync(join(ana, PLAN), completeGoal(readFileSync(join(ana, PLAN), 'utf8'), 'system-design'));
  writeFileSync(join(ana, AGENDA), 'date: 2026-12-05\nprepared_by: ana\n');
  return { remote, ana };
}

describe('mentoring share', () => {
  before(requireBuiltCli);
  afterEach(removeTempDirs);

  it('--dry-run prints what would be committed and the message, and commits nothing', () => {
    const { remote, ana } = anasClone();
    const head = git(ana, 'rev-parse', 'HEAD');
    const result = mentoring(ana, 'share', 'ana--ben', '--dry-run');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        'ana--ben: Would commit 2 files to main and push to origin',
        `  added     ${AGENDA}  prepared the agenda for 2026-12-05`,
        `  modified  ${PLAN.padEnd(AGENDA.length)}  completed goal system-design`,
        'message: mentoring(ana--ben): agenda for 2026-12-05; complete goal system-design',
        '',
      ].join('\n'),
    );
    assert.equal(git(ana, 'rev-parse', 'HEAD'), head);
    assert.equal(git(remote, 'rev-parse', 'main'), head);
    assert.match(git(ana, 'status', '--porcelain'), /\?\? \.mentoring\/pairs\/ana--ben\/sessions\//);
  });

  it('--json without a pair shares the pairs of whoever git says runs it, and prints the result', () => {
    const { remote, ana } = anasClone();
    const result = mentoring(ana, 'share', '--json');
    assert.equal(result.code, 0, result.stderr);
    const [shared, ...others] = JSON.parse(result.stdout) as Record<string, unknown>[];
    assert.equal(others.length, 0);
    assert.equal(shared.pair, 'ana--ben');
    assert.equal(shared.status, 'shared');
    assert.equal(shared.pushed, true);
    assert.equal(shared.branch, 'main');
    assert.equal(shared.message, 'mentoring(ana--ben): agenda for 2026-12-05; complete goal system-design');
    assert.equal(shared.commit, git(remote, 'rev-parse', 'main').trim());
    assert.deepEqual(
      (shared.files as { path: string }[]).map((f) => f.path),
      [AGENDA, PLAN],
    );
    assert.equal(git(ana, 'status', '--porcelain'), '');

    const again = mentoring(ana, 'share');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^Nothing to share/);
  });

  it('usage errors exit 2; someone git does not know must name the pair', () => {
    const { ana } = anasClone();
    assert.equal(mentoring(ana, 'share', 'ana-ben').code, 2);
    assert.equal(mentoring(ana, 'share', '--branch', '-x').code, 2);
    git(ana, 'config', 'user.email', 'stranger@example.com');
    const unknown = mentoring(ana, 'share');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /name the pair/);
    assert.doesNotMatch(unknown.stderr, /\n\s+at .+:\d+:\d+/);
  });
});
