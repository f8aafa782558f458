// The sidebar by keyboard (and what a user types is never lost): Ana, mentee of Ben, on the demo
// repository. Tests run in order and build on each other's changes.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { addDays } from '../../src/shared/dates';
import type { Workbench } from './harness';
import { eventually, PAIR, useAnaSidebar } from './sidebarHelpers';

const PLAN = `${PAIR}/plan.yaml`;

/** What has focus in the sidebar: the test id, draft key or label of the focused control. */
async function focused(frame: FrameLocator): Promise<string> {
  return frame.locator('body').evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '(nothing)';
    return (
      element.getAttribute('data-testid') ??
      element.getAttribute('data-draft') ??
      element.getAttribute('label') ??
      `${element.tagName.toLowerCase()}:${(element.textContent ?? '').trim().slice(0, 40)}`
    );
  });
}

/** Focuses a control as Tab would reach it (the inner button of an action icon). */
async function focus(control: Locator): Promise<void> {
  const inner = control.locator('button, input, textarea');
  if ((await inner.count()) > 0) await inner.first().focus();
  else await control.focus();
}

function goalBlock(text: string, id: string): string {
  const start = text.indexOf(`- id: ${id}`);
  const next = text.indexOf('\n  - id:', start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

describe('sidebar by keyboard', function () {
  const sidebar = useAnaSidebar();
  let wb: Workbench;
  let frame: FrameLocator;
  let today: string;
  before(() => ({ wb, frame, today } = sidebar));

  it('adds an action owned by ben when the text was typed before the owner was picked', async function () {
    const file = `${PAIR}/sessions/${addDays(today, 7)}.yaml`;
    const agenda = frame.locator(`[data-session="${file}"]`);
    const after = agenda.locator('vscode-collapsible.after');
    await after.locator('[part="header"], .collapsible-header').first().click();
    const text = agenda.getByTestId('add-action').locator('input');
    await text.waitFor();
    await text.focus();
    await wb.page.keyboard.type('Write up the review outcome');
    // To the owner, open it, one down to ben, pick it.
    await wb.page.keyboard.press('Tab');
    assert.equal(await focused(frame), 'Owner');
    await wb.page.keyboard.press('Space');
    await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('Enter');
    // Back to the text, and Enter adds.
    await text.focus();
    await wb.page.keyboard.press('Enter');
    const saved = await eventually(() => {
      const t = wb.readFile(file);
      return t.includes('Write up the review outcome') && t;
    });
    assert.match(saved, /- text: Write up the review outcome\n\s+owner: ben\n/);
    // The field is empty again and keeps focus for the next action.
    await eventually(async () => (await text.inputValue()) === '', 5_000, 'field emptied');
    assert.equal(await focused(frame), 'add-action');
  });

  it('ticks and unticks benchmarks with Space; the checkboxes keep their Tab order', async function () {
    const goal = frame.locator('[data-goal="system-design"]');
    const boxes = goal.locator('vscode-checkbox');
    await focus(boxes.nth(1));
    await wb.page.keyboard.press('Space');
    await eventually(
      () => /Present it at the architecture review\n\s+done: \d{4}-\d\d-\d\d/.test(wb.readFile(PLAN)),
      10_000,
      'ticked',
    );
    // Shift+Tab reaches the first benchmark, Space unticks it (a tick by mistake can be undone).
    await wb.page.waitForTimeout(300);
    await wb.page.keyboard.press('Shift+Tab');
    assert.match(await focused(frame), /Write the design doc/);
    await wb.page.keyboard.press('Space');
    await eventually(
      () => /Write the design doc for the billing export\n\s+done: null/.test(wb.readFile(PLAN)),
      10_000,
      'unticked',
    );
    await wb.page.waitForTimeout(300);
    // A checkbox taken out of the Tab order carries tabindex="-1".
    const tabIndexes = await boxes.evaluateAll((all) => all.map((b) => b.getAttribute('tabindex')));
    assert.ok(!tabIndexes.includes('-1'), JSON.stringify(tabIndexes));
    await wb.page.keyboard.press('Tab');
    assert.match(await focused(frame), /Present it at the architecture review/);
  });

  it('drops a goal only after a confirmation that Escape cancels, and reopens it', async function () {
    const goal = frame.locator('[data-goal="technical-leadership"]');
    const before = wb.readFile(PLAN);
    await focus(goal.getByTestId('drop-goal'));
    await wb.page.keyboard.press('Enter');
    await eventually(async () => (await focused(frame)) === 'drop-goal-confirm', 5_000, 'focus on Drop goal');
    await wb.page.keyboard.press('Escape');
    await goal.getByTestId('drop-goal-confirm').waitFor({ state: 'detached' });
    await eventually(async () => (await focused(frame)) === 'drop-goal', 5_000, 'focus back on ✕');
    assert.equal(wb.readFile(PLAN), before);

    await wb.page.keyboard.press('Enter');
    await eventually(async () => (await focused(frame)) === 'drop-goal-confirm', 5_000, 'focus on Drop goal');
    await wb.page.keyboard.press('Enter');
    await eventually(() => /status: dropped/.test(goalBlock(wb.readFile(PLAN), 'technical-leadership')), 10_000);
    // Focus lands on the way back.
    await eventually(async () => (await focused(frame)) === 'reopen-goal', 5_000, 'focus on Reopen');
    await wb.page.keyboard.press('Enter');
    await eventually(() => /status: planned/.test(goalBlock(wb.readFile(PLAN), 'technical-leadership')), 10_000);
    await goal.getByTestId('drop-goal').waitFor({ state: 'attached' });
  });

  it('Escape closes the new-goal form and puts focus back on "Add goal"', async function () {
    await focus(frame.getByTestId('add-goal-open'));
    await wb.page.keyboard.press('Enter');
    await eventually(async () => (await focused(frame)) === 'add-goal-title', 5_000, 'focus in the form');
    await wb.page.keyboard.type('Half a thought');
    await wb.page.keyboard.press('Escape');
    await frame.getByTestId('add-goal-title').waitFor({ state: 'detached' });
    await eventually(async () => (await focused(frame)) === 'add-goal-open', 5_000, 'focus on Add goal');
  });

  it('empties Notes: Save shows, and the file keeps the empty notes', async function () {
    const file = `${PAIR}/sessions/${addDays(today, -7)}.yaml`;
    await frame.locator('#section-past').evaluate((c: HTMLElement & { open: boolean }) => {
      c.open = true;
      c.dispatchEvent(new CustomEvent('vsc-collapsible-toggle', { detail: { open: true } }));
    });
    const session = frame.locator(`[data-session="${file}"]`);
    const sessionBox = frame.locator('vscode-collapsible.session', { has: session });
    await sessionBox.evaluate((c: HTMLElement & { open: boolean }) => {
      c.open = true;
      c.dispatchEvent(new CustomEvent('vsc-collapsible-toggle', { detail: { open: true } }));
    });
    const notes = session.locator(`[data-draft="session:${file}:notes"] textarea`);
    await notes.waitFor();
    assert.equal(await notes.inputValue(), 'Rehearsed the first ten minutes. Cut the slides to eight.');
    await notes.focus();
    await wb.page.keyboard.press('Control+A');
    await wb.page.keyboard.press('Delete');
    const save = session.getByTestId('save-notes');
    await save.waitFor();
    await wb.page.keyboard.press('Tab');
    assert.equal(await focused(frame), 'save-notes');
    await wb.page.keyboard.press('Enter');
    await eventually(() => /\nnotes: ""\n|\nnotes: ''\n/.test(wb.readFile(file)), 10_000, 'notes emptied');
    await save.waitFor({ state: 'detached' });
    assert.equal(await notes.inputValue(), '');
  });
});
