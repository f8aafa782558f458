// Review as pull requests in the real workbench: on the demo repository with a local bare
// repository as `origin`, Ana asks Dana for mentoring from the sidebar; the proposal is pushed
// as its own branch, listed as pending, and its summary opens for review. Ana's checkout stays
// on main and clean throughout.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoRepo } from '../../scripts/demo-repo.mjs';
import { useWorkbench } from './harness';
import { eventually } from './sidebarHelpers';

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

describe('sidebar review', function () {
  let remote = '';
  const workbench = useWorkbench({
    theme: 'light',
    workspace: (dir) => {
      const demo = createDemoRepo(join(dir, 'demo'));
      remote = join(dir, 'origin.git');
      git(dir, 'init', '-q', '--bare', '-b', 'main', remote);
      git(demo.dir, 'remote', 'add', 'origin', remote);
      git(demo.dir, 'push', '-q', '-u', 'origin', 'main');
      return demo.dir;
    },
  });

  it('asks for mentoring from the sidebar: pushed to the remote, listed as pending', async function () {
    const wb = workbench();
    const headBefore = wb.git('rev-parse', 'HEAD').trim();
    const frame = await wb.openSidebar();
    const ask = frame.getByTestId('ask-for-mentoring');
    await ask.waitFor({ timeout: 30_000 });
    await frame.getByTestId('no-proposals').waitFor({ timeout: 30_000 });
    await ask.click();

    await wb.pickQuickItem('Dana Diaz');
    const input = wb.page.locator('.quick-input-widget input[type="text"]');
    await input.waitFor();
    await input.fill('Speak at a conference');
    await wb.page.keyboard.press('Enter');

    const item = frame.locator('[data-testid="proposals-mine"] [data-testid="proposal"][data-pair="ana--dana"]');
    await item.waitFor({ timeout: 30_000 });
    assert.match(await item.innerText(), /You asked dana/);
    assert.match(await item.innerText(), /pending/);

    const onRemote = git(remote, 'for-each-ref', '--format=%(refname)', 'refs/heads/mentoring/');
    assert.match(onRemote, /^refs\/heads\/mentoring\/ana--dana\/relationship-\d{4}-\d{2}-\d{2}$/m);
    const branch = onRemote.trim().replace('refs/heads/', '');
    assert.equal(git(remote, 'rev-list', '--count', `main..${branch}`).trim(), '1');
    assert.equal(
      git(remote, 'diff-tree', '--no-commit-id', '--name-only', '-r', branch).trim(),
      '.mentoring/pairs/ana--dana/plan.yaml',
    );
    assert.match(git(remote, 'show', `${branch}:.mentoring/pairs/ana--dana/plan.yaml`), /^status: proposed\b/m);

    assert.equal(wb.git('symbolic-ref', '--short', 'HEAD').trim(), 'main', 'Ana stays on her branch');
    assert.equal(wb.git('rev-parse', 'HEAD').trim(), headBefore);
    assert.equal(wb.git('status', '--porcelain').trim(), '', 'the working tree is untouched');
    await wb.screenshot('proposal pending');
  });

  it('opens the semantic summary of a pending proposal', async function () {
    const wb = workbench();
    const frame = wb.sidebar();
    const link = frame.locator('[data-testid="proposal"][data-pair="ana--dana"] a').first();
    await link.click();
    const tab = wb.page.locator('.tabs-container .tab', { hasText: /Mentoring-changes/ }).first();
    await tab.waitFor({ timeout: 20_000 });
    const preview = wb.page
      .frameLocator('iframe.webview.ready[src*="markdown-language-features"]')
      .frameLocator('#active-frame');
    await preview.getByText('Plan created').waitFor({ timeout: 30_000 });
    await preview.getByText('Speak at a conference').waitFor();
    await wb.screenshot('proposal summary');
  });

  it('proposes plan changes from the palette: only the plan goes to review, other work stays', async function () {
    const wb = workbench();
    const plan = join(wb.workspace, '.mentoring/pairs/ana--ben/plan.yaml');
    const agreed = readFileSync(plan, 'utf8');
    writeFileSync(plan, agreed.replace(/cadence_days: \d+/, 'cadence_days: 7'));
    writeFileSync(join(wb.workspace, 'notes.txt'), 'my own work in progress\n');
    await wb.runCommand('Mentoring: Propose Plan Changes for Review');
    // The semantic summary comes first; nothing is committed until it is confirmed.
    await wb.pickQuickItem('Propose for Review');

    const branches = await eventually(
      () => {
        const refs = git(remote, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/mentoring/ana--ben/');
        return refs.trim() || undefined;
      },
      30_000,
      'the plan branch on the remote',
    );
    assert.match(branches, /^mentoring\/ana--ben\/plan-\d{4}-\d{2}-\d{2}$/);
    assert.match(git(remote, 'show', `${branches}:.mentoring/pairs/ana--ben/plan.yaml`), /cadence_days: 7/);
    assert.match(git(remote, 'log', '-1', '--format=%B', branches), /Agreement: cadence days: \d+ → \*\*7\*\*/);
    await eventually(() => readFileSync(plan, 'utf8') === agreed, 10_000, 'the plan back to the agreed version');
    assert.equal(wb.git('status', '--porcelain').trim(), '?? notes.txt');
    const frame = wb.sidebar();
    const item = frame.locator('[data-testid="proposals-mine"] [data-kind="plan-change"][data-pair="ana--ben"]');
    await item.waitFor({ timeout: 20_000 });
    await item.scrollIntoViewIfNeeded();
    await wb.screenshot('plan changes pending');
  });
});
