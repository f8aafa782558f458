// Typing in an open agenda shows in the sidebar before the file is saved, marked as unsaved.
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useWorkbench } from './harness';
import { PAIR } from './sidebarHelpers';

describe('sidebar live', function () {
  const workbench = useWorkbench({ theme: 'dark' });

  it('shows what I type in an agenda before I save it, marked unsaved', async function () {
    const wb = workbench();
    const frame = await wb.openSidebar();
    await frame.getByText('Debrief the architecture review').first().waitFor({ timeout: 30_000 });
    const sessions = join(wb.workspace, PAIR, 'sessions');
    const name = readdirSync(sessions).find((f) => wb.readFile(`${PAIR}/sessions/${f}`).includes('Debrief the'));
    assert.ok(name, 'the demo has the agenda');
    const rel = `${PAIR}/sessions/${name}`;
    const onDisk = wb.readFile(rel);

    const editor = await wb.openFile(rel);
    await editor.getByText('Debrief the architecture review').first().click();
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type(' and the load test');
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor();

    const agenda = frame.locator(`.agenda[data-session="${rel}"]`);
    await agenda.getByText('Debrief the architecture review and the load test').first().waitFor({ timeout: 10_000 });
    await agenda.locator('[data-unsaved]').waitFor();
    assert.equal(wb.readFile(rel), onDisk, 'nothing was saved');
    await wb.screenshot('sidebar-live-unsaved');

    await wb.page.keyboard.press('Control+S');
    await agenda.locator('[data-unsaved]').waitFor({ state: 'detached', timeout: 10_000 });
    await agenda.getByText('Debrief the architecture review and the load test').first().waitFor();
  });
});
