// The whole exchange, through the sidebar, between two people in their own clones of one bare
// remote, each in their own workbench: Ana asks for feedback on a selection and shares it; Ben
// fetches, pulls, finds the request in his inbox, answers and shares; Ana reads "Ben answered" in
// What's new; Ana proposes a plan change; Ben accepts it from the review list and the plan on the
// remote's default branch has it. Neither types a git command, and what each had in their working
// tree besides (a staged edit, an unstaged one, files git does not track) is left as it was.
// Tests run in order and build on each other.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './harness';
import { eventually, PAIR, typeInto } from './sidebarHelpers';
import { askForFeedbackOnLines, git, remoteCommit, useTwoClones, worktreeSnapshot } from './twoClones';

const QUESTION = 'Is the backoff too aggressive?';
const ANSWER = 'Cap it at 5 s and add jitter.';
const GOAL = 'Design the outbox with a reviewer from another team';
const PLAN = `${PAIR}/plan.yaml`;

/** The sidebar, once it shows `name` as me. */
async function sidebarOf(wb: Workbench, name: string): Promise<FrameLocator> {
  const frame = await wb.openSidebar();
  await frame.locator('.header .me').filter({ hasText: name }).waitFor({ timeout: 30_000 });
  return frame;
}

/** Share in the sidebar's "not shared" part, after it says what is not shared. */
async function share(frame: FrameLocator, words: RegExp): Promise<void> {
  const unshared = frame.getByTestId('unshared');
  await unshared.filter({ hasText: words }).first().waitFor({ timeout: 20_000 });
  await unshared.getByTestId('share').first().click();
}

/** Nothing left to share: the "not shared" part is gone or says nothing is waiting. */
async function nothingUnshared(frame: FrameLocator): Promise<void> {
  await eventually(
    async () =>
      (await frame
        .getByTestId('unshared')
        .filter({ hasText: /not shared/ })
        .count()) === 0,
    20_000,
    'the sidebar to show nothing unshared',
  );
}

