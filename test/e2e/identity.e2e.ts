// Who I am follows git: on the demo repository (git says I am Ana), `git config user.email`
// set to Ben's email in the workspace repository makes the sidebar show Ben, and setting it back
// shows Ana again, without a Refresh.
import { useWorkbench } from './harness';

describe('identity follows git', function () {
  const workbench = useWorkbench({ theme: 'light' });

  it('shows the person of the new user.email without a refresh', async function () {
    const wb = workbench();
    const frame = await wb.openSidebar();
    const me = frame.locator('.header .me');
    await me.filter({ hasText: 'Ana Alves' }).waitFor({ timeout: 30_000 });
    await frame.getByText('ben (mentor)').first().waitFor();

    wb.git('config', 'user.email', 'ben@example.com');
    await me.filter({ hasText: 'Ben Brooks' }).waitFor({ timeout: 15_000 });
    await frame.getByText('ana (mentee)').first().waitFor();

    wb.git('config', 'user.email', 'ana@example.com');
    await me.filter({ hasText: 'Ana Alves' }).waitFor({ timeout: 15_000 });
  });
});
