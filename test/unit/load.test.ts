import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { kindOfPath, loadFile, loadMentoring } from '../../src/core/folder/load';
import { FolderOutsideRootError } from '../../src/core/folder/paths';
import { removeTempDirs, tempDir } from './helpers/tempRepo';

after(removeTempDirs);

const VALID = resolve(__dirname, '../fixtures/valid/.mentoring');

/** A temp repository root holding a copy of the valid fixture, with files replaced (null deletes). */
function fixture(files: Record<string, string | Buffer | null> = {}, folder = '.mentoring'): string {
  const root = tempDir('mentoring-load-');
  cpSync(VALID, join(root, folder), { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, folder, rel);
    if (content === null) rmSync(abs, { recursive: true, force: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
  return root;
}

describe('loadMentoring', () => {
  it('loads the valid fixture with zero problems', async () => {
    const model = await loadMentoring(resolve(VALID, '..'));
    assert.deepEqual(model.problems, []);
    assert.equal(model.exists, true);
    assert.equal(model.program?.data?.name, 'Platform team mentoring');
    assert.deepEqual(
      model.people.map((p) => p.data?.handle),
      ['ana', 'ben', 'cleo'],
    );
    assert.equal(model.pairs.length, 1);
    const pair = model.pairs[0];
    assert.deepEqual([pair.id, pair.mentee, pair.mentor], ['ana--ben', 'ana', 'ben']);
    assert.equal(pair.plan?.data?.goals?.[0].id, 'system-design');
    assert.deepEqual(
      pair.sessions.map((s) => s.data?.date),
      ['2026-11-07', '2026-11-21'],
    );
    assert.equal(pair.feedback[0].data?.kind, 'code');
    assert.equal(pair.feedback[0].rel, '.mentoring/pairs/ana--ben/feedback/2026-11-20-retry-policy.yaml');
    assert.ok(pair.plan?.text?.includes('# mentee | mentor | program'), 'keeps the text for edits');
  });

  it('says exists: false when there is no mentoring folder', async () => {
    const root = tempDir('mentoring-load-');
    const model = await loadMentoring(root);
    assert.equal(model.exists, false);
    assert.deepEqual(model.problems, []);
    assert.deepEqual(model.pairs, []);
  });

  it('reports a mentoring folder that is a file', async () => {
    const root = tempDir('mentoring-load-');
    writeFileSync(join(root, '.mentoring'), 'x');
    const model = await loadMentoring(root);
    assert.equal(model.exists, false);
    assert.match(model.problems[0].message, /is a file, not a folder/);
  });

  it('uses the folder option, relative to the root', async () => {
    const root = fixture({}, 'docs/mentoring');
    const model = await loadMentoring(root, { folder: 'docs/mentoring' });
    assert.deepEqual(model.problems, []);
    assert.equal(model.pairs[0].plan?.rel, 'docs/mentoring/pairs/ana--ben/plan.yaml');
  });

  it('refuses a folder option that leaves the root', async () => {
    const root = fixture();
    for (const folder of ['..', '../elsewhere', '/etc', '.mentoring/../..', '']) {
      await assert.rejects(loadMentoring(root, { folder }), FolderOutsideRootError, folder);
    }
  });

  it('keeps loading the other files when one is broken', async () => {
    const root = fixture({ 'pairs/ana--ben/sessions/2026-11-07.yaml': 'date: [unclosed\n' });
    const model = await loadMentoring(root);
    const [broken, good] = model.pairs[0].sessions;
    assert.equal(broken.data, undefined);
    assert.ok(broken.problems.length > 0);
    assert.equal(good.data?.date, '2026-11-21');
    assert.equal(model.pairs[0].plan?.problems.length, 0);
    assert.ok(model.problems.every((p) => p.file === '.mentoring/pairs/ana--ben/sessions/2026-11-07.yaml'));
  });

  it('ignores .private/, dot files and other files', async () => {
    const root = fixture({
      '.private/ana/notes.yaml': ': : not yaml [',
      'README.md': '# hello',
      'people/.gitkeep': '',
      'people/notes.txt': 'x',
    });
    const model = await loadMentoring(root);
    assert.deepEqual(model.problems, []);
  });

  it('warns about .yml files and symbolic links instead of reading them', async () => {
    const outside = tempDir('mentoring-outside-');
    writeFileSync(join(outside, 'secret.yaml'), 'handle: eve\nname: Eve\n');
    const root = fixture({ 'people/dan.yml': 'handle: dan\nname: Dan\n' });
    symlinkSync(join(outside, 'secret.yaml'), join(root, '.mentoring/people/eve.yaml'));
    const model = await loadMentoring(root);
    assert.equal(model.people.length, 3);
    const messages = model.problems.map((p) => `${p.severity} ${p.file}: ${p.message}`);
    assert.ok(
      messages.some((m) => /^warning \.mentoring\/people\/dan\.yml: .*\.yaml/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /^warning \.mentoring\/people\/eve\.yaml: symbolic link ignored/.test(m)),
      messages.join('\n'),
    );
  });

  it('leaves data undefined when the top of a file is not a mapping', async () => {
    const root = fixture({ 'people/ana.yaml': '- ana\n' });
    const model = await loadMentoring(root);
    const ana = model.people.find((p) => p.rel.endsWith('ana.yaml'));
    assert.equal(ana?.data, undefined);
    assert.match(ana?.problems[0].message ?? '', /must hold a mapping/);
  });
});

describe('loadFile', () => {
  it('reloads one file with its own problems, relative to the root', async () => {
    const root = fixture();
    const abs = join(root, '.mentoring/pairs/ana--ben/plan.yaml');
    const before = await loadFile('plan', abs, root);
    assert.deepEqual(before.problems, []);
    writeFileSync(abs, 'mentee: ana\nmentor: ben\nstatus: sleeping\n');
    const after = await loadFile('plan', abs, root);
    assert.equal(after.rel, '.mentoring/pairs/ana--ben/plan.yaml');
    assert.equal(after.data?.status, 'sleeping');
    assert.deepEqual(
      after.problems.map((p) => [p.line, p.col, p.message]),
      [[3, 1, 'status must be one of proposed, active, paused, completed, ended (not "sleeping")']],
    );
  });

  it('reports a missing file instead of throwing', async () => {
    const root = fixture();
    const file = await loadFile('session', join(root, '.mentoring/pairs/ana--ben/sessions/2030-01-01.yaml'), root);
    assert.equal(file.problems[0].message, 'file not found');
  });
});

describe('kindOfPath', () => {
  it('names the kind of each mentoring file by its place', () => {
    const folder = '/repo/.mentoring';
    assert.equal(kindOfPath(folder, '/repo/.mentoring/program.yaml'), 'program');
    assert.equal(kindOfPath(folder, '/repo/.mentoring/people/ana.yaml'), 'person');
    assert.equal(kindOfPath(folder, '/repo/.mentoring/pairs/ana--ben/plan.yaml'), 'plan');
    assert.equal(kindOfPath(folder, '/repo/.mentoring/pairs/ana--ben/sessions/2026-11-21.yaml'), 'session');
    assert.equal(kindOfPath(folder, '/repo/.mentoring/pairs/ana--ben/feedback/2026-11-20-x.yaml'), 'feedback');
    assert.equal(kindOfPath(folder, '/repo/.mentoring/.private/ana/notes.yaml'), undefined);
    assert.equal(kindOfPath(folder, '/repo/other.yaml'), undefined);
    assert.equal(kindOfPath(folder, '/repo/.mentoring/README.md'), undefined);
  });
});
