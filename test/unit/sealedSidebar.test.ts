// The extension host's side of sealed fields, on real files and real keys: a sidebar edit of a
// sealed field is written as an armored age message that Debian's `age` opens with the mentee's
// and the mentor's identities (not a third person's); the sidebar's state shows the pair the clear
// text (opened with my keys), and a coordinator, or a member whose keys do not open it, only the
// placeholder; until both have a key the notes are written in clear and both are told who has none.
import * as assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addRecipient } from '../../src/core/app/keys';
import { loadMentoring } from '../../src/core/folder/load';
import type { MentoringModel } from '../../src/core/folder/model';
import { parseYaml } from '../../src/core/folder/yamlText';
import { createIdentity, isSealed, pairRecipients, sealedFieldsFor, unsealForViewer } from '../../src/core/seal';
import { applyEditOp } from '../../src/extension/documents/editOps';
import { sealEditOp, sealQuestion, type SealTo } from '../../src/extension/documents/sealOps';
import { OpenedModel } from '../../src/extension/state/openedModel';
import type { EditOp, SidebarState } from '../../src/protocol/messages';
import { SEALED_PLACEHOLDER } from '../../src/shared/sealed';
import { ageDecrypt } from './helpers/age';
import { removeTempDirs, tempDir } from './helpers/tempRepo';
import { sidebarStateFor as stateFor } from './helpers/sidebarState';

after(removeTempDirs);

const VALID = resolve(__dirname, '../fixtures/valid/.mentoring');
const SESSION = '.mentoring/pairs/ana--ben/sessions/2026-11-21.yaml';
const NOTES = 'planted-notes-worried-about-the-reorg-7q';

type Keys = Record<'ana' | 'ben' | 'cleo', { identity: string; recipient: string }>;

function folder(): string {
  const root = tempDir('mentoring-sealed-sidebar-');
  cpSync(VALID, join(root, '.mentoring'), { recursive: true });
  return root;
}

function sealTo(model: MentoringModel): SealTo {
  const { recipients, withoutKey } = pairRecipients(model, 'ana--ben');
  return { fields: sealedFieldsFor(model, 'ana--ben'), recipients: withoutKey.length > 0 ? [] : recipients };
}

/** What Actions.edit does with a sidebar edit: seal what goes into sealed fields, then edit the file's text. */
async function sidebarEdit(root: string, rel: string, op: EditOp): Promise<void> {
  const model = await loadMentoring(root);
  const written = await sealEditOp(op, sealTo(model));
  const abs = join(root, rel);
  writeFileSync(abs, applyEditOp(readFileSync(abs, 'utf8'), written, '2026-11-22'));
}

const notesOf = (state: SidebarState) => state.pair?.sessions.find((s) => s.file === SESSION);
const notesInFile = (root: string) =>
  (parseYaml(readFileSync(join(root, SESSION), 'utf8')).data as { notes: string }).notes;

