// The relationship log in the sidebar, on the demo repository (I am Ana, mentee of Ben): the
// health card shows the same figures as `mentoring health`, the timeline lists the scripted
// history by both people, and an event opens its file as it was at that commit.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { repoRoot, useWorkbench, type Workbench } from './harness';
import { PAIR, pickMe, selectPair, sidebarPicture, writeWorkspaceFile } from './sidebarHelpers';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The demo's day `days` from its today, as the timeline writes it ("Nov 28"). */
function demoDay(wb: Workbench, days: number): string {
  const [y, m, d] = wb.demo!.today.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

async function expand(frame: FrameLocator, id: string): Promise<void> {
  const section = frame.getByTestId(`section-${id}`);
  if ((await section.getAttribute('open')) === null) await section.locator('.collapsible-header').first().click();
}

/** The command line on the workspace: the same core as the sidebar. */
function cli(wb: Workbench, ...args: string[]): string {
  return execFileSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], {
    cwd: wb.workspace,
    encoding: 'utf8',
  });
}

const figure = (frame: FrameLocator, id: string) => frame.getByTestId(`health-${id}`).innerText();

describe('sidebar history', function () {
  const workbench = useWorkbench({ theme: 'light' });

  it('shows a health card with the figures of `mentoring health`', async function () {
    const wb = workbench();
    const frame = await wb.openSidebar();
    await frame.getByTestId('health-card').waitFor({ timeout: 30_000 });
    const health = JSON.parse(cli(wb, 'health', 'ana--ben', '--json')).pair;
    // By the demo's script: started 42 days ago every 14 days; agendas for -35, -21, -7 and +7 all
    // committed the day before or earlier; 8 of 9 drive items by Ana (Ben accepted the plan).
    assert.match(await figure(frame, 'sessions'), /3 of 3 expected · every 14 days/);
    assert.match(await figure(frame, 'agendas'), /4 of 4 · 100%/);
    assert.match(await figure(frame, 'drives'), /8 of 9 · 89%/);
    assert.match(await figure(frame, 'feedback'), /1 · oldest 3 days/);
    assert.match(await figure(frame, 'last'), /7 days ago/);
    assert.match(await figure(frame, 'next'), new RegExp(`agreed · .*${demoDay(wb, 7)}`));
    assert.match(await figure(frame, 'benchmarks'), /1 of 3/);
    // The same core gives the same numbers as the command line.
    const ratio = (r: { part: number; total: number }) => `${r.part} of ${r.total}`;
    assert.match(
      await figure(frame, 'sessions'),
      new RegExp(`${health.sessions.held} of ${health.sessions.expected} expected`),
    );
    assert.ok((await figure(frame, 'agendas')).includes(ratio(health.agendasBeforeSession)));
    assert.ok((await figure(frame, 'follow')).includes(ratio(health.followThrough)));
    assert.ok((await figure(frame, 'drives')).includes(ratio(health.menteeDrives.overall)));
    assert.ok(
      (await figure(frame, 'feedback')).includes(
        `${health.openFeedback.count} · oldest ${health.openFeedback.oldestDays}`,
      ),
    );
    const trend = await figure(frame, 'trend');
    for (const month of health.menteeDrives.trend)
      assert.ok(trend.includes(`${Math.round(month.share * 100)}%`), trend);
  });

  it('lists the timeline by month, newest first, with events by both people', async function () {
    const wb = workbench();
    const frame = wb.sidebar();
    await expand(frame, 'timeline');
    const events = frame.getByTestId('timeline-event');
    await events.first().waitFor({ timeout: 30_000 });
    const texts = await events.allInnerTexts();
    assert.equal(texts[0], `Ana prepared the agenda for ${demoDay(wb, 7)} — committed 8 days before`);
    // The first commit, in its own order: the proposal, then its two goals.
    assert.deepEqual(texts.slice(-3), [
      'Ana proposed the relationship',
      "Ana added goal 'Lead the design of a service end to end'",
      "Ana added goal 'Run the team retrospective for a quarter'",
    ]);
    for (const expected of [
      "Ben answered 'Is this retry policy safe under partial…'",
      'Ben accepted: the relationship is active',
      `Ben wrote the notes of ${demoDay(wb, -21)}`,
      "Ana asked Ben 'Does the outbox design cover replays…'",
      "Benchmark reached: 'Write the design doc for the billing…'",
      "Ana added goal 'Lead the design of a service end to end'",
    ])
      assert.ok(texts.includes(expected), `"${expected}" in:\n${texts.join('\n')}`);
    const authors = new Set(await frame.locator('.event-author').allInnerTexts());
    assert.deepEqual([...authors].sort(), ['Ana Alves', 'Ben Brooks']);
    const months = await frame.locator('#section-timeline h4').allInnerTexts();
    assert.ok(months.length >= 2, months.join(', '));
    const log = JSON.parse(cli(wb, 'log', 'ana--ben', '--json')) as { events: unknown[] };
    assert.equal(texts.length, log.events.length);
  });

  it('opens an event: the file as it was at that commit', async function () {
    const wb = workbench();
    const frame = wb.sidebar();
    await frame.getByTestId('timeline-event').filter({ hasText: 'Ana proposed the relationship' }).click();
    await wb.page.locator(`.tabs-container .tab.active[aria-label^="plan.yaml"]`).waitFor();
    // The version at that commit, not the working tree's (which says active).
    await wb.activeEditor().getByText('status: proposed').first().waitFor();
    assert.equal(await wb.activeEditor().getByText('status: active').count(), 0);
    // An answer opens as a diff against the version before it.
    await frame.getByTestId('timeline-event').filter({ hasText: "Ben answered 'Is this retry policy" }).click();
    await wb.page.locator('.editor-group-container.active .monaco-diff-editor').waitFor();
    await wb.page
      .locator('.editor-group-container.active .monaco-diff-editor .modified')
      .getByText('Only if the job is idempotent', { exact: false })
      .first()
      .waitFor();
  });

  it('follows new commits: a commit made in a terminal shows up without a refresh', async function () {
    const wb = workbench();
    const frame = wb.sidebar();
    const plan = `${PAIR}/plan.yaml`;
    // Change the file first and let the sidebar settle, so only the commit (HEAD moving) is left to notice.
    writeWorkspaceFile(wb, plan, wb.readFile(plan).replace('status: planned', 'status: in-progress'));
    await wb.page.waitForTimeout(1500);
    assert.equal(await frame.getByTestId('timeline-event').filter({ hasText: 'Ana changed goal' }).count(), 0);
    wb.git('commit', '-qam', 'mentoring(ana--ben): start the retrospectives goal');
    await frame
      .getByTestId('timeline-event')
      .first()
      .filter({ hasText: "Ana changed goal 'Run the team retrospective for a quarter' (status)" })
      .waitFor({ timeout: 15_000 });
  });

  it('looks native in the light and dark themes', async function () {
    const wb = workbench();
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('View: Close All Editors');
    for (const theme of ['light', 'dark'] as const) {
      await wb.setTheme(theme);
      const frame = await wb.openSidebar();
      for (const id of ['agenda', 'goals', 'feedback']) {
        const section = frame.getByTestId(`section-${id}`);
        if ((await section.getAttribute('open')) !== null) await section.locator('.collapsible-header').first().click();
      }
      await expand(frame, 'timeline');
      await frame.getByTestId('timeline-event').first().waitFor();
      await frame.getByTestId('section-health').evaluate((element) => element.scrollIntoView());
      await wb.page.waitForTimeout(600);
      await sidebarPicture(wb, `sidebar-history-${theme}`, theme === 'light' ? 120 : 0);
    }
  });
  it('shows a coordinator the figures and a timeline without what stays between the pair', async function () {
    const wb = workbench();
    await pickMe(wb, 'Dana Diaz');
    const frame = wb.sidebar();
    await frame.getByText('coordinator', { exact: true }).first().waitFor({ timeout: 15_000 });
    await selectPair(wb, 'ana--ben');
    await frame.getByText('You coordinate the program', { exact: false }).waitFor();
    await frame.getByTestId('health-card').waitFor();
    // Ana's plan edit committed above makes it 9 of 10.
    assert.match(await figure(frame, 'drives'), /9 of 10/);
    const events = frame.getByTestId('timeline-event');
    await events.filter({ hasText: 'Ben answered a feedback request' }).waitFor({ timeout: 15_000 });
    const texts = (await events.allInnerTexts()).join('\n');
    for (const secret of ['retry policy', 'outbox design cover', 'review checklist'])
      assert.ok(!texts.includes(secret), `"${secret}" is not shown to a coordinator:\n${texts}`);
    await pickMe(wb, 'Ana Alves');
    await frame.getByText('ben (mentor)').first().waitFor({ timeout: 15_000 });
  });
});

describe('sidebar history in Restricted Mode', function () {
  const workbench = useWorkbench({
    theme: 'dark',
    untrusted: true,
    settings: {
      // No git runs here, so git's user.email cannot say who I am.
      'mentoring.me': 'ana',
    },
  });

  it('says the timeline needs git, and shows the figures the files alone give', async function () {
    const wb = workbench();
    const frame = await wb.openSidebar();
    await frame.getByTestId('untrusted-banner').waitFor({ timeout: 30_000 });
    await frame.getByTestId('health-card').waitFor();
    assert.match(await figure(frame, 'sessions'), /3 of 3 expected · every 14 days/);
    assert.match(await figure(frame, 'feedback'), /1 · oldest 3 days/);
    assert.match(await figure(frame, 'agendas'), /needs the git history/);
    await expand(frame, 'timeline');
    await frame.getByTestId('timeline-unavailable').filter({ hasText: 'Restricted Mode' }).waitFor();
    assert.equal(await frame.getByTestId('timeline-event').count(), 0);
  });
});
