// Mentoring in its own repository, in the real workbench: the workspace is a code repository (with
// an `origin` whose URL carries a token), `mentoring.repository` names a clone of the demo
// mentoring repository elsewhere on disk. Ana asks for feedback on lines of the code; the request
// lands in the mentoring repository with the code's repository, commit, path and lines, and opens
// back from the sidebar at that commit with those lines selected, though the file changed since.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoRepo } from '../../scripts/demo-repo.mjs';
import { useWorkbench } from './harness';
import { eventually, PAIR } from './sidebarHelpers';
import { askForFeedbackOnLines, git } from './twoClones';

const ORIGIN = 'https://git.example.com/team/service.git';
const RETRY = [
  '// Retries a call with growing delays.',
  'export function retry(call: () => Promise<void>) {',
  '  const delays = [100, 200, 400];',
  '  return delays.reduce((p, d) => p.catch(() => wait(d).then(call)), call());',
  '}',
  '',
  'const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));',
  '',
].join('\n');

describe('separate mentoring repository', function () {
  const base = mkdtempSync(join(tmpdir(), 'mentoring-e2e-seprepo-'));
  const mentoring = join(base, 'mentoring');
  const code = join(base, 'service');
  let request = '';
  let asked = '';
  const workbench = useWorkbench({
    settings: { 'mentoring.repository': mentoring },
    workspace: () => {
      createDemoRepo(mentoring);
      mkdirSync(join(code, 'src'), { recursive: true });
      git(code, 'init', '-q', '-b', 'main');
      git(code, 'config', 'user.email', 'ana@example.com');
      git(code, 'config', 'user.name', 'Ana Alves');
      git(code, 'config', 'commit.gpgsign', 'false');
      writeFileSync(join(code, 'src', 'retry.ts'), RETRY);
      git(code, 'add', '.');
      git(code, 'commit', '-q', '-m', 'Retry with delays');
      git(code, 'remote', 'add', 'origin', 'https://ana:s3cr3t-token@git.example.com/team/service.git');
      return code;
    },
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('asks for feedback on a selection in the code repository; the request lands in the mentoring repository', async function () {
    this.timeout(120_000);
    const wb = workbench();
    // The sidebar reads the mentoring clone, not the workspace (which has no mentoring folder).
    const frame = await wb.openSidebar();
    await frame.getByText('Ana Alves').first().waitFor({ timeout: 30_000 });
    await frame.getByText('ben (mentor)').first().waitFor();
    await wb.openFile('src/retry.ts');
    await askForFeedbackOnLines(wb, 3, 4, 'Are these delays enough under load?');
    const folder = join(mentoring, PAIR, 'feedback');
    request = await eventually(
      () => readdirSync(folder).find((f) => f.includes('delays-enough')),
      15_000,
      'the request in the mentoring repository',
    );
    const text = readFileSync(join(folder, request), 'utf8');
    asked = git(code, 'rev-parse', 'HEAD');
    assert.match(text, /code:\n {2}repository: https:\/\/git\.example\.com\/team\/service\.git\n/, text);
    assert.ok(!text.includes('s3cr3t'), `no credentials in the request:\n${text}`);
    assert.match(
      text,
      new RegExp(`\\n {2}path: src/retry\\.ts\\n {2}lines: \\[3, 4\\]\\n {2}commit: ${asked}\\n`),
      text,
    );
    assert.match(text, /asked_of: ben/);
    await wb.page
      .locator('.notifications-toasts', { hasText: `Asked ben for feedback: ${PAIR}/feedback/${request}` })
      .first()
      .waitFor();
    // Nothing was written to the code repository.
    assert.equal(git(code, 'status', '--porcelain', '--untracked-files=all'), '');
    await frame.getByText('Are these delays enough under load?').first().waitFor();
    await wb.screenshot('request asked in the code repository');
  });

  it('opens the request from the sidebar: the file at that commit, read-only, the lines selected', async function () {
    this.timeout(120_000);
    const wb = workbench();
    assert.ok(request, 'the first test made the request');
    // The code moves on after the request: the request still shows what was asked about.
    writeFileSync(join(code, 'src', 'retry.ts'), RETRY.replace('[100, 200, 400]', '[50, 5000]'));
    git(code, 'commit', '-q', '-am', 'Other delays');
    await wb.runCommand('View: Close All Editors');
    const frame = await wb.openSidebar();
    const item = frame.locator(`[data-feedback$="${request}"]`);
    await item.getByTestId('open-code').click();
    const tab = wb.page.locator('.tabs-container .tab.active[aria-label^="retry.ts"]');
    await tab.waitFor();
    const editor = wb.activeEditor();
    await editor.getByText('[100, 200, 400]').first().waitFor();
    assert.equal(await editor.getByText('[50, 5000]').count(), 0, 'the version asked about, not the newest');
    // Lines 3-4 selected: the cursor at the end of line 4, two lines selected.
    await wb.page
      .locator('.statusbar-item', { hasText: /Ln 4, Col \d+ \(\d+ selected\)/ })
      .first()
      .waitFor();
    await wb.screenshot('code opened at the commit asked about');
    // Read-only: what was asked about cannot be edited by mistake.
    await wb.page.keyboard.type('x');
    await wb.page.getByText('Cannot edit in read-only editor').first().waitFor();
    assert.notEqual(asked, git(code, 'rev-parse', 'HEAD'));
  });

  it('says which repository to open when no workspace folder has that remote', async function () {
    this.timeout(120_000);
    const wb = workbench();
    git(code, 'remote', 'set-url', 'origin', 'https://git.example.com/team/elsewhere.git');
    await wb.runCommand('View: Close All Editors');
    const frame = await wb.openSidebar();
    await frame.locator(`[data-feedback$="${request}"]`).getByTestId('open-code').click();
    await wb.page
      .locator('.notifications-toasts', { hasText: `Open a clone of that repository in this window` })
      .first()
      .waitFor();
    const toast = await wb.page.locator('.notifications-toasts').first().innerText();
    assert.ok(toast.includes(ORIGIN), toast);
    await wb.screenshot('which repository to open');
  });

  it('follows a change of the setting: a folder that is not a git clone is refused with the reason, the clone again reloads', async function () {
    this.timeout(120_000);
    const wb = workbench();
    const plain = join(base, 'not-a-clone');
    mkdirSync(plain, { recursive: true });
    // As a user changes it: in the Settings editor.
    const setRepository = async (value: string) => {
      await wb.runCommand('Preferences: Open User Settings');
      // The search box (an editor of its own) has the focus when the Settings editor opens.
      await wb.page.locator('.settings-editor .settings-header').first().waitFor();
      await wb.page.waitForTimeout(500);
      await wb.page.keyboard.type('mentoring.repository');
      const input = wb.page
        .locator('.settings-editor .setting-item-contents', { hasText: 'separate mentoring repository' })
        .locator('input')
        .first();
      await input.waitFor();
      await input.fill(value);
      await wb.page.keyboard.press('Tab');
      await wb.page.waitForTimeout(1_000);
      await wb.runCommand('View: Close All Editors');
    };
    await setRepository(plain);
    const frame = await wb.openSidebar();
    await frame
      .getByText(/is not a git clone: there is no \.git in it/)
      .first()
      .waitFor({ timeout: 30_000 });
    await wb.page.locator('.notifications-toasts', { hasText: 'is not a git clone' }).first().waitFor();
    await wb.screenshot('a folder that is not a git clone refused');
    await setRepository(mentoring);
    await frame.getByText('Ana Alves').first().waitFor({ timeout: 30_000 });
    await frame.getByText('Are these delays enough under load?').first().waitFor();
  });
});
