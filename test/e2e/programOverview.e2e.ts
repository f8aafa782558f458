// The Program Overview on the demo repository, as its coordinator Dana: the pairs' table (sorted
// by a header click, filtered by the text field), the charts drawn, the at-risk and capacity
// lists, and a picture in the light, dark and high-contrast themes.
import * as assert from 'node:assert/strict';
import { SIDEBAR_IFRAME, useWorkbench, type Workbench } from './harness';

/** The panel's document: the only Mentoring webview open (the sidebar is never opened here). */
const panel = (wb: Workbench) => wb.page.frameLocator(SIDEBAR_IFRAME).frameLocator('#active-frame');

describe('program overview', function () {
  const workbench = useWorkbench({ theme: 'light', settings: { 'mentoring.me': 'dana' } });

  it('opens from the palette with every pair, sortable and filterable', async function () {
    const wb = workbench();
    await wb.runCommand('Mentoring: Program Overview');
    const frame = panel(wb);
    const rows = frame.locator('table.pairs tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    const firstCells = async () => (await rows.locator('td:first-child').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(await firstCells(), wb.demo!.pairs);
    // Sorted by pair, then the other way round by a second click on its header.
    const pairHeader = frame.locator('table.pairs th').first();
    assert.equal(await pairHeader.getAttribute('aria-sort'), 'ascending');
    await pairHeader.locator('button').click();
    assert.equal(await pairHeader.getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await firstCells(), [...wb.demo!.pairs].reverse());
    // The keyboard sorts too: Enter on a focused header.
    await frame.locator('table.pairs th button').nth(3).focus();
    await wb.page.keyboard.press('Enter');
    assert.equal(await frame.locator('table.pairs th').nth(3).getAttribute('aria-sort'), 'ascending');
    // The filter keeps the matching pairs.
    await frame.locator('.filter input').fill('chen');
    assert.deepEqual(await firstCells(), ['chen--dana']);
    await frame.locator('.filter input').fill('');
    assert.equal(await rows.count(), wb.demo!.pairs.length);
  });

  it('draws the three charts and the lists', async function () {
    const frame = panel(workbench());
    assert.equal(await frame.locator('svg.chart').count(), 3);
    assert.ok((await frame.locator('svg.chart rect.chart-bar').count()) > 0, 'the bars are drawn');
    const fill = await frame
      .locator('svg.chart rect.chart-bar')
      .first()
      .evaluate((el) => getComputedStyle(el).fill);
    assert.notEqual(fill, 'rgb(0, 0, 0)', 'the bars take a theme colour');
    for (const head of ['At risk', 'Mentees without a mentor', "Mentors' capacity"])
      await frame.locator('h2', { hasText: head }).waitFor();
  });

  for (const theme of ['light', 'dark', 'hc'] as const)
    it(`looks right in the ${theme} theme`, async function () {
      const wb = workbench();
      if (theme !== 'light') await wb.setTheme(theme);
      await panel(wb).locator('svg.chart').first().waitFor();
      await wb.screenshot(`program overview ${theme}`);
    });
});
