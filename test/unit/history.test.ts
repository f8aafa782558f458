import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GitError } from '../../src/core/git/runner';
import { historyHealth } from '../../src/core/health/figures';
import { clearHistoryCache, pairTimeline, readHistory, type HistoryEvent } from '../../src/core/history';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';
import { buildScenario, commitAs, installProgramTrap, PAIR_DIR } from './historyScenario';

function brief(event: HistoryEvent): string {
  const who = 'handle' in event.author ? event.author.handle : `?${event.author.unknown}`;
  return `${event.kind} ${who} ${event.date.slice(0, 10)}`;
}

const EXPECTED = [
  'relationship-proposed ben 2026-01-05', // c1: plan added as proposed
  'goal-added ben 2026-01-05',
  'relationship-accepted ana 2026-01-06', // c2 on the review branch, keeps the mentee as author
  'goal-changed ana 2026-01-06',
  'plan-review-merged ben 2026-01-07', // c3: the merge adds no second "accepted"
  'agenda-prepared ana 2026-01-09',
  'notes-written ben 2026-01-10',
  'agenda-prepared ana 2026-01-22',
  'action-done ana 2026-01-22', // a carried-over follow-up, written differently
  // c7 renames the agenda to another date: not a new agenda
  'feedback-asked ?carol@elsewhere.org 2026-01-30',
  'action-done ana 2026-01-31',
  'goal-added ana 2026-02-03',
  'goal-removed ben 2026-02-04', // the revert
  'benchmark-reached ana 2026-02-05',
  'agenda-prepared ana 2026-02-06',
  'feedback-answered ben 2026-02-07',
  'feedback-asked ana 2026-02-08',
];

