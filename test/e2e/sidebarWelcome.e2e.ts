// A repository without a mentoring folder: the sidebar welcomes, "Set up mentoring" runs init,
// and the example pair appears without a reload.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useWorkbench } from './harness';
import { eventually } from './sidebarHelpers';

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

describe('sidebar welcome', function () {
  const workbench = useWorkbench({
    theme: 'light',
    workspace: (dir) => {
      git(dir, 'init', '-q', '-b', 'main');
      git(dir, 'config', 'user.email', 'ana@example.com');
      git(dir, 'config', 'user.name', 'Ana');
      writeFileSync(join(dir, 'README.md'), '# An app\n');
      git(dir, 'add', 'README.md');
      git(dir, 'commit', '-qm', 'start');
      return dir;
    },
  });

  it('welcomes, sets up the mentoring folder, and shows the example pair', async function () {
    const wb = workbench();
    const frame = await wb.openSidebar();
    await frame.getByTestId('welcome').waitFor({ timeout: 30_000 });
    await frame.getByText('Open the walkthrough').waitFor();
    await wb.screenshot('welcome');
    await frame.getByTestId('setup').click();
    await eventually(() => existsSync(join(wb.workspace, '.mentoring/pairs/ana--ben/plan.yaml')), 10_000, 'init');
    await frame.getByText('ben (mentor)').first().waitFor({ timeout: 15_000 });
    assert.equal(await frame.getByTestId('welcome').count(), 0);
  });
});
