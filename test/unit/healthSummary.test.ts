import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyHealth, summaryHealth } from '../../src/core/health/figures';
import { clearHistoryCache, readHistory, readPairSummaries } from '../../src/core/history';
import { SUMMARY_VERSION, summaryPath } from '../../src/core/history/summary';
import { git, removeTempDirs } from './helpers/tempRepo';
import { buildScenario, commitAs, gitAs, PAIR_DIR } from './historyScenario';

const TODAY = '2026-04-01';
const agenda = (date: string, objective: string, by = 'ana') =>
  `date: ${date}\nprepared_by: ${by}\nobjectives:\n  - ${objective}\nactions:\n  - owner: ${by}\n    text: Do ${objective}\n    due: ${date}\n    done: true\n`;
const session = (date: string) => `${PAIR_DIR}/sessions/${date}.yaml`;

function file(repo: string, folder = '.mentoring'): string {
  return summaryPath(git(repo, 'rev-parse', '--absolute-git-dir').trim(), folder);
}

/** Health from the summary after a restart (nothing in memory), against a cold walk of the whole log. */
async function assertEqualsCold(repo: string, folder = '.mentoring'): Promise<void> {
  clearHistoryCache();
  const summaries = await readPairSummaries(repo, { folder });
  const fromSummary = summaryHealth(summaries, TODAY, { defaultCadenceDays: 14 });
  clearHistoryCache();
  const walked = await readHistory(repo, { folder, noCache: true });
  assert.equal(summaries.head, walked.head);
  assert.deepEqual(fromSummary, historyHealth(walked, TODAY, { defaultCadenceDays: 14 }));
  assert.ok(fromSummary.pairs.length > 0);
}

/** Marks the summary's head digest so a read that went on from it (rather than rebuilding) shows it. */
function mark(repo: string, folder = '.mentoring'): void {
  const data = JSON.parse(readFileSync(file(repo, folder), 'utf8'));
  for (const [, entry] of data.pairs) entry.digest.drives.push(['1999-01', [1, 1, 0, 0, 0, 0]]);
  writeFileSync(file(repo, folder), JSON.stringify(data));
}

async function marked(repo: string): Promise<boolean> {
  clearHistoryCache();
  const { pairs } = summaryHealth(await readPairSummaries(repo), TODAY);
  return pairs.some((pair) => pair.menteeDrives.trend.some((month) => month.month === '1999-01'));
}

