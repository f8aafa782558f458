// Private notes in the real workbench: typed in the sidebar beside the agenda, saved into
// .mentoring/.private/ on disk, and invisible to `git status`; the palette opens the notes file.
import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';
import { eventually, sidebarPicture, typeInto } from './sidebarHelpers';

const NOTES = '.mentoring/.private/ana--ben/notes.md';
const NOTE = 'Ben looked tired; ask how the on-call rota is going.';
const SESSION_NOTE = 'Raise the promotion question gently.';

describe('private notes', function () {
  const workbench = useWorkbench({ theme: 'light' });

  it('a note typed in the sidebar lands in .private and git status does not show it', async function () {
    const wb = workbench();
    const frame = await wb.openSidebar();
    const section = frame.getByTestId('section-private');
    await section.waitFor({ timeout: 30_000 });
    await section.evaluate((c: HTMLElement & { open: boolean }) => (c.open = true));
    await section.getByText('Only you see these: they stay on this machine').first().waitFor();

    await typeInto(frame, 'private-note', NOTE);
    await frame.getByTestId('save-private-note').click();
    await eventually(() => wb.readFile(NOTES) === NOTE, 15_000, 'the note on disk');
    // The Save button goes once the file says what was typed.
    await frame.getByTestId('save-private-note').waitFor({ state: 'detached', timeout: 10_000 });

    const agenda = frame.locator('#section-agenda');
    await agenda.getByText('Private notes — only you see these').first().waitFor();
    await agenda.getByTestId('private-session-note').first().waitFor();
    await agenda.getByTestId('private-session-note').first().locator('textarea').fill(SESSION_NOTE);
    await agenda.getByTestId('save-private-session-note').first().click();
    const sessionFile = await eventually(
      () => {
        const listed = wb.git('status', '--porcelain=v1', '--ignored', '--untracked-files=all');
        return /^!! (\.mentoring\/\.private\/ana--ben\/sessions\/\d{4}-\d{2}-\d{2}\.md)$/m.exec(listed)?.[1];
      },
      15_000,
      'the session note, ignored',
    );
    assert.equal(wb.readFile(sessionFile), SESSION_NOTE);

    const status = wb.git('status', '--porcelain=v1', '--untracked-files=all');
    assert.doesNotMatch(status, /\.private/, status);
    assert.doesNotMatch(wb.git('ls-files'), /\.private/);
    await sidebarPicture(wb, 'private-notes');

    await wb.runCommand('Mentoring: Open My Private Notes');
    await wb.activeEditor().getByText('on-call rota').first().waitFor({ timeout: 15_000 });
  });
});