describe('the exchange between two clones', function () {
  const clones = useTwoClones('the-exchange-between-two-clones', { theme: 'light' });
  let anaBefore = '';
  let benBefore = '';
  let feedbackFile = '';

  it('Ana asks for feedback on a selection and shares exactly that', async function () {
    this.timeout(120_000);
    const { ana, remote } = clones();
    // Ana's own work in progress: a staged edit and a file git does not track.
    writeFileSync(join(ana.workspace, 'README.md'), `${ana.readFile('README.md')}\nStaged, Ana's own.\n`);
    ana.git('add', 'README.md');
    writeFileSync(join(ana.workspace, 'scratch.txt'), 'Ana: not for anyone yet\n');
    anaBefore = worktreeSnapshot(ana.workspace, ['scratch.txt']);
    const remoteBefore = git(remote, 'rev-parse', 'main');

    const frame = await sidebarOf(ana, 'Ana Alves');
    await ana.openFile('src/export/retry.ts');
    await askForFeedbackOnLines(ana, 6, 8, QUESTION);
    const folder = join(ana.workspace, PAIR, 'feedback');
    const name = await eventually(() => readdirSync(folder).find((f) => f.includes('backoff')), 10_000, 'the request');
    feedbackFile = `${PAIR}/feedback/${name}`;
    const request = ana.readFile(feedbackFile);
    assert.match(request, /asked_of: ben/);
    assert.match(request, /path: src\/export\/retry\.ts/);
    assert.match(request, /lines:\s*(\[\s*6,\s*8\s*\]|\n\s+- 6\n\s+- 8)/);

    await share(frame, /asked ben for feedback/i);
    const shared = await remoteCommit(
      remote,
      'main',
      /^mentoring\(ana--ben\): ask ben for feedback/,
      'the shared request',
    );
    assert.equal(git(remote, 'rev-parse', `${shared}~1`), remoteBefore, 'one commit on top of what was there');
    assert.equal(git(remote, 'diff-tree', '--no-commit-id', '--name-only', '-r', shared), feedbackFile);
    // The push comes first, then Ana's own branch and index: wait for the share to finish here.
    await eventually(
      () => git(ana.workspace, 'rev-parse', 'HEAD') === shared,
      15_000,
      "Ana's main at the shared commit",
    );
    await nothingUnshared(frame);
    assert.equal(worktreeSnapshot(ana.workspace, ['scratch.txt']), anaBefore, "Ana's other work is untouched");
  });

  it('Ben fetches, pulls, finds the request in his inbox, answers and shares', async function () {
    this.timeout(120_000);
    const { ben, remote } = clones();
    writeFileSync(join(ben.workspace, 'README.md'), `${ben.readFile('README.md')}\nUnstaged, Ben's own.\n`);
    writeFileSync(join(ben.workspace, 'todo.txt'), 'Ben: read the outbox design\n');
    benBefore = worktreeSnapshot(ben.workspace, ['todo.txt']);

    const frame = await sidebarOf(ben, 'Ben Brooks');
    await frame.getByTestId('fetch').first().click();
    const news = frame.getByTestId('news');
    await news
      .getByTestId('news-item')
      .filter({ hasText: /Ana asked you/ })
      .filter({ hasText: 'backoff' })
      .first()
      .waitFor({ timeout: 30_000 });
    await news.getByTestId('pull').first().click();
    await eventually(() => ben.git('rev-parse', 'HEAD') === git(remote, 'rev-parse', 'main'), 30_000, 'the pull');
    assert.equal(worktreeSnapshot(ben.workspace, ['todo.txt']), benBefore, "the pull left Ben's own work as it was");

    const request = frame.getByTestId('inbox').getByTestId('inbox-item').filter({ hasText: QUESTION });
    await request.first().waitFor({ timeout: 20_000 });
    assert.match(await request.first().innerText(), /Ana asked you for feedback/);

    const item = frame.locator(`[data-feedback$="${feedbackFile.split('/').pop()}"]`);
    await item.getByTestId('answer-text').locator('textarea').fill(ANSWER);
    await item.getByTestId('send-answer').click();
    await eventually(() => /status: answered/.test(ben.readFile(feedbackFile)), 10_000, 'the answer on disk');

    await share(frame, /answered/i);
    const shared = await remoteCommit(remote, 'main', /^mentoring\(ana--ben\): answer/, 'the shared answer');
    assert.equal(git(remote, 'diff-tree', '--no-commit-id', '--name-only', '-r', shared), feedbackFile);
    assert.match(git(remote, 'show', `${shared}:${feedbackFile}`), /status: answered/);
    await eventually(
      () => git(ben.workspace, 'rev-parse', 'HEAD') === shared,
      15_000,
      "Ben's main at the shared commit",
    );
    await nothingUnshared(frame);
    assert.equal(worktreeSnapshot(ben.workspace, ['todo.txt']), benBefore, "Ben's other work is untouched");
    await eventually(async () => (await request.count()) === 0, 20_000, 'the request gone from the inbox');
  });

  it("Ana fetches and reads 'Ben answered' in What's new, then pulls it", async function () {
    this.timeout(120_000);
    const { ana, remote } = clones();
    const frame = await sidebarOf(ana, 'Ana Alves');
    await frame.getByTestId('fetch').first().click();
    const news = frame.getByTestId('news');
    const answered = news.getByTestId('news-item').filter({ hasText: /Ben answered your feedback request/ });
    await answered.first().waitFor({ timeout: 30_000 });
    assert.match(await answered.first().innerText(), /backoff/);
    await ana.screenshot('ana sees ben answered');

    await news.getByTestId('pull').first().click();
    await eventually(() => ana.git('rev-parse', 'HEAD') === git(remote, 'rev-parse', 'main'), 30_000, 'the pull');
    assert.match(ana.readFile(feedbackFile), /status: answered/);
    await frame
      .locator(`[data-feedback$="${feedbackFile.split('/').pop()}"]`)
      .getByText(ANSWER)
      .waitFor();
    await frame
      .getByTestId('inbox')
      .getByTestId('inbox-item')
      .filter({ hasText: /Ben answered your feedback request/ })
      .filter({ hasText: QUESTION })
      .first()
      .waitFor({ timeout: 20_000 });
    assert.equal(worktreeSnapshot(ana.workspace, ['scratch.txt']), anaBefore, "the pull left Ana's own work as it was");

    await frame.getByTestId('news-seen').first().click();
    await eventually(async () => (await answered.count()) === 0, 15_000, "What's new marked seen");
  });

  it('Ana proposes a plan change: it goes to review, her plan stays the agreed one', async function () {
    this.timeout(120_000);
    const { ana, remote } = clones();
    const frame = await sidebarOf(ana, 'Ana Alves');
    const agreed = ana.readFile(PLAN);
    const head = ana.git('rev-parse', 'HEAD');
    await frame.getByTestId('add-goal-open').click();
    await typeInto(frame, 'add-goal-title', GOAL);
    await frame.getByTestId('add-goal-submit').click();
    await eventually(() => ana.readFile(PLAN).includes(GOAL), 10_000, 'the goal in the plan');

    await ana.runCommand('Mentoring: Propose Plan Changes for Review');
    await ana.pickQuickItem('Propose for Review');
    const branch = await eventually(
      () => git(remote, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/mentoring/ana--ben/') || undefined,
      30_000,
      'the review branch on the remote',
    );
    assert.match(branch, /^mentoring\/ana--ben\/plan-\d{4}-\d{2}-\d{2}$/);
    assert.ok(git(remote, 'show', `${branch}:${PLAN}`).includes(GOAL));
    assert.ok(!git(remote, 'show', `main:${PLAN}`).includes(GOAL), 'not on main before Ben accepts');
    await eventually(() => ana.readFile(PLAN) === agreed, 10_000, 'the plan back to the agreed version');
    assert.equal(ana.git('rev-parse', 'HEAD'), head, 'Ana stays where she was');
    assert.equal(worktreeSnapshot(ana.workspace, ['scratch.txt']), anaBefore, "Ana's other work is untouched");
    await nothingUnshared(frame);
  });

  it('Ben accepts it from the review list: the plan on the default branch has it', async function () {
    this.timeout(120_000);
    const { ben, remote } = clones();
    const frame = await sidebarOf(ben, 'Ben Brooks');
    await frame.getByTestId('fetch').first().click();
    const proposal = frame
      .getByTestId('inbox')
      .getByTestId('inbox-item')
      .filter({ hasText: /Ana proposes plan changes/ });
    await proposal.first().waitFor({ timeout: 30_000 });
    const mainBefore = git(remote, 'rev-parse', 'main');

    await ben.runCommand('Mentoring: Review Mentoring Changes');
    await ben.pickQuickItem('Ana proposes plan changes: 1 goal added');
    await ben.page
      .locator('.tabs-container .tab', { hasText: /Mentoring.changes/i })
      .first()
      .waitFor();
    await ben.pickQuickItem('Accept');

    await eventually(() => git(remote, 'show', `main:${PLAN}`).includes(GOAL), 30_000, 'the goal on main');
    assert.equal(git(remote, 'rev-parse', 'main~1'), mainBefore, 'merged on top of what was there');
    // The review branch goes after the merge is pushed.
    await eventually(
      () => git(remote, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/mentoring/') === '',
      15_000,
      'the review branch deleted on the remote',
    );
    await eventually(() => ben.git('rev-parse', 'HEAD') === git(remote, 'rev-parse', 'main'), 15_000, "Ben's main");
    assert.ok(readFileSync(join(ben.workspace, PLAN), 'utf8').includes(GOAL), "Ben's checkout has the plan");
    assert.equal(worktreeSnapshot(ben.workspace, ['todo.txt']), benBefore, "Ben's other work is untouched");
    await frame.locator('.goal-title', { hasText: GOAL }).first().waitFor({ timeout: 20_000 });
    await eventually(async () => (await proposal.count()) === 0, 20_000, 'the proposal gone from the inbox');
  });
});
