// "Mentoring: Propose Matches" in the real workbench, as the coordinator Kim of a small program:
// the preview lists each pair with its score and why, the mentee nobody can mentor is named with
// the reason, and nothing is written until Kim confirms; then every match is a proposal
// (`status: proposed`, `initiated_by: program`) on its own review branch, the checkout untouched.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { git } from '../unit/helpers/tempRepo';
import { writeSmallProgram } from '../unit/helpers/smallProgram';
import { useWorkbench } from './harness';

/** The small program of the CLI's matching test, in a repository whose git identity is Kim's. */
function smallProgram(dir: string): string {
  const repo = join(dir, 'program');
  mkdirSync(repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', 'Kim');
  git(repo, 'config', 'user.email', 'kim@example.com');
  git(repo, 'config', 'commit.gpgsign', 'false');
  writeSmallProgram(repo);
  return repo;
}

const PREVIEW_ROW = '.quick-input-widget .quick-input-list .monaco-list-row';

describe('propose matches', function () {
  const workbench = useWorkbench({ theme: 'light', settings: { 'mentoring.me': 'kim' }, workspace: smallProgram });

  it('previews the pairs with scores and why, names who is left out, and writes nothing yet', async function () {
    const wb = workbench();
    await wb.runCommand('Mentoring: Propose Matches');
    const title = wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Propose Matches' });
    await title.waitFor({ timeout: 60_000 });
    const rows = wb.page.locator(PREVIEW_ROW);
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    assert.equal(texts.length, 2, texts.join('\n'));
    assert.match(texts[0], /ana → ben\s*score \d+ .*skills \+[\d.]+/);
    assert.match(texts[1], /cid → dee\s*score \d+ .*skills \+[\d.]+/);
    assert.match(await title.innerText(), /total score \d+\W+not matched: eve/);
    // eve shares no language with any mentor: named, with the reason.
    const notice = wb.page.locator('.notification-list-item-message', { hasText: 'Not matched' });
    await notice.waitFor({ timeout: 20_000 });
    assert.match(await notice.innerText(), /eve: no admissible mentor.*: ben \(must: no language in common\)/);
    assert.equal(wb.git('for-each-ref', 'refs/heads/mentoring/'), '', 'a preview writes nothing');
    // The pointer off the quick pick, so no tooltip covers the preview in the picture.
    await wb.page.mouse.move(700, 600);
    await wb.page.waitForTimeout(1000);
    await wb.screenshot('propose matches preview');
  });

  it('on confirming, writes each match as a proposal by the program on its own branch', async function () {
    const wb = workbench();
    const head = wb.git('rev-parse', 'HEAD');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.notification-list-item-message', { hasText: 'Proposed' }).waitFor({ timeout: 60_000 });
    const branches = wb.git('for-each-ref', '--format=%(refname:short)', 'refs/heads/mentoring/').split('\n');
    assert.equal(branches.length, 2, branches.join('\n'));
    assert.match(branches[0], /^mentoring\/ana--ben\/relationship-\d{4}-\d{2}-\d{2}$/);
    assert.match(branches[1], /^mentoring\/cid--dee\/relationship-\d{4}-\d{2}-\d{2}$/);
    for (const branch of branches) {
      const pair = branch.split('/')[1];
      const plan = parse(wb.git('show', `${branch}:.mentoring/pairs/${pair}/plan.yaml`));
      assert.equal(plan.status, 'proposed');
      assert.equal(plan.initiated_by, 'program');
      assert.match(wb.git('log', '-1', '--format=%B', branch), /Matching score \*\*\d+\*\* of 100/);
    }
    assert.equal(wb.git('rev-parse', 'HEAD'), head, 'the checkout stays where it was');
    assert.equal(wb.git('status', '--porcelain'), '');
  });
});
