import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearHistoryCache, readHistory, type History } from '../../src/core/history';
import { HISTORY_INDEX_VERSION, historyIndexPath } from '../../src/core/history/persist';
import { git, removeTempDirs } from './helpers/tempRepo';
import { buildScenario, commitAs, gitAs, PAIR_DIR } from './historyScenario';

/** What a timeline and the health figures read of a history (as JSON: a key holding undefined is no key). */
function essence(history: History): unknown {
  return JSON.parse(
    JSON.stringify({
      head: history.head,
      commits: history.commits,
      events: history.events,
      edits: history.edits,
      pairs: [...history.pairs],
      logs: [...history.logs].sort(([a], [b]) => a.localeCompare(b)),
    }),
  );
}

/** The history as a walk of the whole log finds it, with nothing cached or indexed. */
async function cold(repo: string, folder = '.mentoring', pair?: string): Promise<History> {
  clearHistoryCache();
  const history = await readHistory(repo, { folder, pair, noCache: true });
  clearHistoryCache();
  return history;
}

/** The history after an editor restart: nothing in memory, the index on disk. */
async function afterRestart(repo: string, folder = '.mentoring', pair?: string): Promise<History> {
  clearHistoryCache();
  return readHistory(repo, { folder, pair, persist: true });
}

function indexFile(repo: string, folder = '.mentoring', scope = '*'): string {
  return historyIndexPath(git(repo, 'rev-parse', '--absolute-git-dir').trim(), folder, scope);
}

/** Marks the index's first event, so a read that went on from the index shows it. */
function mark(repo: string, folder = '.mentoring', scope = '*', version = HISTORY_INDEX_VERSION): void {
  const file = indexFile(repo, folder, scope);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  data.walk.events[0].authorName = 'From the index';
  data.version = version;
  writeFileSync(file, JSON.stringify(data));
}

const agenda = (date: string, objective: string) => `date: ${date}\nprepared_by: ana\nobjectives:\n  - ${objective}\n`;

