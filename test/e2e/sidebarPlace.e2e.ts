// The sidebar keeps the user's place: a draft, the scroll position and focus survive opening a
// timeline event and hiding and showing the view; a prepared agenda shows where the user looks.
// Then the narrow (250 px) and zoomed (150 %) layouts wrap instead of cutting, in three themes.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { addDays } from '../../src/shared/dates';
import type { Workbench } from './harness';
import {
  eventually,
  openEverySection,
  PAIR,
  setSidebarWidth,
  sidebarPicture,
  typeInto,
  useAnaSidebar,
} from './sidebarHelpers';

const scrollY = (frame: FrameLocator) => frame.locator('body').evaluate(() => Math.round(window.scrollY));

/** Text that reaches past the sidebar's right edge (cut rather than wrapped). */
async function cutText(frame: FrameLocator): Promise<string[]> {
  return frame.locator('body').evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cut: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('.item-text, .tag, .goal-title, .why, .question')) {
      for (const rect of element.getClientRects()) {
        if (rect.width > 0 && rect.right > width + 1) {
          cut.push(
            `${element.className}: ${(element.textContent ?? '').trim().slice(0, 50)} (${Math.round(rect.right)} > ${width})`,
          );
          break;
        }
      }
    }
    return cut;
  });
}

async function hideAndShow(wb: Workbench): Promise<FrameLocator> {
  await wb.activityEntry().click();
  await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  await wb.page.waitForTimeout(500);
  return wb.openSidebar();
}

describe('sidebar keeps its place', function () {
  const sidebar = useAnaSidebar();
  let wb: Workbench;
  let frame: FrameLocator;
  let today: string;
  before(() => ({ wb, frame, today } = sidebar));

  it('keeps a draft, the open sections and the scroll position when the view is hidden and shown', async function () {
    await frame.getByTestId('add-goal-open').click();
    await typeInto(frame, 'add-goal-title', 'Speak at the internal conference');
    await openEverySection(frame);
    await frame.locator('#section-goals').scrollIntoViewIfNeeded();
    await frame.locator('body').evaluate(() => window.scrollBy(0, 120));
    await wb.page.waitForTimeout(400);
    const before = await scrollY(frame);
    assert.ok(before > 100, `scrolled to ${before}`);
    frame = await hideAndShow(wb);
    const title = frame.getByTestId('add-goal-title').locator('input');
    await title.waitFor({ timeout: 30_000 });
    assert.equal(await title.inputValue(), 'Speak at the internal conference');
    // Within a line: the restored draft form can be a little taller when shown again (its focused
    // field), and the view follows it; the bug this guards against put the view back at the top.
    await eventually(async () => Math.abs((await scrollY(frame)) - before) <= 40, 10_000, `scroll back at ${before}`);
    assert.equal(
      await frame.locator('#section-timeline').evaluate((c) => (c as HTMLElement & { open: boolean }).open),
      true,
    );
  });

  it('keeps the scroll position when a timeline event is opened', async function () {
    const event = frame.getByTestId('timeline-event').nth(3);
    await event.scrollIntoViewIfNeeded();
    await wb.page.waitForTimeout(400);
    const before = await scrollY(frame);
    assert.ok(before > 100, `scrolled to ${before}`);
    await event.click();
    await wb.page.locator('.tabs-container .tab.active').waitFor();
    await wb.page.waitForTimeout(1500);
    assert.ok(Math.abs((await scrollY(frame)) - before) <= 2, `scroll ${await scrollY(frame)}, was ${before}`);
  });

  it('prepares an agenda where the user looks, and never for a date that has one', async function () {
    const upcoming = addDays(today, 7);
    // "The next session is agreed but has no agenda": drop the prepared one.
    wb.git('rm', '-q', '--', `${PAIR}/sessions/${upcoming}.yaml`);
    wb.git('commit', '-qm', 'drop the upcoming agenda');
    const date = frame.locator('#prepare-date input');
    await date.waitFor({ timeout: 15_000 });
    assert.equal(await date.inputValue(), upcoming);
    // A date with an agenda already: no Prepare, a way to open that one instead.
    await date.fill(addDays(today, -7));
    await frame.getByText('There is an agenda for').waitFor();
    assert.notEqual(await frame.getByTestId('prepare-agenda').getAttribute('disabled'), null);
    // A past date: the new agenda goes to "Other sessions", which opens on it.
    const past = addDays(today, -2);
    await date.fill(past);
    await frame.getByTestId('prepare-agenda').click();
    const file = `${PAIR}/sessions/${past}.yaml`;
    await eventually(() => existsSync(join(wb.workspace, file)), 15_000, 'the agenda file');
    const open = frame.locator(`[data-session="${file}"]`).getByTestId('open-prepared');
    await open.waitFor({ timeout: 10_000 });
    await eventually(
      () => frame.locator('body').evaluate(() => document.activeElement?.getAttribute('data-testid')),
      10_000,
      'focus',
    ).then((focused) => assert.equal(focused, 'open-prepared'));
    const inView = await open.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= window.innerHeight;
    });
    assert.ok(inView, 'the Open action is in view');
    await open.click();
    await wb.page.locator(`.tabs-container .tab.active[aria-label^="${past}.yaml"]`).waitFor();
    // And the next proposal is a date without an agenda again.
    const proposed = await frame.locator('#prepare-date input').inputValue();
    assert.ok(!existsSync(join(wb.workspace, PAIR, 'sessions', `${proposed}.yaml`)), proposed);
  });

  it('wraps question text and goal tags at 250 px and at 150 % zoom, in every theme', async function () {
    this.timeout(180_000);
    // A long question about a goal with a long title, in the agenda shown first.
    const past = addDays(today, -2);
    const file = `${PAIR}/sessions/${past}.yaml`;
    const session = frame.locator(`[data-session="${file}"]`);
    await session.getByTestId('agenda-item-kind').evaluate((select) => {
      (select as HTMLSelectElement).value = 'question';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await session.locator('vscode-single-select[label="Goal the question is about"]').evaluate((select) => {
      (select as HTMLSelectElement).value = 'system-design';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await session
      .getByTestId('agenda-item')
      .locator('input')
      .fill(
        'How do I keep a design review focused when the discussion drifts into implementation details nobody asked about?',
      );
    await session.getByTestId('agenda-item').locator('input').press('Enter');
    await eventually(() => wb.readFile(file).includes('nobody asked about'), 10_000, 'question saved');
    await setSidebarWidth(wb, 250);
    for (const theme of ['light', 'dark', 'hc'] as const) {
      await wb.setTheme(theme);
      const view = await wb.openSidebar();
      await session.locator('.tag').first().scrollIntoViewIfNeeded();
      assert.deepEqual(await cutText(view), [], `cut at 250 px in ${theme}`);
      await sidebarPicture(wb, `layout-250px-${theme}`);
      // 150 %: the webview drawn one and a half times larger in the same width.
      await view.locator('html').evaluate((html) => (html.style.zoom = '1.5'));
      await wb.page.waitForTimeout(400);
      await session.locator('.tag').first().scrollIntoViewIfNeeded();
      assert.deepEqual(await cutText(view), [], `cut at 150 % in ${theme}`);
      await sidebarPicture(wb, `layout-zoom150-${theme}`);
      await view.locator('html').evaluate((html) => (html.style.zoom = ''));
    }
  });
});
