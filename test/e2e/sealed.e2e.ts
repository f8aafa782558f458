// Sealed notes in the real workbench. Ben (the mentor) has a key in his people file; Ana (git says
// she is the user) has none yet, and both are told her notes are stored in clear. She runs
// "Mentoring: Set Up My Key" and gives it a key she already has (made here by Debian's
// `age-keygen`, so the test holds her identity: that is the way in for a test, no test-only path in
// the extension), types notes in the sidebar and saves: the YAML holds an ASCII-armored age
// message that Debian's `age -d` opens with her identity and with Ben's, the sidebar shows her the
// clear text, and the coordinator (Dana) sees the session as sealed, never its words.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { addDays } from '../../src/shared/dates';
import { useWorkbench } from './harness';
import { eventually, PAIR, pickMe, sidebarPicture } from './sidebarHelpers';

const NOTES = 'Worried about the reorg; planted-sealed-notes-4k';
const keyDir = mkdtempSync(join(tmpdir(), 'mentoring-e2e-keys-'));

/** A new X25519 identity from Debian's age-keygen, kept in a file `age -d -i` reads. */
function ageKeygen(name: string): { identity: string; recipient: string; file: string } {
  const file = join(keyDir, `${name}.txt`);
  execFileSync('age-keygen', ['-o', file], { stdio: 'pipe' });
  const text = readFileSync(file, 'utf8');
  const identity = /^AGE-SECRET-KEY-1[0-9A-Z]+$/m.exec(text)?.[0];
  const recipient = /^# public key: (age1[0-9a-z]+)$/m.exec(text)?.[1];
  if (!identity || !recipient) throw new Error(`age-keygen wrote no key: ${text}`);
  return { identity, recipient, file };
}

const ageDecrypt = (armored: string, identityFile: string) =>
  execFileSync('age', ['-d', '-i', identityFile], { input: armored, encoding: 'utf8', stdio: 'pipe' });

describe('sealed notes in the sidebar', function () {
  const workbench = useWorkbench({ theme: 'light' });
  after(() => rmSync(keyDir, { recursive: true, force: true }));

  it('Ana sets up her key, her notes are stored sealed, she reads them, the coordinator sees "sealed"', async function () {
    this.timeout(300_000);
    const wb = workbench();
    const today = wb.demo?.today ?? '';
    const ana = ageKeygen('ana');
    const ben = ageKeygen('ben');
    const benFile = '.mentoring/people/ben.yaml';
    writeFileSync(join(wb.workspace, benFile), `${wb.readFile(benFile)}age_recipients:\n  - ${ben.recipient}\n`);
    wb.git('commit', '-qam', "Ben's key for sealed fields");

    const frame = await wb.openSidebar();
    await frame.locator('.header .me').filter({ hasText: 'Ana Alves' }).waitFor({ timeout: 30_000 });
    const notice = frame.getByTestId('sealing-notice');
    await notice.filter({ hasText: 'You have no key yet' }).waitFor({ timeout: 20_000 });
    assert.match(await notice.innerText(), /notes and feedback answers are stored in clear until you set one up/);
    await sidebarPicture(wb, 'sealed-no-key-light');

    // Set Up My Key → Use a Key I Already Have… → her identity, typed into a password box.
    await wb.runCommand('Mentoring: Set Up My Key');
    const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', {
      hasText: 'Use a Key I Already Have',
    });
    await row.first().click();
    const input = wb.page.locator('.quick-input-widget input[type="password"]');
    await input.waitFor();
    await input.fill(ana.identity);
    await wb.page.keyboard.press('Enter');
    await eventually(() => wb.readFile('.mentoring/people/ana.yaml').includes(ana.recipient), 15_000, 'recipient');
    assert.ok(!wb.readFile('.mentoring/people/ana.yaml').includes('AGE-SECRET-KEY'), 'no identity in the repository');
    await notice.filter({ hasText: 'are sealed to the two of you' }).waitFor({ timeout: 20_000 });
    await sidebarPicture(wb, 'sealed-both-keys-light');

    // Her notes of last week's session, replaced and saved from the sidebar.
    const file = `${PAIR}/sessions/${addDays(today, -7)}.yaml`;
    const openCollapsible = (c: HTMLElement & { open: boolean }) => {
      c.open = true;
      c.dispatchEvent(new CustomEvent('vsc-collapsible-toggle', { detail: { open: true } }));
    };
    await frame.locator('#section-past').evaluate(openCollapsible);
    const session = frame.locator(`[data-session="${file}"]`);
    await frame.locator('vscode-collapsible.session', { has: session }).evaluate(openCollapsible);
    const notes = session.locator(`[data-draft="session:${file}:notes"] textarea`);
    await notes.waitFor();
    await notes.fill(NOTES);
    await session.getByTestId('save-notes').click();

    const stored = await eventually(
      () => {
        const value = (parse(wb.readFile(file)) as { notes?: unknown }).notes;
        return typeof value === 'string' && value.startsWith('-----BEGIN AGE ENCRYPTED FILE-----') && value;
      },
      15_000,
      'notes sealed in the file',
    );
    assert.ok(!wb.readFile(file).includes('planted-sealed-notes'), 'the clear text never reaches the file');
    assert.equal(ageDecrypt(stored, ana.file), NOTES, "Debian's age opens it with Ana's identity");
    assert.equal(ageDecrypt(stored, ben.file), NOTES, "and with Ben's");
    await session.getByTestId('save-notes').waitFor({ state: 'detached' });
    assert.equal(await notes.inputValue(), NOTES, 'the sidebar shows Ana the clear text');

    for (const theme of ['light', 'dark', 'hc'] as const) {
      if (theme !== 'light') await wb.setTheme(theme);
      await notes.scrollIntoViewIfNeeded();
      await sidebarPicture(wb, `sealed-notes-mentee-${theme}`);
    }

    // Dana coordinates the program: the session is sealed to her, its words nowhere in the view.
    await pickMe(wb, 'Dana Diaz');
    await frame.locator('.header .me').filter({ hasText: 'Dana Diaz' }).waitFor({ timeout: 20_000 });
    await wb.runCommand('Mentoring: Select Mentoring Relationship');
    await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'ana--ben' }).click();
    await frame.locator('#section-past').evaluate(openCollapsible);
    const withheld = frame.locator(`[data-session="${file}"]`);
    await frame.locator('vscode-collapsible.session', { has: withheld }).evaluate(openCollapsible);
    await withheld.getByTestId('sealed').waitFor({ timeout: 20_000 });
    const text = await frame.locator('body').innerText();
    assert.ok(!text.includes('planted-sealed-notes') && !text.includes('BEGIN AGE'), 'nothing of the notes');
    assert.equal(await frame.getByTestId('open-yaml').count(), 0, 'no way to open the pair’s files');
    assert.equal(await frame.getByTestId('sealing-notice').count(), 0);
    await withheld.scrollIntoViewIfNeeded();
    await sidebarPicture(wb, 'sealed-notes-coordinator-hc');
  });
});