describe('history index on disk', () => {
  afterEach(() => {
    removeTempDirs();
    clearHistoryCache();
  });

  it('is kept under the git folder, outside the working tree, and goes on from it after appends', async () => {
    const { repo } = buildScenario();
    await afterRestart(repo);
    const file = indexFile(repo);
    assert.ok(existsSync(file));
    assert.ok(file.startsWith(join(repo, '.git')), file);
    assert.equal(git(repo, 'status', '--porcelain').trim(), '', 'nothing new in the working tree');
    assert.ok(readdirSync(join(repo, '.git', 'mentoring')).every((f) => !f.endsWith('.tmp')));

    commitAs(repo, 'ana', '2026-03-01', 'agenda', {
      [`${PAIR_DIR}/sessions/2026-03-05.yaml`]: agenda('2026-03-05', 'A'),
    });
    commitAs(repo, 'ben', '2026-03-02', 'agenda', {
      [`${PAIR_DIR}/sessions/2026-03-05.yaml`]: agenda('2026-03-05', 'B'),
    });
    assert.deepEqual(essence(await afterRestart(repo)), essence(await cold(repo)));

    // The index was read, not the whole log: a mark put in it shows after one more commit.
    mark(repo);
    commitAs(repo, 'ana', '2026-03-03', 'agenda', {
      [`${PAIR_DIR}/sessions/2026-03-12.yaml`]: agenda('2026-03-12', 'C'),
    });
    const marked = await afterRestart(repo);
    assert.equal(marked.events[0].authorName, 'From the index');
    assert.equal(marked.events.at(-1)?.commit, marked.head);
  });

  it('keeps one pair apart, and equals a cold walk of that pair after a new commit', async () => {
    const { repo } = buildScenario();
    await afterRestart(repo, '.mentoring', 'ana--ben');
    assert.ok(existsSync(indexFile(repo, '.mentoring', 'ana--ben')));
    commitAs(repo, 'ana', '2026-03-01', 'agenda', {
      [`${PAIR_DIR}/sessions/2026-03-05.yaml`]: agenda('2026-03-05', 'A'),
    });
    assert.deepEqual(
      essence(await afterRestart(repo, '.mentoring', 'ana--ben')),
      essence(await cold(repo, '.mentoring', 'ana--ben')),
    );
  });

  it('is brought up to HEAD when a restart went on from it, so the next restart walks no commit again', async () => {
    const { repo } = buildScenario();
    const indexedHead = (scope: string) => JSON.parse(readFileSync(indexFile(repo, '.mentoring', scope), 'utf8')).head;
    for (const pair of ['ana--ben', undefined]) {
      await afterRestart(repo, '.mentoring', pair);
      commitAs(repo, 'ana', '2026-03-01', 'agenda', {
        [`${PAIR_DIR}/sessions/2026-03-0${pair ? 5 : 6}.yaml`]: agenda('2026-03-05', 'A'),
      });
      const history = await afterRestart(repo, '.mentoring', pair);
      assert.equal(indexedHead(pair ?? '*'), history.head, `the ${pair ?? 'whole folder'} index`);
      assert.equal(history.head, git(repo, 'rev-parse', 'HEAD').trim());
    }
  });

  it('goes on from the index through renames, deletions and a merge, equal to a cold walk', async () => {
    const { repo } = buildScenario();
    const file = (date: string) => `${PAIR_DIR}/sessions/${date}.yaml`;
    /** Equal to a cold walk, and gone on from the (marked) index. */
    const fromIndex = async (): Promise<void> => {
      const after = await afterRestart(repo);
      const walked = await cold(repo);
      assert.equal(after.events[0].authorName, 'From the index');
      after.events[0].authorName = walked.events[0].authorName;
      assert.deepEqual(essence(after), essence(walked));
    };
    commitAs(repo, 'ana', '2026-03-01', 'agenda', { [file('2026-03-05')]: agenda('2026-03-05', 'A') });
    await afterRestart(repo);
    await afterRestart(repo, '.mentoring', 'ana--ben');
    mark(repo);
    // A line of commits: what changed comes from the log alone (no tree comparison).
    gitAs(repo, 'ana', '2026-03-02', 'mv', file('2026-03-05'), file('2026-03-06'));
    gitAs(repo, 'ana', '2026-03-02', 'commit', '-q', '--no-verify', '-m', 'move');
    commitAs(repo, 'ben', '2026-03-03', 'agenda', {
      [file('2026-03-06')]: null,
      [file('2026-03-12')]: agenda('2026-03-12', 'B'),
    });
    await fromIndex();
    assert.deepEqual(
      essence(await afterRestart(repo, '.mentoring', 'ana--ben')),
      essence(await cold(repo, '.mentoring', 'ana--ben')),
    );
    // A merge: git compares the trees.
    gitAs(repo, 'ana', '2026-03-04', 'checkout', '-q', '-b', 'side', 'HEAD~1');
    commitAs(repo, 'ana', '2026-03-04', 'agenda', { [file('2026-03-19')]: agenda('2026-03-19', 'C') });
    gitAs(repo, 'ana', '2026-03-04', 'checkout', '-q', '-');
    gitAs(repo, 'ana', '2026-03-05', 'merge', '-q', '--no-edit', 'side');
    await fromIndex();
  });

  it('equals a cold walk after a rebase rewrote the indexed commits', async () => {
    const { repo } = buildScenario();
    commitAs(repo, 'ana', '2026-03-01', 'agenda', {
      [`${PAIR_DIR}/sessions/2026-03-05.yaml`]: agenda('2026-03-05', 'A'),
    });
    await afterRestart(repo);
    mark(repo);
    gitAs(repo, 'ana', '2026-03-02', 'reset', '-q', '--hard', 'HEAD~1');
    commitAs(repo, 'ben', '2026-03-02', 'agenda', {
      [`${PAIR_DIR}/sessions/2026-03-06.yaml`]: agenda('2026-03-06', 'B'),
    });
    const after = await afterRestart(repo);
    assert.deepEqual(essence(after), essence(await cold(repo)));
    assert.notEqual(after.events[0].authorName, 'From the index', 'rebuilt, not gone on from');
  });

  it('equals a cold walk after a branch switch, both ways', async () => {
    const { repo } = buildScenario();
    gitAs(repo, 'ana', '2026-03-01', 'checkout', '-q', '-b', 'other', 'HEAD~3');
    commitAs(repo, 'ana', '2026-03-01', 'agenda', {
      [`${PAIR_DIR}/sessions/2026-03-05.yaml`]: agenda('2026-03-05', 'A'),
    });
    await afterRestart(repo);
    gitAs(repo, 'ana', '2026-03-01', 'checkout', '-q', '-');
    assert.deepEqual(essence(await afterRestart(repo)), essence(await cold(repo)));
    gitAs(repo, 'ana', '2026-03-01', 'checkout', '-q', 'other');
    assert.deepEqual(essence(await afterRestart(repo)), essence(await cold(repo)));
  });

  it('keeps one index per folder setting, each equal to a cold walk of its folder', async () => {
    const { repo } = buildScenario();
    await afterRestart(repo);
    git(repo, 'mv', '.mentoring', 'team');
    gitAs(repo, 'ana', '2026-03-01', 'commit', '-q', '-m', 'move');
    commitAs(repo, 'ana', '2026-03-02', 'agenda', {
      'team/pairs/ana--ben/sessions/2026-03-05.yaml': agenda('2026-03-05', 'A'),
    });
    const team = await afterRestart(repo, 'team');
    assert.deepEqual(essence(team), essence(await cold(repo, 'team')));
    assert.ok(team.events.length > 0);
    assert.notEqual(indexFile(repo, 'team'), indexFile(repo));
    assert.deepEqual(essence(await afterRestart(repo)), essence(await cold(repo)));
  });

  for (const [what, spoil] of [
    ['its version changed', (file: string, repo: string) => mark(repo, '.mentoring', '*', HISTORY_INDEX_VERSION + 1)],
    ['it is truncated', (file: string) => writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200))],
    ['it holds other JSON', (file: string) => writeFileSync(file, '{"version": 1, "walk": []}')],
    ['it is not JSON', (file: string) => writeFileSync(file, 'not json')],
  ] as const) {
    it(`is rebuilt when ${what}`, async () => {
      const { repo } = buildScenario();
      await afterRestart(repo);
      const file = indexFile(repo);
      spoil(file, repo);
      commitAs(repo, 'ana', '2026-03-01', 'agenda', {
        [`${PAIR_DIR}/sessions/2026-03-05.yaml`]: agenda('2026-03-05', 'A'),
      });
      const after = await afterRestart(repo);
      assert.deepEqual(essence(after), essence(await cold(repo)));
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).head, after.head, 'written again');
    });
  }
});
