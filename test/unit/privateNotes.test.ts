// Private notes (`.mentoring/.private/`): written and read through the core, git-ignored from the
// first write, and never staged or committed by any command that commits, run in real repositories.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensurePrivateIgnored,
  ensurePrivateNoteFile,
  ignoresPrivate,
  readPrivateNotes,
  writePrivateNote,
} from '../../src/core/app/privateNotes';
import { initMentoring } from '../../src/core/app/init';
import { setValue } from '../../src/core/edit';
import { proposeOnBranch } from '../../src/core/review';
import { cloneAs, PLAN, seededRemote } from './helpers/twoClones';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';
import { mentoring, requireBuiltCli } from './helpers/cli';

const PAIR = 'ana--ben';
const SECRET = 'PLANTED-PRIVATE-NOTE';

/** Nothing under `.private/` is tracked, staged or listed by `git status`, and the notes are still there. */
function assertPrivateUntouched(repo: string, step: string): void {
  const tracked = git(repo, 'ls-files');
  assert.doesNotMatch(tracked, /\.private/, `${step}: git ls-files lists a private file`);
  const status = git(repo, 'status', '--porcelain=v1', '--untracked-files=all');
  assert.doesNotMatch(status, /\.private/, `${step}: git status shows a private file:\n${status}`);
  const ignored = git(repo, 'status', '--porcelain=v1', '--ignored', '--untracked-files=all');
  assert.match(ignored, /^!! \.mentoring\/\.private\//m, `${step}: the notes are not there, ignored`);
}

/** No commit any ref of `repo` points to (branches, review branches, remote copies) has a private file. */
function assertNoPrivateInHistory(repo: string): void {
  const refs = git(repo, 'for-each-ref', '--format=%(refname)').split('\n').filter(Boolean);
  assert.ok(refs.length > 0);
  for (const ref of refs) {
    const paths = git(repo, 'log', '--format=', '--name-only', ref);
    assert.doesNotMatch(paths, /\.private/, `${ref} has a commit with a private file`);
    assert.doesNotMatch(
      git(repo, 'log', '-p', '--format=%B', ref),
      new RegExp(SECRET),
      `${ref} carries the note's text`,
    );
  }
}

describe('private notes', function () {
  this.timeout(120_000);
  afterEach(removeTempDirs);

  it('are written atomically under .private/, read back, and git-ignored from the first write', async () => {
    const repo = tempRepo();
    const folder = join(repo, '.mentoring');
    mkdirSync(join(folder, 'pairs', PAIR), { recursive: true });
    const file = await writePrivateNote(repo, folder, { pairId: PAIR }, `Ben seems tired.\n${SECRET}\n`);
    assert.equal(file, '.mentoring/.private/ana--ben/notes.md');
    await writePrivateNote(repo, folder, { pairId: PAIR, date: '2026-11-21' }, 'Ask about the move.\n');
    await writePrivateNote(repo, folder, { pairId: PAIR, date: '2026-12-05' }, 'Follow up.\n');

    assert.equal(
      readFileSync(join(folder, '.gitignore'), 'utf8'),
      '# Personal notes stay on your machine.\n.private/\n',
    );
    assert.equal(readFileSync(join(folder, '.private/.gitignore'), 'utf8').split('\n').includes('*'), true);
    const notes = readPrivateNotes(repo, folder, PAIR);
    assert.equal(notes.notes, `Ben seems tired.\n${SECRET}\n`);
    assert.deepEqual(
      notes.sessions.map((s) => [s.date, s.file, s.text]),
      [
        ['2026-12-05', '.mentoring/.private/ana--ben/sessions/2026-12-05.md', 'Follow up.\n'],
        ['2026-11-21', '.mentoring/.private/ana--ben/sessions/2026-11-21.md', 'Ask about the move.\n'],
      ],
    );
    // Only the mentoring folder's .gitignore is new to git; the notes are ignored.
    assert.equal(git(repo, 'status', '--porcelain=v1', '--untracked-files=all'), '?? .mentoring/.gitignore\n');
    git(repo, 'add', '-A');
    assert.deepEqual(git(repo, 'diff', '--cached', '--name-only').trim().split('\n'), ['.mentoring/.gitignore']);
    assert.equal(
      git(repo, 'check-ignore', '.mentoring/.private/ana--ben/notes.md').trim(),
      '.mentoring/.private/ana--ben/notes.md',
    );
  });

  it('keep the notes ignored even when the mentoring .gitignore says nothing of them or un-ignores them', async () => {
    const repo = tempRepo();
    const folder = join(repo, '.mentoring');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '.gitignore'), '*.tmp\r\n!.private/');
    await ensurePrivateIgnored(repo, folder);
    assert.equal(readFileSync(join(folder, '.gitignore'), 'utf8'), '*.tmp\r\n!.private/\r\n.private/\r\n');
    await ensurePrivateIgnored(repo, folder);
    assert.equal(
      readFileSync(join(folder, '.gitignore'), 'utf8'),
      '*.tmp\r\n!.private/\r\n.private/\r\n',
      'added once',
    );
    await writePrivateNote(repo, folder, { pairId: PAIR }, SECRET);
    assert.doesNotMatch(git(repo, 'status', '--porcelain=v1', '--untracked-files=all'), /\.private/);

    assert.equal(ignoresPrivate('.private/\n'), true);
    assert.equal(ignoresPrivate('/.private\n'), true);
    assert.equal(ignoresPrivate('.private/\n!.private/\n'), false);
    assert.equal(ignoresPrivate('# .private/\nprivate/\n'), false);
  });

  it('leave an init-made .gitignore as it is; a missing notes file reads as empty and is made empty to open', async () => {
    const repo = tempRepo();
    await initMentoring(repo, '.mentoring', '2026-11-21');
    const folder = join(repo, '.mentoring');
    const before = readFileSync(join(folder, '.gitignore'), 'utf8');
    assert.deepEqual(readPrivateNotes(repo, folder, PAIR), {
      file: '.mentoring/.private/ana--ben/notes.md',
      notes: '',
      sessions: [],
    });
    const abs = await ensurePrivateNoteFile(repo, folder, { pairId: PAIR });
    assert.equal(readFileSync(abs, 'utf8'), '');
    assert.doesNotMatch(git(repo, 'status', '--porcelain=v1', '--untracked-files=all'), /\.private/);
    writeFileSync(abs, 'mine\n');
    await ensurePrivateNoteFile(repo, folder, { pairId: PAIR });
    assert.equal(readFileSync(abs, 'utf8'), 'mine\n', 'an existing file is never overwritten');
    assert.equal(readFileSync(join(folder, '.gitignore'), 'utf8'), before);
  });

  it('two first saves at the same moment both land, the .gitignore files made once', async () => {
    const repo = tempRepo();
    const folder = join(repo, '.mentoring');
    mkdirSync(folder, { recursive: true });
    await Promise.all([
      writePrivateNote(repo, folder, { pairId: PAIR }, 'one\n'),
      writePrivateNote(repo, folder, { pairId: PAIR, date: '2026-11-21' }, 'two\n'),
      writePrivateNote(repo, folder, { pairId: 'cleo--ben' }, 'three\n'),
    ]);
    assert.equal(
      readFileSync(join(folder, '.gitignore'), 'utf8'),
      '# Personal notes stay on your machine.\n.private/\n',
    );
    assert.deepEqual(
      [readPrivateNotes(repo, folder, PAIR).notes, readPrivateNotes(repo, folder, 'cleo--ben').notes],
      ['one\n', 'three\n'],
    );
    assert.equal(readPrivateNotes(repo, folder, PAIR).sessions[0].text, 'two\n');
  });

  it('refuse bad pair ids, bad dates and links on the way', async () => {
    const repo = tempRepo();
    const folder = join(repo, '.mentoring');
    mkdirSync(folder, { recursive: true });
    await assert.rejects(writePrivateNote(repo, folder, { pairId: '../x--y' }, 'no'), /pair id/);
    await assert.rejects(writePrivateNote(repo, folder, { pairId: PAIR, date: '2026-13-45' }, 'no'), /not a date/);
    await assert.rejects(writePrivateNote(repo, folder, { pairId: PAIR, date: '../../x' }, 'no'), /date/);
    const elsewhere = tempRepo();
    symlinkSync(elsewhere, join(folder, '.private'));
    await assert.rejects(writePrivateNote(repo, folder, { pairId: PAIR }, 'no'), /symbolic link/);
    assert.throws(() => readPrivateNotes(repo, folder, PAIR), /symbolic link/);
    assert.equal(existsSync(join(elsewhere, PAIR)), false);
  });

  describe('every command that commits leaves them unstaged (command line and core, two clones)', () => {
    before(requireBuiltCli);

    it('init, share, propose, pause, codeowners, match, accept, decline and end', async () => {
      const remote = seededRemote();
      const ana = cloneAs(remote, 'ana');
      const anaFolder = join(ana, '.mentoring');
      await writePrivateNote(ana, anaFolder, { pairId: PAIR }, `${SECRET}\n`);
      await writePrivateNote(ana, anaFolder, { pairId: PAIR, date: '2026-12-05' }, `${SECRET} for the session\n`);
      assertPrivateUntouched(ana, 'written');
      const run = (repo: string, ...args: string[]) => {
        const result = mentoring(repo, ...args);
        assert.equal(result.code, 0, `mentoring ${args.join(' ')}: ${result.stdout}${result.stderr}`);
        assertPrivateUntouched(repo, `mentoring ${args.join(' ')}`);
        return result.stdout;
      };

      run(ana, 'init');
      git(ana, 'add', '.mentoring/.gitignore');
      git(ana, 'commit', '-q', '-m', 'ignore private notes');
      git(ana, 'push', '-q');
      assertPrivateUntouched(ana, 'git add of the mentoring .gitignore');

      writeFileSync(
        join(ana, '.mentoring/pairs/ana--ben/sessions/2026-12-05.yaml'),
        'date: 2026-12-05\nprepared_by: ana\n',
      );
      assert.match(run(ana, 'share', PAIR), /Committed|Shared|pushed/i);

      writeFileSync(join(ana, PLAN), setValue(readFileSync(join(ana, PLAN), 'utf8'), ['agreement', 'cadence_days'], 7));
      const proposed = await proposeOnBranch(ana, {
        pair: PAIR,
        what: 'plan',
        date: '2026-11-21',
        message: 'mentoring(ana--ben): plan changes for review',
        paths: [PLAN],
      });
      assert.equal(proposed.pushed, true, proposed.pushError);
      git(ana, 'checkout', '-q', '--', PLAN);
      assertPrivateUntouched(ana, 'propose plan changes');

      const benFile = join(ana, '.mentoring/people/ben.yaml');
      writeFileSync(benFile, `${readFileSync(benFile, 'utf8')}git_host_handle: ben-okafor\n`);
      run(ana, 'codeowners', '--write');
      git(ana, 'checkout', '-q', '--', '.mentoring/people/ben.yaml');
      run(ana, 'match', '--propose');

      const ben = cloneAs(remote, 'ben');
      await writePrivateNote(ben, join(ben, '.mentoring'), { pairId: PAIR }, `${SECRET} of ben\n`);
      run(ben, 'accept', proposed.branch);
      run(ana, 'pause', PAIR, '--until', '2099-01-15');
      git(ben, 'fetch', '-q');
      run(ben, 'decline', PAIR, '--reason', 'not now');
      git(ana, 'pull', '-q');
      assertPrivateUntouched(ana, 'pull');
      run(ana, 'end', PAIR, '--reason', 'schedule');
      run(ben, 'accept', PAIR);

      assert.equal(readFileSync(join(ana, '.mentoring/.private/ana--ben/notes.md'), 'utf8'), `${SECRET}\n`);
      for (const repo of [remote, ana, ben]) assertNoPrivateInHistory(repo);
    });

    it('validate fails with a clear error once a private file is force-added', async () => {
      const remote = seededRemote();
      const ana = cloneAs(remote, 'ana');
      await writePrivateNote(ana, join(ana, '.mentoring'), { pairId: PAIR }, `${SECRET}\n`);
      assert.equal(mentoring(ana, 'validate').code, 0);
      git(ana, 'add', '-f', '.mentoring/.private/ana--ben/notes.md');
      const result = mentoring(ana, 'validate');
      assert.equal(result.code, 1);
      assert.match(
        result.stdout,
        /\.mentoring\/\.private\/ana--ben\/notes\.md:1:1: .*private file is tracked by git.*git rm --cached/,
      );
      assert.doesNotMatch(result.stdout + result.stderr, new RegExp(SECRET), 'validate never prints the note');
    });
  });
});
