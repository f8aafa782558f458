// Smoke tests of the harness itself: if these fail, no other UI test can be trusted.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { useWorkbench } from './harness';

describe('workbench harness', function () {
  const workbench = useWorkbench({ theme: 'dark' });

  it('loads the workbench on the demo repository', async function () {
    const wb = workbench();
    assert.match(await wb.page.title(), /demo/);
    assert.ok(wb.demo, 'the workspace is the demo repository');
    assert.equal(wb.git('config', 'user.email'), 'ana@example.com');
    assert.ok(Number(wb.git('rev-list', '--count', 'HEAD')) >= 20, 'the demo history has its commits');
    assert.ok(existsSync(`${wb.workspace}/.mentoring/pairs/ana--ben/plan.yaml`));
  });

  it('opens the Mentoring sidebar from the activity bar and renders its webview', async function () {
    const wb = workbench();
    await wb.activityEntry().waitFor();
    const frame = await wb.openSidebar();
    const app = frame.locator('body');
    // The webview is ready once it shows something; the demo repository's git identity is Ana's.
    await frame.locator('body', { hasText: /\S/ }).waitFor({ timeout: 30_000 });
    const text = await app.innerText();
    assert.ok(text.trim().length > 0, 'the sidebar shows something');
    await frame.getByText('Ana Alves').first().waitFor({ timeout: 20_000 });
  });

  it('lists the Mentoring commands in the command palette', async function () {
    const wb = workbench();
    const entries = await wb.paletteEntries('Mentoring:');
    const mentoring = entries.filter((label) => label.startsWith('Mentoring:'));
    assert.ok(mentoring.length >= 3, `expected Mentoring commands, got: ${entries.join(' | ')}`);
    // The palette lists only so many at once: ask for one further down the alphabet by name.
    const refresh = await wb.paletteEntries('Mentoring: Refresh');
    assert.ok(
      refresh.some((label) => label.startsWith('Mentoring: Refresh')),
      refresh.join(' | '),
    );
  });

  it('opens a mentoring file in an editor', async function () {
    const wb = workbench();
    const editor = await wb.openFile('.mentoring/pairs/ana--ben/plan.yaml');
    await editor.getByText('initiated_by').first().waitFor();
    // Lines below the fold are not in the DOM until revealed.
    const line = await wb.revealInEditor('Facilitate three retrospectives');
    assert.equal(await line.isVisible(), true);
  });

  it('renders in the light theme', async function () {
    const wb = workbench();
    await wb.setTheme('light');
    await wb.openSidebar();
    await wb.screenshot('sidebar-light');
  });

  it('renders in the dark theme', async function () {
    const wb = workbench();
    await wb.setTheme('dark');
    await wb.openSidebar();
    await wb.screenshot('sidebar-dark');
  });
});
