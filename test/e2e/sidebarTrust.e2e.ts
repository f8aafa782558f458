// Restricted Mode: in an untrusted workspace the sidebar shows the folder read-only, with a
// banner, offers no edits, and nothing is written.
import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';
import { PAIR } from './sidebarHelpers';

describe('sidebar in an untrusted workspace', function () {
  const workbench = useWorkbench({
    theme: 'light',
    untrusted: true,
    settings: {
      // No git runs here, so git's user.email cannot say who I am.
      'mentoring.me': 'ana',
    },
  });

  it('is read-only with a banner, and writes nothing', async function () {
    const wb = workbench();
    const before = wb.git('status', '--porcelain');
    const plan = wb.readFile(`${PAIR}/plan.yaml`);
    const frame = await wb.openSidebar();
    await frame.getByTestId('untrusted-banner').waitFor({ timeout: 30_000 });
    await frame.locator('.goal-title', { hasText: 'Lead the design of a service end to end' }).first().waitFor();
    await frame.getByText('Debrief the architecture review').first().waitFor();
    // No edit affordances at all.
    for (const id of ['add-goal-open', 'commit-agenda', 'prepare-agenda', 'ask-submit', 'add-objectives']) {
      assert.equal(await frame.getByTestId(id).count(), 0, `${id} is not offered`);
    }
    assert.equal(await frame.locator('vscode-checkbox:not([disabled])').count(), 0, 'checkboxes are disabled');
    // The command palette does not offer writing commands.
    const entries = await wb.paletteEntries('Mentoring: Prepare Agenda');
    assert.ok(!entries.some((e) => e.startsWith('Mentoring: Prepare Agenda')), entries.join(' | '));
    assert.equal(wb.readFile(`${PAIR}/plan.yaml`), plan);
    assert.equal(wb.git('status', '--porcelain'), before);
  });
});
