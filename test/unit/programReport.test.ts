import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { programReport } from '../../src/core/app/programReport';
import { renderReport, REPORT_FORMATS } from '../../src/core/app/reportRender';
import { overviewMessage } from '../../src/extension/overview/viewModel';
import { clearHistoryCache } from '../../src/core/history';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildProgramScenario,
  commit,
  plan,
  removeProgramScenario,
  session,
  PROGRAM_TODAY,
  SECRETS,
} from './programScenario';

describe('program report from a scripted program', () => {
  let repo: string;
  before(function () {
    this.timeout(30_000);
    repo = buildProgramScenario();
  });
  after(() => {
    removeProgramScenario(repo);
    clearHistoryCache();
  });

  it('matches every figure worked out by hand', async () => {
    const report = await programReport(repo, { today: PROGRAM_TODAY });
    assert.equal(report.name, 'Platform mentoring');
    assert.deepEqual(
      report.pairs.map((row) => row.pair),
      ['ana--ben', 'cid--dee'],
    );
    const [ab, cd] = report.pairs;
    // ana--ben: sessions 01-05, 01-19, 02-02; 02-02 to 03-05 is 31 days; cadence 14.
    assert.equal(ab.status, 'active');
    assert.equal(ab.lastSession, '2026-02-02');
    assert.equal(ab.daysSinceLastSession, 31);
    assert.equal(ab.cadenceDays, 14);
    assert.equal(ab.sessionsHeld, 3);
    // Started 01-05, 59 days to 03-05, one session every 14 days: 5.
    assert.equal(ab.sessionsAgreed, 5);
    // Committed 01-04 and 01-18 ahead; 02-02's on the morning of the day.
    assert.deepEqual(ab.agendasAhead, { part: 2, total: 3, share: 0.667 });
    // Due 01-12 and ticked 01-10: kept; due 02-10 and still open: not.
    assert.deepEqual(ab.followThrough, { part: 1, total: 2, share: 0.5 });
    // Ben's plan; Ana's three agendas and her request: 4 of 5. January 2/3, February 2/2.
    assert.deepEqual(ab.menteeDriven, { part: 4, total: 5, share: 0.8 });
    assert.deepEqual(ab.menteeDrivenByMonth, [
      { month: '2026-01', share: 0.667 },
      { month: '2026-02', share: 1 },
    ]);
    assert.equal(ab.menteeDrivenTrend, 'rising');
    // The request asked 02-01 is open: 32 days.
    assert.equal(ab.openFeedback, 1);
    assert.equal(ab.oldestFeedbackDays, 32);
    // The last session agreed 02-16, which has passed.
    assert.equal(ab.nextSession, null);

    // cid--dee: started 02-20 every 7 days; held 02-20, which agreed 03-10 (a person set next_session).
    assert.equal(cd.daysSinceLastSession, 13);
    assert.equal(cd.sessionsHeld, 1);
    assert.equal(cd.sessionsAgreed, 2);
    assert.deepEqual(cd.agendasAhead, { part: 2, total: 2, share: 1 });
    assert.deepEqual(cd.followThrough, { part: 0, total: 0, share: null });
    assert.deepEqual(cd.menteeDriven, { part: 2, total: 3, share: 0.667 });
    assert.equal(cd.nextSession, '2026-03-10');

    assert.deepEqual(report.totals.byStatus, { active: 2 });
    assert.equal(report.totals.sessionsHeld, 4);
    assert.equal(report.totals.sessionsAgreed, 7);
    assert.deepEqual(report.totals.nextSessionAgreed, { part: 1, total: 2, share: 0.5 });
    assert.equal(report.totals.medianDaysSinceLastSession, 22);

    // Fay's relationship, proposed by the program on 02-10, waits on its review branch: 23 days.
    assert.deepEqual(report.pending, [
      { pair: 'fay--ben', mentee: 'fay', mentor: 'ben', from: 'program', since: '2026-02-10', ageDays: 23 },
    ]);
    assert.deepEqual(report.atRisk, [
      {
        pair: 'ana--ben',
        reasons: [
          { kind: 'no-session', days: 31, limit: 28 },
          { kind: 'feedback-waiting', days: 32, limit: 14 },
        ],
      },
      { pair: 'fay--ben', reasons: [{ kind: 'proposal-pending', days: 23, limit: 14 }] },
    ]);
    // Eve is paused, so not waiting; Fay has a proposal waiting.
    assert.deepEqual(report.unmatchedMentees, [{ handle: 'fay', proposed: true }]);
    // Ben: 2 less Ana, less Fay's proposal; Dee: 1 less Cid.
    assert.deepEqual(report.mentors, [
      { handle: 'ben', capacity: 2, active: 1, pending: 1, remaining: 0, paused: false },
      { handle: 'dee', capacity: 1, active: 1, pending: 0, remaining: 0, paused: false },
    ]);

    // The twelve months to today's, from the first with anything in it.
    // January: 01-05 and 01-19; ana--ben ran 27 days of 14 → 1.9.
    // February: 02-02 and 02-20; 28/14 + (02-20..02-28: 9 days)/7 = 3.3; mentee-driven 3 of 4.
    // March to the 5th: nothing held; 5/14 + 5/7 = 1.1; Cid's agenda 1 of 1.
    assert.deepEqual(report.months, [
      { month: '2026-01', sessions: 2, agreed: 1.9, menteeDriven: 0.667 },
      { month: '2026-02', sessions: 2, agreed: 3.3, menteeDriven: 0.75 },
      { month: '2026-03', sessions: 0, agreed: 1.1, menteeDriven: 1 },
    ]);
    assert.deepEqual(report.followThrough, { quarters: [0, 0, 1, 0], none: 1 });
  });

  it('never prints a private field in any format', async () => {
    const report = await programReport(repo, { today: PROGRAM_TODAY });
    for (const format of REPORT_FORMATS) {
      const out = renderReport(report, format);
      assert.ok(out.includes('ana--ben'), `${format} shows the pairs`);
      for (const secret of SECRETS) assert.ok(!out.includes(secret), `${format} leaks ${secret}`);
      assert.doesNotMatch(out, /SECRET/, format);
    }
  });

  it('never sends a private field to the Program Overview panel', async () => {
    const report = await programReport(repo, { today: PROGRAM_TODAY });
    // Exactly what the panel posts to its webview, for a coordinator and for a read-only viewer.
    for (const readOnly of [false, true]) {
      const message = JSON.stringify(overviewMessage(report, readOnly));
      assert.ok(message.includes('"pair":"ana--ben"'), 'the panel gets the pairs');
      for (const secret of SECRETS) assert.ok(!message.includes(secret), `the panel's message leaks ${secret}`);
      assert.doesNotMatch(message, /SECRET/);
    }
  });

  it('makes the HTML page self-contained: style, chart numbers and chart script inline, allowed by hash', async () => {
    const html = renderReport(await programReport(repo, { today: PROGRAM_TODAY }), 'html');
    assert.equal((html.match(/<canvas data-chart="\d" role="img" aria-label="[^"]+">/g) ?? []).length, 3);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    // Nothing that fetches: no link, image, import, url(), and no script or frame from elsewhere.
    assert.doesNotMatch(html.replace(script, ''), /<link|<img|<iframe|@import|url\(|<script[^>]* src=/i);
    // The CSP allows exactly the page's one style and one script, by their hashes, and nothing else.
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.doesNotMatch(csp, /unsafe-|https?:|\*/);
    const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    assert.equal(csp, `default-src 'none'; style-src '${hash(style)}'; script-src '${hash(script)}'`);
    assert.match(script, /Chart\.js v4/, 'the Chart.js bundle, licence comment kept');
    // The numbers behind the charts, as data for the script and as tables for anyone.
    const data = JSON.parse(/<script type="application\/json" id="chart-data">([^<]*)<\/script>/.exec(html)![1]);
    assert.deepEqual(data[2].series[0].values, [0, 0, 1, 0, 1]);
    assert.match(html, /<tr><th scope="row">2026-02<\/th><td>2<\/td><td>3\.3<\/td><\/tr>/);
    assert.match(html, /<tr><th scope="row">2026-02<\/th><td>75%<\/td><\/tr>/);
    assert.match(html, /<td>ana--ben<\/td><td>active<\/td><td>31 \/ 14<\/td><td>3 \/ 5<\/td>/);
  });
});

describe('program report from the health summary', () => {
  let repo: string | undefined;
  afterEach(() => {
    removeProgramScenario(repo);
    clearHistoryCache();
  });

  it('after a restart and new commits equals the report built cold, a proposal on the branch itself dated', async function () {
    this.timeout(30_000);
    repo = buildProgramScenario();
    await programReport(repo, { today: PROGRAM_TODAY });
    const stored = join(repo, '.git', 'mentoring');
    assert.ok(existsSync(stored), 'the first report leaves the summary under .git/mentoring');
    // The program proposes Eve to Dee on main itself (no review branch); Cid holds a session.
    commit(repo, 'kim', '2026-03-02', {
      '.mentoring/pairs/eve--dee/plan.yaml': plan('eve', 'dee', 'proposed', '2026-03-02', 14, 'program'),
    });
    commit(repo, 'cid', '2026-03-03', {
      '.mentoring/pairs/cid--dee/sessions/2026-03-03.yaml': session('2026-03-03', 'cid', { next: '2026-03-10' }),
    });
    clearHistoryCache(); // a restart: nothing in memory, the summary on disk two commits behind
    const restarted = await programReport(repo, { today: PROGRAM_TODAY });
    rmSync(stored, { recursive: true, force: true });
    clearHistoryCache();
    const cold = await programReport(repo, { today: PROGRAM_TODAY });
    assert.deepEqual(restarted, cold);
    assert.deepEqual(
      restarted.pending.find((row) => row.pair === 'eve--dee'),
      { pair: 'eve--dee', mentee: 'eve', mentor: 'dee', from: 'program', since: '2026-03-02', ageDays: 3 },
    );
    assert.equal(restarted.pairs.find((row) => row.pair === 'cid--dee')?.sessionsHeld, 2);
  });
});