describe('sealed fields in the sidebar (extension host side)', function () {
  this.timeout(30_000);
  let keys: Keys;

  before(async function () {
    keys = { ana: await createIdentity(), ben: await createIdentity(), cleo: await createIdentity() };
  });

  it('writes notes sealed to both once both have keys; the pair reads them, others get the placeholder', async function () {
    const root = folder();
    await addRecipient(root, '.mentoring', 'ana', keys.ana.recipient);
    await addRecipient(root, '.mentoring', 'ben', keys.ben.recipient);
    await addRecipient(root, '.mentoring', 'cleo', keys.cleo.recipient);
    await sidebarEdit(root, SESSION, { op: 'setText', field: 'notes', value: NOTES });

    const stored = notesInFile(root);
    assert.ok(isSealed(stored), `the file holds an age message, not: ${stored}`);
    assert.ok(!readFileSync(join(root, SESSION), 'utf8').includes(NOTES), 'the clear text is not on disk');
    assert.equal(ageDecrypt(stored, keys.ana.identity), NOTES, "Debian's age opens it with Ana's identity");
    assert.equal(ageDecrypt(stored, keys.ben.identity), NOTES, "and with Ben's");
    assert.throws(() => ageDecrypt(stored, keys.cleo.identity), "but not with the coordinator's");

    const model = await loadMentoring(root);
    const ana = stateFor(await unsealForViewer(model, 'ana', [keys.ana.identity]), 'ana');
    assert.equal(notesOf(ana)?.notes, NOTES, 'Ana reads her notes as typed');
    assert.equal(notesOf(ana)?.editable, true);
    assert.deepEqual(ana.pair?.sealing, { fields: ['notes', 'feedback answers'], withoutKey: [], unreadable: 0 });

    // The coordinator's own keys open nothing of a pair that is not theirs.
    const cleo = stateFor(await unsealForViewer(model, 'cleo', [keys.cleo.identity]), 'cleo');
    const sent = JSON.stringify(cleo);
    assert.ok(
      !sent.includes(NOTES) && !sent.includes('BEGIN AGE'),
      'neither clear text nor ciphertext for the coordinator',
    );
    assert.equal(cleo.pair?.sealing, undefined, 'no key talk for someone outside the pair');
    assert.equal(notesOf(cleo)?.withheld, true);
    assert.equal(notesOf(cleo)?.sealed, true, 'the coordinator is told the session is sealed, not what it says');

    // Ana on a machine without her key: the placeholder, read-only, and said why.
    const elsewhere = stateFor(model, 'ana');
    const session = notesOf(elsewhere);
    assert.equal(session?.notes, SEALED_PLACEHOLDER);
    assert.equal(session?.editable, false, 'nothing is written over text that cannot be read back here');
    assert.match(session?.problems.at(-1)?.message ?? '', /no key on this machine opens/);
    assert.equal(elsewhere.pair?.sealing?.unreadable, 1);
    assert.ok(!JSON.stringify(elsewhere).includes('BEGIN AGE'), 'never ciphertext in the view');
  });

  it('writes in clear while one of the pair has no key, and tells both who has none', async function () {
    const root = folder();
    await addRecipient(root, '.mentoring', 'ana', keys.ana.recipient);
    await sidebarEdit(root, SESSION, { op: 'setText', field: 'notes', value: NOTES });
    assert.equal(notesInFile(root), NOTES, 'stored in clear until Ben sets up a key');

    const model = await loadMentoring(root);
    for (const handle of ['ana', 'ben']) {
      const sealing = stateFor(await unsealForViewer(model, handle, [keys.ana.identity]), handle).pair?.sealing;
      assert.deepEqual(sealing?.withoutKey, [{ handle: 'ben', name: 'Ben Okafor' }], handle);
    }
  });

  it('opens my pairs as the core does, and a file a patch did not touch only once', async function () {
    const root = folder();
    await addRecipient(root, '.mentoring', 'ana', keys.ana.recipient);
    await addRecipient(root, '.mentoring', 'ben', keys.ben.recipient);
    await sidebarEdit(root, SESSION, { op: 'setText', field: 'notes', value: NOTES });
    const model = await loadMentoring(root);
    const opener = new OpenedModel();
    const first = await opener.open(model, 'ana', [keys.ana.identity]);
    const core = await unsealForViewer(model, 'ana', [keys.ana.identity]);
    assert.deepEqual(first.pairs, core.pairs, 'the same as core unsealForViewer');
    const again = await opener.open({ ...model }, 'ana', [keys.ana.identity]);
    const opened = (m: MentoringModel) => m.pairs[0].sessions.find((f) => f.rel === SESSION);
    assert.equal(opened(again), opened(first), 'the opened file is kept, not decrypted again');
    const otherKeys = await opener.open({ ...model }, 'ana', [keys.cleo.identity]);
    assert.ok(isSealed((opened(otherKeys)?.data as { notes: string }).notes), 'other keys: opened anew, stays sealed');
  });

  it('seals only the fields the pair seals: objectives and thanks stay clear, ideas follow the plan', async function () {
    const root = folder();
    await addRecipient(root, '.mentoring', 'ana', keys.ana.recipient);
    await addRecipient(root, '.mentoring', 'ben', keys.ben.recipient);
    const to = sealTo(await loadMentoring(root));
    const objective = await sealEditOp({ op: 'addListItem', list: 'objectives', text: 'Ship it' }, to);
    assert.deepEqual(objective, { op: 'addListItem', list: 'objectives', text: 'Ship it' });
    const idea = await sealEditOp({ op: 'addListItem', list: 'ideas', text: 'An idea' }, to);
    assert.equal(idea.op === 'addListItem' && idea.text, 'An idea', 'ideas are not sealed by default');
    const withIdeas = await sealEditOp(
      { op: 'addListItem', list: 'ideas', text: 'An idea' },
      { ...to, fields: ['agenda.ideas'] },
    );
    assert.ok(withIdeas.op === 'addListItem' && isSealed(withIdeas.text));
    assert.equal(ageDecrypt(withIdeas.op === 'addListItem' ? withIdeas.text : '', keys.ben.identity), 'An idea');
    const question = await sealQuestion('Is my design sound?', { ...to, fields: ['feedback.question'] });
    assert.equal(ageDecrypt(question, keys.ana.identity), 'Is my design sound?');
  });
});