describe('health summary on disk', () => {
  afterEach(() => {
    removeTempDirs();
    clearHistoryCache();
  });

  it('is written under the git folder, one small file per pair, and equals a cold walk after appends', async () => {
    const { repo } = buildScenario();
    await assertEqualsCold(repo);
    assert.ok(file(repo).startsWith(join(repo, '.git')));
    assert.ok(readdirSync(file(repo).replace(/\.json$/, '')).includes('ana--ben.json'));
    assert.equal(git(repo, 'status', '--porcelain').trim(), '');
    commitAs(repo, 'ana', '2026-03-01', 'agenda', { [session('2026-03-05')]: agenda('2026-03-05', 'A') });
    commitAs(repo, 'ben', '2026-03-02', 'agenda', { [session('2026-03-05')]: agenda('2026-03-05', 'B', 'ben') });
    await assertEqualsCold(repo);
    // Gone on from the summary, not rebuilt: a mark put in it stays after one more commit.
    mark(repo);
    commitAs(repo, 'ana', '2026-03-03', 'agenda', { [session('2026-03-12')]: agenda('2026-03-12', 'C') });
    assert.ok(await marked(repo));
  });

  it('is written from a whole history already in memory at HEAD, and used as written', async () => {
    const { repo } = buildScenario();
    clearHistoryCache();
    const walked = await readHistory(repo); // in memory only: no summary on disk
    assert.equal(existsSync(file(repo)), false);
    const summaries = await readPairSummaries(repo);
    assert.equal(summaries.head, walked.head);
    assert.ok(existsSync(file(repo)));
    assert.deepEqual(
      summaryHealth(summaries, TODAY, { defaultCadenceDays: 14 }),
      historyHealth(walked, TODAY, { defaultCadenceDays: 14 }),
    );
  });

  it('goes on through a rename, a deletion and a merge, equal to a cold walk', async () => {
    const { repo } = buildScenario();
    commitAs(repo, 'ana', '2026-03-01', 'agenda', { [session('2026-03-05')]: agenda('2026-03-05', 'A') });
    await assertEqualsCold(repo);
    gitAs(repo, 'ana', '2026-03-02', 'mv', session('2026-03-05'), session('2026-03-06'));
    gitAs(repo, 'ana', '2026-03-02', 'commit', '-q', '--no-verify', '-m', 'move');
    await assertEqualsCold(repo);
    commitAs(repo, 'ben', '2026-03-03', 'agenda', {
      [session('2026-03-06')]: null,
      [session('2026-03-12')]: agenda('2026-03-12', 'B'),
    });
    await assertEqualsCold(repo);
    gitAs(repo, 'ana', '2026-03-04', 'checkout', '-q', '-b', 'side', 'HEAD~1');
    commitAs(repo, 'ana', '2026-03-04', 'agenda', { [session('2026-03-19')]: agenda('2026-03-19', 'C') });
    gitAs(repo, 'ana', '2026-03-04', 'checkout', '-q', '-');
    gitAs(repo, 'ana', '2026-03-05', 'merge', '-q', '--no-edit', 'side');
    await assertEqualsCold(repo);
  });

  it('is rebuilt after a rebase, and equals a cold walk after a branch switch both ways', async () => {
    const { repo } = buildScenario();
    commitAs(repo, 'ana', '2026-03-01', 'agenda', { [session('2026-03-05')]: agenda('2026-03-05', 'A') });
    await assertEqualsCold(repo);
    mark(repo);
    gitAs(repo, 'ana', '2026-03-02', 'reset', '-q', '--hard', 'HEAD~1');
    commitAs(repo, 'ben', '2026-03-02', 'agenda', { [session('2026-03-06')]: agenda('2026-03-06', 'B') });
    await assertEqualsCold(repo);
    assert.equal(await marked(repo), false, 'rebuilt, not gone on from');
    gitAs(repo, 'ana', '2026-03-03', 'checkout', '-q', '-b', 'other', 'HEAD~3');
    commitAs(repo, 'ana', '2026-03-03', 'agenda', { [session('2026-03-07')]: agenda('2026-03-07', 'C') });
    await assertEqualsCold(repo);
    gitAs(repo, 'ana', '2026-03-03', 'checkout', '-q', '-');
    await assertEqualsCold(repo);
  });

  it('goes on after a session moved to another pair, and after that file changed again', async () => {
    const { repo } = buildScenario();
    const other = '.mentoring/pairs/carol--ben';
    commitAs(repo, 'ana', '2026-03-01', 'agenda', {
      [session('2026-03-05')]: agenda('2026-03-05', 'A'),
      [`${other}/sessions/2026-02-20.yaml`]: agenda('2026-02-20', 'Z', 'carol'),
      [`${other}/plan.yaml`]: 'mentee: carol\nmentor: ben\nstatus: active\nstarted: 2026-02-01\ngoals: []\n',
    });
    await assertEqualsCold(repo);
    gitAs(repo, 'ana', '2026-03-02', 'mv', session('2026-03-05'), `${other}/sessions/2026-03-05.yaml`);
    gitAs(repo, 'ana', '2026-03-02', 'commit', '-q', '--no-verify', '-m', 'move');
    await assertEqualsCold(repo);
    mark(repo);
    // Broken, then mended: the mended version is compared with the last good one, which the first
    // pair's memory holds (the file keeps its first path as id), so no second agenda is counted.
    commitAs(repo, 'ben', '2026-03-06', 'break', { [`${other}/sessions/2026-03-05.yaml`]: 'date: [unclosed\n' });
    commitAs(repo, 'ben', '2026-03-07', 'mend', {
      [`${other}/sessions/2026-03-05.yaml`]: `${agenda('2026-03-05', 'A')}notes: Went well\n`,
    });
    assert.ok(await marked(repo), 'gone on from the summary');
    const data = JSON.parse(readFileSync(file(repo), 'utf8'));
    for (const [, entry] of data.pairs) entry.digest.drives.pop();
    writeFileSync(file(repo), JSON.stringify(data));
    await assertEqualsCold(repo);
  });

  it('is rebuilt when a people file changes who wrote what', async () => {
    const { repo } = buildScenario();
    await assertEqualsCold(repo);
    commitAs(repo, 'ana', '2026-03-01', 'people', {
      '.mentoring/people/carol.yaml': 'name: Carol Outsider\nemails:\n  - carol@elsewhere.org\n',
    });
    await assertEqualsCold(repo);
  });

  it('keeps one summary per folder setting, each equal to a cold walk of its folder', async () => {
    const { repo } = buildScenario();
    await assertEqualsCold(repo);
    git(repo, 'mv', '.mentoring', 'team');
    gitAs(repo, 'ana', '2026-03-01', 'commit', '-q', '-m', 'move');
    commitAs(repo, 'ana', '2026-03-02', 'agenda', {
      'team/pairs/ana--ben/sessions/2026-03-05.yaml': agenda('2026-03-05', 'A'),
    });
    await assertEqualsCold(repo, 'team');
    assert.notEqual(file(repo, 'team'), file(repo));
  });

  for (const [what, spoil] of [
    [
      'its version changed',
      (path: string) =>
        writeFileSync(
          path,
          readFileSync(path, 'utf8').replace(`"version":${SUMMARY_VERSION}`, `"version":${SUMMARY_VERSION + 1}`),
        ),
    ],
    ['it is truncated', (path: string) => writeFileSync(path, readFileSync(path, 'utf8').slice(0, 200))],
    ['it holds other JSON', (path: string) => writeFileSync(path, `{"version": ${SUMMARY_VERSION}, "pairs": {}}`)],
    [
      'a pair file is truncated',
      (path: string) => {
        const pair = join(path.replace(/\.json$/, ''), 'ana--ben.json');
        writeFileSync(pair, readFileSync(pair, 'utf8').slice(0, 100));
      },
    ],
  ] as const) {
    it(`is rebuilt when ${what}`, async () => {
      const { repo } = buildScenario();
      await assertEqualsCold(repo);
      spoil(file(repo));
      commitAs(repo, 'ana', '2026-03-01', 'agenda', { [session('2026-03-05')]: agenda('2026-03-05', 'A') });
      await assertEqualsCold(repo);
      assert.equal(JSON.parse(readFileSync(file(repo), 'utf8')).head, git(repo, 'rev-parse', 'HEAD').trim());
      assert.ok(existsSync(join(file(repo).replace(/\.json$/, ''), 'ana--ben.json')));
    });
  }
});
