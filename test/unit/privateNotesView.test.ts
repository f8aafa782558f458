// The sidebar's side of private notes: the strict check of the save request (only a pair and a
// date name the file, never a path), and the view built from the files on disk.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { readPrivateNotes, writePrivateNote } from '../../src/core/app/privateNotes';
import { parseWebviewMessage } from '../../src/protocol/messages';
import { MAX_PRIVATE_NOTE_CHARS } from '../../src/protocol/privateNotes';
import { privateNotesView } from '../../src/extension/sidebar/privateNotesView';
import { removeTempDirs, tempRepo } from './helpers/tempRepo';

const save = (extra: object) => ({ type: 'savePrivateNote', id: 7, pairId: 'ana--ben', text: 'mine', ...extra });

describe('private notes in the sidebar', () => {
  afterEach(removeTempDirs);

  it('accepts a well-formed save of the pair or a session note, and nothing else', () => {
    for (const ok of [save({}), save({ date: '2026-11-21' }), save({ text: '' }), save({ text: 'a\n\tb\r\n' })])
      assert.deepEqual(parseWebviewMessage(ok), ok);
    const refused = [
      save({ pairId: '../ana--ben' }),
      save({ pairId: 'ana--ana' }),
      save({ date: '2026-02-30' }),
      save({ date: '../../x' }),
      save({ file: '.mentoring/.private/ana--ben/notes.md' }),
      save({ text: 'bell\u0007' }),
      save({ text: 'x'.repeat(MAX_PRIVATE_NOTE_CHARS + 1) }),
      save({ text: 42 }),
      save({ id: -1 }),
      { type: 'savePrivateNote', id: 7, pairId: 'ana--ben' },
    ];
    for (const bad of refused) assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad).slice(0, 120));
  });

  it('shows what the files hold, long notes read-only, and a problem instead of failing', async () => {
    const repo = tempRepo();
    const folder = join(repo, '.mentoring');
    mkdirSync(folder);
    assert.equal(privateNotesView('ana--ben', undefined), undefined, 'no folder open: no notes shown');
    await writePrivateNote(repo, folder, { pairId: 'ana--ben' }, 'About us\n');
    await writePrivateNote(
      repo,
      folder,
      { pairId: 'ana--ben', date: '2026-11-21' },
      'x'.repeat(MAX_PRIVATE_NOTE_CHARS + 1),
    );
    const read = (pairId: string) => readPrivateNotes(repo, folder, pairId);
    assert.deepEqual(privateNotesView('ana--ben', read), {
      file: '.mentoring/.private/ana--ben/notes.md',
      notes: { text: 'About us\n', editable: true },
      sessions: { '2026-11-21': { text: 'x'.repeat(MAX_PRIVATE_NOTE_CHARS + 1), editable: false } },
    });
    symlinkSync(tempRepo(), join(folder, '.private', 'cleo--ben'));
    const broken = privateNotesView('cleo--ben', read);
    assert.match(broken?.problem ?? '', /^Your private notes could not be read: .*symbolic link/);
    assert.deepEqual([broken?.notes.text, broken?.sessions], ['', {}]);
  });
});
