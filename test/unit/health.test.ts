import assert from 'node:assert/strict';
import { historyHealth, pairHealth, pairStateFromModel, programHealth } from '../../src/core/health/figures';
import { clearHistoryCache, readHistory } from '../../src/core/history';
import { loadMentoring } from '../../src/core/folder/load';
import { removeTempDirs } from './helpers/tempRepo';
import { buildScenario } from './historyScenario';

const TODAY = '2026-02-20';

describe('health figures from the scripted repository', () => {
  afterEach(() => {
    removeTempDirs();
    clearHistoryCache();
  });

  it('matches every figure worked out by hand', async () => {
    const { repo } = buildScenario();
    const history = await readHistory(repo);
    const { pairs, program } = historyHealth(history, TODAY);
    assert.equal(pairs.length, 1);
    const health = pairs[0];
    assert.equal(health.pair, 'ana--ben');
    assert.equal(health.status, 'active');
    // Sessions 01-10, 01-24 and 02-06 are all before 02-20; the last was 14 days ago.
    assert.equal(health.lastSession, '2026-02-06');
    assert.equal(health.daysSinceLastSession, 14);
    // Started 01-10, every 14 days until 02-20 (41 days): 01-10, 01-24, 02-07 → 3 expected.
    assert.deepEqual(health.sessions, { held: 3, expected: 3, cadenceDays: 14, share: 1 });
    // 01-10 committed 01-09 ✓; 01-24 (first committed as 01-23, on 01-22) ✓; 02-06 committed that morning ✗.
    assert.deepEqual(health.agendasBeforeSession, { part: 2, total: 3, share: 0.667 });
    // Retries chapter due 01-20, done 01-22 ✗; design draft due 02-01, done 01-31 ✓; review due 02-10, open ✗.
    assert.deepEqual(health.followThrough, { part: 1, total: 3, share: 0.333 });
    // Agendas: c4, c6, c13 by ana. Requests: c8 by carol (unknown), c15 by ana.
    // Plan edits: c1 ben, c2 ana, c10 ana, c11 ben (revert), c12 ana; the merge is not an edit.
    assert.deepEqual(health.menteeDrives.agendas, { part: 3, total: 3, share: 1 });
    assert.deepEqual(health.menteeDrives.feedback, { part: 1, total: 2, share: 0.5 });
    assert.deepEqual(health.menteeDrives.planEdits, { part: 3, total: 5, share: 0.6 });
    assert.deepEqual(health.menteeDrives.overall, { part: 7, total: 10, share: 0.7 });
    assert.deepEqual(health.menteeDrives.trend, [
      { month: '2026-01', mentee: 3, total: 5, share: 0.6 }, // c1 ben, c2 ana, c4 ana, c6 ana, c8 carol
      { month: '2026-02', mentee: 4, total: 5, share: 0.8 }, // c10 ana, c11 ben, c12 ana, c13 ana, c15 ana
    ]);
    // The retry request was answered; the naming request asked 02-08 is open, 12 days old.
    assert.deepEqual(health.openFeedback, { count: 1, ages: [12], oldestDays: 12 });
    // The talks goal was added and reverted; design is in progress with one benchmark of two.
    assert.deepEqual(health.goals, { total: 1, planned: 0, inProgress: 1, done: 0, dropped: 0 });
    assert.deepEqual(health.benchmarks, { part: 1, total: 2, share: 0.5 });
    // No session after today, but the last one agreed 03-01.
    assert.deepEqual(health.nextSession, { agreed: true, date: '2026-03-01' });

    assert.equal(program.pairs, 1);
    assert.deepEqual(program.byStatus, { active: 1 });
    assert.deepEqual(program.sessions, { held: 3, expected: 3 });
    assert.deepEqual(program.menteeDrives, { part: 7, total: 10, share: 0.7 });
    assert.deepEqual(program.nextSessionAgreed, { part: 1, total: 1, share: 1 });
    assert.equal(program.medianDaysSinceLastSession, 14);
    assert.doesNotMatch(
      JSON.stringify({ pairs, program }),
      /retries|queues|Looks safe|design doc/i,
      'health quotes no file content',
    );
  });

  it('gives the same figures from the working-tree model as from HEAD', async () => {
    const { repo } = buildScenario();
    const history = await readHistory(repo);
    const model = await loadMentoring(repo, { folder: '.mentoring' });
    const pair = model.pairs.find((p) => p.id === 'ana--ben');
    assert.ok(pair);
    const fromModel = pairHealth(pairStateFromModel(pair), history, TODAY);
    assert.deepEqual(fromModel, historyHealth(history, TODAY).pairs[0]);
  });

  it('aggregates pooled shares over pairs and leaves out what is unknown', () => {
    const empty = programHealth([]);
    assert.equal(empty.pairs, 0);
    assert.deepEqual(empty.followThrough, { part: 0, total: 0, share: null });
    assert.equal(empty.medianDaysSinceLastSession, null);
  });
});