describe('history: events from a scripted repository', () => {
  afterEach(() => {
    removeTempDirs();
    clearHistoryCache();
  });

  it('derives every event once, in order, with authors mapped through people/ emails', async () => {
    const { repo, commits } = buildScenario();
    const history = await readHistory(repo);
    assert.deepEqual(history.events.map(brief), EXPECTED);
    assert.equal(history.head, commits.c16);
    assert.equal(history.shallow, false);
    const [proposed, , accepted, changed, merged] = history.events;
    assert.equal(proposed.commit, commits.c1);
    assert.equal(proposed.path, `${PAIR_DIR}/plan.yaml`);
    assert.deepEqual(accepted.details, { status: 'active', previousStatus: 'proposed' });
    assert.equal(accepted.commit, commits.c2);
    assert.deepEqual(changed.details.fields, ['status']);
    assert.equal(merged.commit, commits.c3);
    const agendas = history.events
      .filter((e) => e.kind === 'agenda-prepared')
      .map((e) => [e.details.sessionDate, e.details.committedBeforeSession]);
    assert.deepEqual(agendas, [
      ['2026-01-10', true],
      ['2026-01-23', true],
      ['2026-02-06', false], // committed on the session's own day
    ]);
    const unknown = history.events.find((e) => e.kind === 'feedback-asked');
    assert.deepEqual(unknown?.author, { unknown: 'carol@elsewhere.org' });
    assert.equal(unknown?.authorName, 'Carol Outsider');
  });

  it('follows a renamed file: its events keep one file id, and the current path maps to it', async () => {
    const { repo } = buildScenario();
    const history = await readHistory(repo);
    const moved = `${PAIR_DIR}/sessions/2026-01-24.yaml`;
    const original = `${PAIR_DIR}/sessions/2026-01-23.yaml`;
    assert.equal(history.fileIds.get(moved), original);
    const ofFile = history.events.filter((e) => e.fileId === original).map((e) => e.kind);
    assert.deepEqual(ofFile, ['agenda-prepared', 'action-done', 'action-done']);
    assert.deepEqual(
      history.edits.filter((e) => e.fileId === original).map((e) => e.change),
      ['added', 'renamed', 'modified'],
    );
  });

  it('reads one pair with the same events, and the pair state at HEAD', async () => {
    const { repo } = buildScenario();
    const one = await readHistory(repo, { pair: 'ana--ben', noCache: true });
    assert.deepEqual(one.events.map(brief), EXPECTED);
    const state = one.pairs.get('ana--ben');
    assert.deepEqual(
      state?.sessions.map((s) => s.sessionDate),
      ['2026-01-10', '2026-01-24', '2026-02-06'],
    );
    assert.equal(state?.plan?.status, 'active');
    assert.deepEqual(pairTimeline(one, 'nobody--else'), []);
  });

  it('updates incrementally when HEAD moves, walking only the new commits', async () => {
    const { repo } = buildScenario();
    const before = await readHistory(repo);
    assert.equal(await readHistory(repo), before, 'same HEAD: the cached result');
    const c17 = commitAs(repo, 'ana', '2026-02-21', 'agenda', {
      [`${PAIR_DIR}/sessions/2026-03-01.yaml`]: 'date: 2026-03-01\nprepared_by: ana\nnotes: ""\n',
    });
    const after = await readHistory(repo);
    assert.equal(after.head, c17);
    assert.equal(after.commits, before.commits + 1);
    assert.deepEqual(after.events.map(brief), [...EXPECTED, 'agenda-prepared ana 2026-02-21']);
    assert.equal(before.events.length, EXPECTED.length, 'an earlier result is not changed');
    assert.deepEqual(
      after.pairs.get('ana--ben')?.sessions.map((s) => s.sessionDate),
      ['2026-01-10', '2026-01-24', '2026-02-06', '2026-03-01'],
    );
    const cold = await readHistory(repo, { noCache: true });
    assert.deepEqual(after.events, cold.events);
  });

  it('walks from scratch when HEAD moves to a commit that does not descend from the cached one', async () => {
    const { repo, commits } = buildScenario();
    await readHistory(repo);
    git(repo, 'reset', '-q', '--hard', commits.c13);
    commitAs(repo, 'ben', '2026-02-10', 'another line of work', {
      [`${PAIR_DIR}/feedback/2026-02-10-other.yaml`]:
        'asked_by: ana\nasked_of: ben\nasked: 2026-02-10\nkind: career\nquestion: Next step?\nstatus: open\n',
    });
    const moved = await readHistory(repo);
    const cold = await readHistory(repo, { noCache: true });
    assert.deepEqual(moved.events, cold.events);
    assert.deepEqual(moved.events.map(brief).slice(-2), [
      'agenda-prepared ana 2026-02-06',
      'feedback-asked ben 2026-02-10',
    ]);
  });

  it('a person added later maps earlier commits by that email too', async () => {
    const { repo } = buildScenario();
    await readHistory(repo);
    commitAs(repo, 'ben', '2026-02-22', 'carol joins', {
      '.mentoring/people/carol.yaml': 'handle: carol\nname: Carol\nemails: [carol@elsewhere.org]\n',
    });
    const history = await readHistory(repo);
    assert.deepEqual(history.events.find((e) => e.kind === 'feedback-asked')?.author, { handle: 'carol' });
  });

  it('a shallow clone: the oldest commit is the starting state, not a burst of events', async () => {
    const { repo } = buildScenario();
    const clone = join(tempDir(), 'clone');
    git(tempDir(), 'clone', '-q', '--depth', '3', `file://${repo}`, clone);
    const history = await readHistory(clone);
    assert.equal(history.shallow, true);
    assert.deepEqual(history.events.map(brief), ['feedback-asked ana 2026-02-08']);
    assert.equal(history.pairs.get('ana--ben')?.sessions.length, 3);
    const { pairs } = historyHealth(history, '2026-02-20');
    assert.deepEqual(pairs[0].agendasBeforeSession, { part: 0, total: 0, share: null });
  });

  it('an empty repository has no history; a folder that is not a repository says so', async () => {
    const empty = tempRepo();
    const history = await readHistory(empty);
    assert.equal(history.head, undefined);
    assert.deepEqual(history.events, []);
    await assert.rejects(
      readHistory(tempDir()),
      (error: unknown) => error instanceof GitError && /not a git repository/.test(error.message),
    );
  });

  it('never runs programs the repository configures (fsmonitor, pager) while reading', async () => {
    const { repo } = buildScenario();
    const marker = installProgramTrap(repo);
    const history = await readHistory(repo);
    historyHealth(history, '2026-02-20');
    assert.equal(existsSync(marker), false, 'a repository-configured program ran');
    spawnSync('git', ['status'], { cwd: repo, stdio: 'ignore' }); // the trap is live: plain git status runs the fsmonitor hook
    assert.equal(existsSync(marker), true);
  });
});
