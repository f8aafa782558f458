// The Program Overview on the demo repository, as its coordinator Dana: the pairs' table (sorted
// by a header click, filtered by the text field), the charts drawn, the at-risk and capacity
// lists, and a picture in the light, dark and high-contrast themes.
import * as assert from 'node:assert/strict';
import { SIDEBAR_IFRAME, useWorkbench, type Workbench } from './harness';

/** The colour painted most on the first chart (its bars), and the theme's bar colour, both as #rrggbb. */
async function barColours(wb: Workbench): Promise<{ painted: string; theme: string }> {
  return panel(wb)
    .locator('canvas[data-chart="0"]')
    .evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const counts = new Map<string, number>();
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] !== 255) continue;
        // No helper function here: the test runner's transform would name it, and the page has no __name.
        const colour = `#${(0x1000000 + data[i] * 65536 + data[i + 1] * 256 + data[i + 2]).toString(16).slice(1)}`;
        counts.set(colour, (counts.get(colour) ?? 0) + 1);
      }
      const painted = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.fillStyle = getComputedStyle(document.body).getPropertyValue('--vscode-charts-blue').trim();
      return { painted, theme: String(probe.fillStyle) };
    });
}

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

  it('draws the three charts in the theme, each with its numbers, and the lists', async function () {
    const frame = panel(workbench());
    const canvases = frame.locator('canvas[data-chart]');
    await canvases.nth(2).waitFor();
    assert.equal(await canvases.count(), 3);
    const charts = await canvases.evaluateAll((all) =>
      (all as HTMLCanvasElement[]).map((canvas) => {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        const blue = getComputedStyle(document.body).getPropertyValue('--vscode-charts-blue').trim();
        let pixels = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) pixels++;
        return { pixels, name: canvas.getAttribute('aria-label'), blue };
      }),
    );
    for (const chart of charts) {
      assert.ok(chart.pixels > 2000, `a chart is drawn (${chart.pixels} pixels)`);
      assert.ok(chart.name && chart.name.length > 20, 'a chart has an accessible name');
    }
    assert.ok(charts[0].blue, 'the theme gives the bars their colour');
    // The numbers behind each chart, as a table.
    await frame.locator('figure summary').first().click();
    assert.ok((await frame.locator('figure table.numbers').first().locator('tbody tr').count()) > 0);
    await frame.locator('figure summary').first().click();
    for (const head of ['At risk', 'Mentees without a mentor', "Mentors' capacity"])
      await frame.locator('h2', { hasText: head }).waitFor();
  });

  for (const theme of ['light', 'dark', 'hc'] as const)
    it(`looks right in the ${theme} theme`, async function () {
      const wb = workbench();
      if (theme !== 'light') await wb.setTheme(theme);
      await panel(wb).locator('canvas[data-chart]').first().waitFor();
      // The charts at the top in the picture, wherever the tests before left the panel scrolled.
      await panel(wb)
        .locator('h1')
        .evaluate(() => window.scrollTo(0, 0));
      // Chart.js draws again in the new theme's colours (webview/charts.ts watches the body's class).
      await wb.page.waitForTimeout(300);
      const colours = await barColours(wb);
      assert.equal(colours.painted, colours.theme, `the bars take the ${theme} theme's blue`);
      await wb.screenshot(`program overview ${theme}`);
    });
});
