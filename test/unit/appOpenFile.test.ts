// "Open the YAML file" and every other open-file message from the sidebar: the extension opens
// only what `fileToOpen` returns, and it refuses a coordinator (or anyone outside the pair) a
// pair's file however the message spells it, a link that leads into the pair's folder included.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileToOpen, OpenRefused } from '../../src/core/app/openFile';
import { loadMentoring } from '../../src/core/folder/load';
import { removeTempDirs, tempDir } from './helpers/tempRepo';

after(removeTempDirs);

const VALID = resolve(__dirname, '../fixtures/valid/.mentoring');
const SESSION = '.mentoring/pairs/ana--ben/sessions/2026-11-21.yaml';

describe('app: which file the sidebar may open', () => {
  it('opens a pair file for its mentee and mentor only; people and the program for anyone', async () => {
    const root = tempDir('mentoring-open-');
    cpSync(VALID, join(root, '.mentoring'), { recursive: true });
    mkdirSync(join(root, '.mentoring/notes'));
    // A link outside pairs/ that leads to the pair's agenda.
    symlinkSync(join(root, SESSION), join(root, '.mentoring/notes/agenda.yaml'));
    const model = await loadMentoring(root);
    assert.ok(model.program?.data?.coordinators?.length, 'the example has a coordinator');
    const coordinator = model.program?.data?.coordinators?.[0];
    for (const who of ['ana', 'ben']) assert.equal(fileToOpen(model, who, SESSION), join(root, SESSION));
    for (const rel of [
      SESSION,
      '.mentoring/pairs/ana--ben/plan.yaml',
      '.mentoring/Pairs/ana--ben/plan.yaml',
      '.mentoring/people/../pairs/ana--ben/plan.yaml',
      '.mentoring/notes/agenda.yaml',
    ]) {
      assert.throws(() => fileToOpen(model, coordinator, rel), OpenRefused, `coordinator: ${rel}`);
      assert.throws(() => fileToOpen(model, undefined, rel), /private to the pair/, `nobody known: ${rel}`);
    }
    assert.equal(fileToOpen(model, 'ana', '.mentoring/notes/agenda.yaml'), join(root, '.mentoring/notes/agenda.yaml'));
    assert.equal(
      fileToOpen(model, coordinator, '.mentoring/people/ana.yaml'),
      join(root, '.mentoring/people/ana.yaml'),
    );
    assert.throws(() => fileToOpen(model, 'ana', 'README.md'), /not inside the mentoring folder/);
    assert.throws(() => fileToOpen(model, 'ana', '../elsewhere.yaml'), /not inside the mentoring folder/);
  });
});
