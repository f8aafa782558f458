// The HTML report (`mentoring report --format html`, from the built CLI) in a real browser: the
// page's own CSP (hashes, no 'unsafe-inline') lets its inline Chart.js script draw the three
// charts, nothing is fetched, nothing is refused, and the colours follow the reader's light or
// dark scheme. Pictures of both schemes go with the other screenshots.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createDemoRepo } from '../../scripts/demo-repo.mjs';
import { launchChromium, makeRunDir } from '../../scripts/e2e/codeserver.mjs';
import { RESULTS_DIR, repoRoot } from './harness';

/** How many pixels of each chart's canvas are painted, and the colour painted most (the bars'). */
async function painted(page: Page): Promise<{ pixels: number; colour: string }[]> {
  return page.locator('canvas[data-chart]').evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const counts = new Map<string, number>();
      let pixels = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        pixels++;
        const colour = `${data[i]},${data[i + 1]},${data[i + 2]}`;
        counts.set(colour, (counts.get(colour) ?? 0) + 1);
      }
      const colour = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      return { pixels, colour };
    }),
  );
}

describe('html report in a browser', function () {
  let run: { dir: string; remove: () => void };
  let browser: Browser;
  let page: Page;
  const refused: string[] = [];
  const fetched: string[] = [];

  before(async function () {
    this.timeout(120_000);
    run = makeRunDir();
    const repo = join(run.dir, 'demo');
    createDemoRepo(repo);
    const out = join(run.dir, 'report.html');
    execFileSync('node', [join(repoRoot, 'dist/cli.js'), 'report', '--format', 'html', '--out', out], { cwd: repo });
    browser = await launchChromium(run.dir);
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    page.on('pageerror', (error) => refused.push(String(error)));
    page.on('request', (request) => {
      if (request.url() !== pathToFileURL(out).href) fetched.push(request.url());
    });
    await page.goto(pathToFileURL(out).href);
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP refused ${e.violatedDirective}`)),
    );
  });

  after(async () => {
    await browser?.close();
    run?.remove();
  });

  it('draws the three charts under its own strict CSP, fetching nothing', async function () {
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length === 3);
    const charts = await painted(page);
    assert.equal(charts.length, 3);
    for (const [i, chart] of charts.entries()) assert.ok(chart.pixels > 2000, `chart ${i} is drawn (${chart.pixels})`);
    assert.deepEqual(refused, []);
    assert.deepEqual(fetched, []);
    // Each chart is named for screen readers and keeps its numbers as a table.
    for (const label of await page.locator('canvas[data-chart]').evaluateAll((c) => c.map((e) => e.ariaLabel)))
      assert.ok(label && label.length > 20, `a chart's accessible name: ${label}`);
    assert.equal(await page.locator('figure details table.numbers').count(), 3);
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, 'html-report-light.png'), fullPage: true });
  });

  it('draws again in the dark scheme, in its colours', async function () {
    const light = await painted(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)');
    await page.waitForTimeout(200);
    const dark = await painted(page);
    assert.notEqual(dark[2].colour, light[2].colour, 'the bars change colour with the scheme');
    assert.deepEqual(refused, []);
    await page.screenshot({ path: join(RESULTS_DIR, 'html-report-dark.png'), fullPage: true });
  });
});
