// The rhythm from startup: a workbench opens on a repository where Ana (git user.email) meets Ben
// tomorrow and has no agenda yet. Without the sidebar being opened, she is told once, and the
// status bar shows the session; clicking it shows that session in the sidebar.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { localToday } from '../../src/core/app/today';
import { addDays } from '../../src/shared/dates';
import { useWorkbench } from './harness';
import { eventually, notificationsText } from './sidebarHelpers';

const today = localToday();
const tomorrow = addDays(today, 1);

function sessionTomorrowRepo(emptyDir: string): string {
  const repo = join(emptyDir, 'rhythm');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  write('.mentoring/program.yaml', 'name: Platform mentoring\n');
  write('.mentoring/people/ana.yaml', 'handle: ana\nname: Ana Alves\nemails: [ana@example.com]\nroles: [mentee]\n');
  write('.mentoring/people/ben.yaml', 'handle: ben\nname: Ben Okafor\nemails: [ben@example.com]\nroles: [mentor]\n');
  write(
    '.mentoring/pairs/ana--ben/plan.yaml',
    `mentee: ana\nmentor: ben\ninitiated_by: mentee\nstatus: active\nstarted: ${addDays(today, -30)}\ngoals: []\n`,
  );
  write(
    `.mentoring/pairs/ana--ben/sessions/${addDays(today, -13)}.yaml`,
    `date: ${addDays(today, -13)}\nprepared_by: ana\nobjectives: [Agree the scope]\nnext_session: ${tomorrow}\n`,
  );
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ana@example.com');
  git('config', 'user.name', 'Ana Alves');
  git('config', 'commit.gpgsign', 'false');
  git('add', '-A');
  git('commit', '-q', '-m', 'mentoring: the folder');
  return repo;
}

describe('rhythm: reminders and the next session from startup', function () {
  const workbench = useWorkbench({ workspace: sessionTomorrowRepo });

  it('tells Ana the agenda for tomorrow is missing and shows the session in the status bar before the sidebar opens', async function () {
    const wb = workbench();
    const item = wb.page.locator('.statusbar-item', { hasText: 'no agenda' }).first();
    await item.waitFor({ timeout: 60_000 });
    await eventually(
      async () => (await notificationsText(wb)).includes('The session with Ben tomorrow has no agenda yet'),
      60_000,
      'the reminder',
    );
    const notification = await notificationsText(wb);
    for (const button of ['Open', 'Snooze a Day', 'Snooze a Week'])
      assert.ok(notification.includes(button), notification);
    assert.equal(await wb.sidebar().locator('body').count(), 0, 'the sidebar was never opened');
    await wb.screenshot('rhythm-startup-reminder');

    // Snoozed for a day: the notification goes; the status bar stays.
    await wb.page.locator('.notifications-toasts .monaco-button', { hasText: 'Snooze a Day' }).first().click();
    await eventually(async () => !(await notificationsText(wb)).includes('has no agenda yet'), 10_000, 'gone');

    // Clicking the status bar shows that session in the sidebar.
    await item.click();
    const frame = wb.sidebar();
    await frame.getByText('Next session').first().waitFor({ timeout: 30_000 });
    await wb.screenshot('rhythm-status-bar-reveals-session');
  });
});
