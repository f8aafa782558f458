// The Mentoring sidebar in a real workbench on the demo repository, where git says I am Ana,
// mentee of Ben. Tests run in order and build on each other's changes to the repository.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useWorkbench } from './harness';
import {
  eventually,
  notificationsText,
  PAIR,
  pickMe,
  sidebarPicture,
  typeInto,
  writeWorkspaceFile,
} from './sidebarHelpers';

describe('sidebar', function () {
  const workbench = useWorkbench({ theme: 'dark' });

  it('shows my relationship: goals, the next agenda and feedback requests', async function () {
    const wb = workbench();
    const frame = await wb.openSidebar();
    await frame.getByText('Ana Alves').first().waitFor({ timeout: 30_000 });
    await frame.getByText('ben (mentor)').first().waitFor();
    await frame.locator('.goal-title', { hasText: 'Lead the design of a service end to end' }).first().waitFor();
    await frame.getByText('Debrief the architecture review').first().waitFor();
    await frame.getByText('Is this retry policy safe under partial failure?', { exact: false }).first().waitFor();
    // The status bar names the next session and says its agenda is ready.
    await wb.page.locator('.statusbar-item', { hasText: 'agenda' }).first().waitFor();
    assert.deepEqual(
      wb.consoleErrors.filter((e) => /mentoring|webview/i.test(e)),
      [],
    );
  });

  it('looks native in the light, dark and high-contrast themes', async function () {
    const wb = workbench();
    const colors: Record<string, { background: string; text: string }> = {};
    for (const theme of ['light', 'dark', 'hc'] as const) {
      await wb.setTheme(theme);
      const frame = await wb.openSidebar();
      await frame.locator('body').evaluate(() => window.scrollTo(0, 0));
      await wb.page.waitForTimeout(800);
      // The webview takes its colours from the workbench theme, not from colours of its own.
      colors[theme] = await frame.locator('body').evaluate((body) => {
        const style = getComputedStyle(body);
        return { background: style.backgroundColor, text: style.color };
      });
      await wb.screenshot(`sidebar-${theme}`);
      await sidebarPicture(wb, `sidebar-only-${theme}`, theme === 'light' ? 100 : 0);
    }
    assert.notEqual(colors.light.text, colors.dark.text, JSON.stringify(colors));
    assert.notEqual(colors.dark.text, colors.hc.text, JSON.stringify(colors));
  });

  it('adds a goal through the UI; the plan keeps its comments', async function () {
    const wb = workbench();
    const plan = `${PAIR}/plan.yaml`;
    const commented = wb.readFile(plan).replace('goals:\n', 'goals: # what Ana wants to reach\n');
    writeWorkspaceFile(wb, plan, `# Ana and Ben's plan: keep this comment.\n${commented}`);
    wb.git('commit', '-qam', 'comment the plan');
    const frame = wb.sidebar();
    await frame.getByTestId('add-goal-open').click();
    await typeInto(frame, 'add-goal-title', 'Mentor a new joiner through their first release');
    await frame.getByTestId('add-goal-submit').click();
    await frame
      .locator('.goal-title', { hasText: 'Mentor a new joiner through their first release' })
      .first()
      .waitFor();
    const text = await eventually(() => {
      const t = wb.readFile(plan);
      return t.includes('Mentor a new joiner through their first release') && t;
    });
    assert.match(text, /^# Ana and Ben's plan: keep this comment\.\n/);
    assert.match(text, /goals: # what Ana wants to reach\n/);
    assert.match(text, /- id: mentor-a-new-joiner[\w-]*\n\s+title: Mentor a new joiner through their first release/);
  });

  it('edits a goal: clearing "why" removes the key, the comments stay', async function () {
    const wb = workbench();
    const plan = `${PAIR}/plan.yaml`;
    const helpLine = '    mentor_help: Sit in on one and tell me what you saw.\n';
    assert.ok(wb.readFile(plan).includes(helpLine), wb.readFile(plan));
    writeWorkspaceFile(wb, plan, wb.readFile(plan).replace(helpLine, `    # how Ben helps\n${helpLine}`));
    wb.git('commit', '-qam', 'comment a goal');
    const frame = wb.sidebar();
    const goal = frame.locator('[data-goal="technical-leadership"]');
    await goal.locator('.why', { hasText: 'Practise facilitation' }).waitFor({ timeout: 10_000 });
    await goal.locator('.goal-head').hover();
    await goal.getByTestId('edit-goal').click();
    const why = goal.getByTestId('edit-goal-why').locator('textarea');
    assert.equal(await why.inputValue(), 'Practise facilitation before leading a team.');
    await why.fill('');
    await goal.getByTestId('edit-goal-save').click();
    const text = await eventually(() => {
      const t = wb.readFile(plan);
      // Read while the editor saves, the file can be empty for a moment.
      return t.includes('- id: technical-leadership') && !t.includes('Practise facilitation') && t;
    });
    const block = text.slice(text.indexOf('- id: technical-leadership'));
    assert.doesNotMatch(block, /\bwhy:/, block);
    assert.match(text, /^# Ana and Ben's plan: keep this comment\.\n/);
    assert.ok(block.includes(`    # how Ben helps\n${helpLine}`), block);
    await goal.locator('.why').waitFor({ state: 'detached' });
    await goal.locator('.mentor-help', { hasText: 'Sit in on one' }).waitFor();
  });

  it('prepares an agenda with the open actions carried over, then commits exactly that file', async function () {
    const wb = workbench();
    const sessions = join(wb.workspace, PAIR, 'sessions');
    const upcoming = readdirSync(sessions).sort().at(-1)!;
    // Start from "the next session is agreed but has no agenda": drop the prepared one.
    wb.git('rm', '-q', '--', `${PAIR}/sessions/${upcoming}`);
    wb.git('commit', '-qm', 'drop the upcoming agenda');
    const frame = wb.sidebar();
    await frame.getByTestId('prepare-agenda').click({ timeout: 15_000 });
    const file = `${PAIR}/sessions/${upcoming}`;
    const agenda = await eventually(() => existsSync(join(wb.workspace, file)) && wb.readFile(file));
    assert.match(agenda, /follow_ups:.*\n\s+- text: Book a slot at the architecture review/);
    // Ben ticked his checklist action in that agenda when he sent it: done, so not carried over.
    assert.doesNotMatch(agenda, /Send Ana the review checklist/);
    await frame.getByText('not committed').first().waitFor();
    // Something else staged must stay out of the agenda's commit.
    writeWorkspaceFile(wb, 'README.md', `${wb.readFile('README.md')}\nStaged, not for the agenda.\n`);
    wb.git('add', 'README.md');
    await frame.getByTestId('commit-agenda').first().click();
    const date = upcoming.replace(/\.yaml$/, '');
    await eventually(
      () => wb.git('log', '-1', '--format=%s') === `mentoring(ana--ben): agenda for ${date}`,
      15_000,
      'the commit',
    );
    assert.equal(wb.git('show', '--name-only', '--format=', 'HEAD'), file);
    // Share moves the branch, then brings the index's entry for the agenda up to the commit.
    await eventually(() => wb.git('diff', '--cached', '--name-only') === 'README.md', 10_000, 'the index');
    await frame.getByText('committed', { exact: true }).first().waitFor();
    await eventually(async () => (await notificationsText(wb)).includes('Committed the agenda'), 10_000, 'the message');
    // Nothing left to commit: the button says so until the agenda changes again.
    const agendaBlock = frame.locator(`[data-session="${file}"]`);
    const commit = agendaBlock.getByTestId('commit-agenda');
    await eventually(async () => (await commit.getAttribute('disabled')) !== null, 5_000, 'commit disabled');
    assert.match((await commit.locator('xpath=..').getAttribute('title')) ?? '', /Nothing to commit/);
    // The composer sits under its own heading, after the three lists it adds to.
    const composer = agendaBlock.getByRole('group', { name: 'Add to the agenda' });
    assert.equal(await composer.evaluate((el) => el.previousElementSibling?.textContent?.trim()), 'Add to the agenda');
    const item = agendaBlock.getByTestId('agenda-item').locator('input');
    await item.fill('Agree who reviews the outbox design');
    await item.press('Enter');
    await eventually(() => wb.readFile(file).includes('Agree who reviews the outbox design'), 10_000, 'the objective');
    await agendaBlock.getByText('not committed').waitFor();
    await eventually(async () => (await commit.getAttribute('disabled')) === null, 5_000, 'commit enabled');
    await commit.click();
    await eventually(() => wb.git('status', '--porcelain', '--', file) === '', 15_000, 'the second commit');
    await eventually(async () => (await commit.getAttribute('disabled')) !== null, 5_000, 'commit disabled again');
    wb.git('reset', '-q', '--', 'README.md');
    wb.git('checkout', '-q', '--', 'README.md');
  });

  it('asks for feedback on a selection, and the mentor answers it in the sidebar', async function () {
    const wb = workbench();
    const editor = await wb.openFile('src/export/retry.ts');
    await editor.getByText('export const defaultPolicy').first().click();
    await wb.page.keyboard.press('Home');
    await wb.page.keyboard.press('Shift+ArrowDown');
    await wb.page.keyboard.press('Shift+ArrowDown');
    await wb.page.keyboard.press('Shift+End');
    await editor.getByText('export const defaultPolicy').first().click({ button: 'right' });
    // The context menu ignores a click that comes too soon after it opens: wait, and retry once.
    const menuItem = wb.page
      .locator('.monaco-menu .action-label', { hasText: 'Ask for Feedback on Selection' })
      .first();
    const input = wb.page.locator('.quick-input-widget input[type="text"]');
    await menuItem.waitFor();
    await wb.page.waitForTimeout(300);
    await menuItem.click();
    if (
      !(await input.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false,
      ))
    ) {
      if (await menuItem.isVisible()) await menuItem.click();
      await input.waitFor();
    }
    await input.fill('Is the backoff too aggressive?');
    await wb.page.keyboard.press('Enter');
    const folder = join(wb.workspace, PAIR, 'feedback');
    const name = await eventually(
      () => readdirSync(folder).find((f) => f.includes('backoff')),
      10_000,
      'the feedback file',
    );
    const text = readFileSync(join(folder, name), 'utf8');
    const head = wb.git('rev-parse', 'HEAD');
    assert.match(text, /path: src\/export\/retry\.ts/);
    assert.match(text, /lines:\s*(\[\s*6,\s*8\s*\]|\n\s+- 6\n\s+- 8)/);
    assert.ok(text.includes(head.slice(0, 7)), `the request names the commit ${head}:\n${text}`);
    assert.match(text, /asked_of: ben/);

    // Now Ben: he sees the request as asked of him and answers it.
    await pickMe(wb, 'Ben Brooks');
    const frame = wb.sidebar();
    await frame.getByText('Ben Brooks').first().waitFor({ timeout: 15_000 });
    const item = frame.locator(`[data-feedback$="${name}"]`);
    await item.getByTestId('answer-text').locator('textarea').fill('Cap it at 5 s and add jitter.');
    await item.getByTestId('send-answer').click();
    await eventually(() => /status: answered/.test(readFileSync(join(folder, name), 'utf8')), 10_000, 'the answer');
    assert.match(readFileSync(join(folder, name), 'utf8'), /answer: "?Cap it at 5 s and add jitter\."?\n/);
    await item.getByText('Cap it at 5 s and add jitter.').waitFor();
    // A request about code opens that code at its lines.
    await wb.page.keyboard.press('Control+W');
    await item.getByTestId('open-code').click();
    await wb.page.locator('.tabs-container .tab.active[aria-label^="retry.ts"]').waitFor();
    await wb.page
      .locator('.statusbar-item', { hasText: /Ln 6, Col 1|Ln 8/ })
      .first()
      .waitFor();
    await pickMe(wb, 'Ana Alves');
    await frame.getByText('Ana Alves').first().waitFor({ timeout: 15_000 });
  });

  it('updates when the YAML is edited in an editor', async function () {
    const wb = workbench();
    const editor = await wb.openFile(`${PAIR}/plan.yaml`);
    await editor.getByText('Run the team retrospective for a quarter').first().click();
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type(' and a planning day');
    await wb.page.keyboard.press('Control+S');
    // How fast is measured in `npm run bench`; here only that the edit shows up at all.
    await wb
      .sidebar()
      .locator('.goal-title', { hasText: 'Run the team retrospective for a quarter and a planning day' })
      .first()
      .waitFor({ timeout: 15_000 });
  });

  it('never overwrites a dirty editor: the edit lands in the editor, unsaved', async function () {
    const wb = workbench();
    const plan = `${PAIR}/plan.yaml`;
    const editor = await wb.openFile(plan);
    await editor.click();
    await wb.page.keyboard.press('Control+Home');
    await wb.page.keyboard.type('# typed, not saved\n');
    // The workbench knows the editor is dirty before the sidebar edits the same file.
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor();
    const onDisk = wb.readFile(plan);
    assert.doesNotMatch(onDisk, /typed, not saved/);
    const frame = wb.sidebar();
    await frame.locator('[data-goal="technical-leadership"] .goal-head').hover();
    await frame.locator('[data-goal="technical-leadership"]').getByTestId('goal-add').click();
    const field = frame.locator('[data-goal="technical-leadership"] vscode-textfield[data-draft$=":benchmark"] input');
    await field.fill('Ask the team for feedback afterwards');
    await field.press('Enter');
    // Said in the sidebar, next to the edit, and in a notification.
    await frame
      .locator('[data-goal="technical-leadership"] .message.note', { hasText: 'had unsaved changes' })
      .waitFor();
    assert.equal(wb.readFile(plan), onDisk, 'the file on disk is untouched');
    await editor.getByText('Ask the team for feedback afterwards').first().waitFor();
    await editor.getByText('# typed, not saved').first().waitFor();
    await editor.click();
    await wb.page.keyboard.press('Control+S');
    const saved = await eventually(() => {
      const t = wb.readFile(plan);
      return t.includes('Ask the team for feedback afterwards') && t;
    });
    assert.match(saved, /^# typed, not saved\n/);
    assert.match(saved, /- text: Ask the team for feedback afterwards/);
  });

  it('shows a broken file as a problem, keeps showing the rest, and never touches it', async function () {
    const wb = workbench();
    const sessions = readdirSync(join(wb.workspace, PAIR, 'sessions')).sort();
    const target = `${PAIR}/sessions/${sessions[0]}`;
    const bytes = `${wb.readFile(target)}objectives: [never closed\n`;
    writeWorkspaceFile(wb, target, bytes);
    const frame = wb.sidebar();
    await frame.getByTestId('problems').getByText(sessions[0], { exact: false }).first().waitFor({ timeout: 10_000 });
    await frame.locator('.goal-title', { hasText: 'Lead the design of a service end to end' }).first().waitFor();
    await wb.page.keyboard.press('Control+Shift+M');
    await wb.page.locator('.markers-panel .monaco-list-row', { hasText: sessions[0] }).first().waitFor();
    // An edit elsewhere in the sidebar leaves the broken file byte for byte.
    await frame.locator('[data-goal="system-design"] .goal-head').hover();
    await frame.locator('[data-goal="system-design"]').getByTestId('goal-add').click();
    const field = frame.locator('[data-goal="system-design"] vscode-textfield[data-draft$=":benchmark"] input');
    await field.fill('Write the follow-up doc');
    await field.press('Enter');
    await eventually(() => wb.readFile(`${PAIR}/plan.yaml`).includes('Write the follow-up doc'));
    assert.equal(readFileSync(join(wb.workspace, target), 'utf8'), bytes);
  });

  it('asks the mentor a question from the sidebar form', async function () {
    const wb = workbench();
    const frame = wb.sidebar();
    await typeInto(frame, 'ask-question', 'How do I say no to a deadline?');
    await frame.getByTestId('ask-submit').click();
    const folder = join(wb.workspace, PAIR, 'feedback');
    const name = await eventually(() => readdirSync(folder).find((f) => f.includes('deadline')), 10_000, 'the request');
    // The workbench creates the file, then writes it: wait for its text, not only its name.
    const text = await eventually(
      () => readFileSync(join(folder, name), 'utf8') || undefined,
      10_000,
      'the request written',
    );
    assert.match(text, /asked_by: ana\n/);
    assert.match(text, /asked_of: ben\n/);
    assert.match(text, /question: How do I say no to a deadline\?\n/);
    assert.match(text, /status: open/);
    await frame.locator('.question', { hasText: 'How do I say no to a deadline?' }).waitFor();
  });

  it('lets a coordinator pick any pair, read-only and without its private content', async function () {
    const wb = workbench();
    await pickMe(wb, 'Dana Diaz');
    const frame = wb.sidebar();
    await frame.getByText('coordinator', { exact: true }).first().waitFor({ timeout: 15_000 });
    await wb.quickInput('>Mentoring: Select Mentoring Relationship');
    await wb.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Select Mentoring Relationship' })
      .first()
      .waitFor();
    await wb.page.keyboard.press('Enter');
    await wb.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'ana--ben' })
      .first()
      .click();
    await frame.getByText('You coordinate the program', { exact: false }).waitFor();
    await frame.locator('.goal-title', { hasText: 'Lead the design of a service end to end' }).first().waitFor();
    assert.equal(
      await frame.getByText('Debrief the architecture review').count(),
      0,
      'agenda content stays between the pair',
    );
    // The requests exist for a coordinator too, with who, when and their status, not their words,
    // so Feedback and the health card count the same; sessions are private to the pair, not broken.
    const requests = frame.locator('[data-feedback]');
    await requests.first().waitFor();
    assert.equal(await frame.getByText('retry policy', { exact: false }).count(), 0, 'feedback stays between the pair');
    assert.equal(await frame.locator('.feedback-head .question').first().innerText(), 'A feedback request');
    const open = await frame.locator('[data-feedback].open').count();
    await frame.getByTestId('health-feedback').waitFor({ timeout: 30_000 });
    assert.match(
      await frame.getByTestId('health-feedback').innerText(),
      new RegExp(`Open feedback\\s+${open} · oldest`),
    );
    assert.equal(
      await frame.getByText('This file has problems', { exact: false }).count(),
      0,
      'withheld is not broken',
    );
    assert.ok((await frame.getByTestId('private-note').count()) > 0, 'a calm note says what is private');
    assert.equal(await frame.getByTestId('open-yaml').count(), 0, 'nothing private is offered to open');
    await requests.first().scrollIntoViewIfNeeded();
    await sidebarPicture(wb, 'sidebar-coordinator');
    for (const id of ['add-goal-open', 'commit-agenda', 'ask-submit', 'goal-add']) {
      assert.equal(await frame.getByTestId(id).count(), 0, `${id} is not offered`);
    }
    await pickMe(wb, 'Ana Alves');
    await frame.getByText('ben (mentor)').first().waitFor({ timeout: 15_000 });
  });
});
