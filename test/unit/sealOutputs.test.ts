// Every output a coordinator or CI gets (report in every format, health, log, diff, validate, inbox,
// remind, news, proposals, match, calendar, status; text and JSON) searched for text planted in
// every sealable field and sealed: never found, and never any ciphertext. The pair's own members,
// with their identity file, read it back.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addRecipient } from '../../src/core/app/keys';
import { sealPairs } from '../../src/core/app/seal';
import { setValue } from '../../src/core/edit';
import { diffRevisions, renderDiff } from '../../src/core/review';
import { createIdentity } from '../../src/core/seal';
import { mentoringWith, requireBuiltCli } from './helpers/cli';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';

const FIXTURE = join(__dirname, '../fixtures/valid/.mentoring');
const PAIR = '.mentoring/pairs/ana--ben';
const SESSION = `${PAIR}/sessions/2026-11-21.yaml`;
const REQUEST = `${PAIR}/feedback/2026-11-20-retry-policy.yaml`;
const PLAN = `${PAIR}/plan.yaml`;
const ALL_FIELDS =
  'sealed_fields: [agenda.notes, agenda.topics.question, agenda.ideas, agenda.actions.text, feedback.question, feedback.answer, goal.why, goal.mentor_help]\n';

function edit(root: string, rel: string, change: (text: string) => string): void {
  writeFileSync(join(root, rel), change(readFileSync(join(root, rel), 'utf8')));
}

function commit(root: string, message: string): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
}

describe('sealed fields in every output', () => {
  before(requireBuiltCli);
  after(removeTempDirs);

  const plants: string[] = [];
  const plant = (field: string) => {
    const value = `PLANT${field}${Math.random().toString(36).slice(2, 8)}`;
    plants.push(value);
    return value;
  };
  let root = '';
  let keys = '';

  before(async function () {
    this.timeout(60000);
    root = tempRepo();
    cpSync(FIXTURE, join(root, '.mentoring'), { recursive: true });
    commit(root, 'start');
    keys = tempDir('mentoring-keys-');
    const [ana, ben, cleo] = await Promise.all([createIdentity(), createIdentity(), createIdentity()]);
    for (const [name, key] of Object.entries({ ana, ben, cleo }))
      writeFileSync(join(keys, `${name}.txt`), `${key.identity}\n`, { mode: 0o600 });
    await addRecipient(root, '.mentoring', 'ana', ana.recipient);
    await addRecipient(root, '.mentoring', 'ben', ben.recipient);
    edit(root, '.mentoring/program.yaml', (text) => `${text}${ALL_FIELDS}`);
    edit(root, SESSION, (text) => {
      text = setValue(text, ['notes'], plant('notes'));
      text = setValue(text, ['topics', 0, 'question'], plant('topic'));
      text = setValue(text, ['ideas', 0], plant('idea'));
      text = setValue(text, ['actions', 0, 'text'], plant('action'));
      return setValue(text, ['follow_ups', 0, 'text'], plant('followup'));
    });
    edit(root, REQUEST, (text) =>
      setValue(setValue(text, ['question'], plant('question')), ['answer'], plant('answer')),
    );
    edit(root, PLAN, (text) =>
      setValue(setValue(text, ['goals', 0, 'why'], plant('why')), ['goals', 0, 'mentor_help'], plant('help')),
    );
    const [sealing] = await sealPairs(root, { pair: 'ana--ben', identities: [ana.identity] });
    assert.deepEqual(
      sealing.files.map((f) => [f.file, f.sealed]),
      [
        [PLAN, 2],
        [`${PAIR}/sessions/2026-11-07.yaml`, 3],
        [SESSION, 5],
        [REQUEST, 2],
      ],
    );
    commit(root, 'sealed');
    // A second change: new words in clear (sealed before the commit), an action marked done.
    edit(root, SESSION, (text) => setValue(setValue(text, ['notes'], plant('notes2')), ['actions', 0, 'done'], true));
    edit(root, REQUEST, (text) => setValue(text, ['answer'], plant('answer2')));
    edit(root, PLAN, (text) => setValue(text, ['goals', 0, 'why'], plant('why2')));
    await sealPairs(root, { pair: 'ana--ben', identities: [ben.identity] });
    commit(root, 'more');
    for (const rel of [SESSION, REQUEST, PLAN]) {
      const text = readFileSync(join(root, rel), 'utf8');
      for (const value of plants) assert.ok(!text.includes(value), `${value} is in ${rel} in clear`);
    }
  });

  const COMMANDS: string[][] = [
    ['report'],
    ['report', '--format', 'json'],
    ['health'],
    ['health', '--json'],
    ['log', 'ana--ben'],
    ['log', 'ana--ben', '--json'],
    ['diff', 'HEAD~2', 'HEAD'],
    ['diff', 'HEAD~2', 'HEAD', '--format', 'json'],
    ['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'],
    ['validate'],
    ['validate', '--format', 'json'],
    ['status', '--json'],
    ['report', '--format', 'markdown'],
    ['report', '--format', 'html'],
    ['match'],
    ['match', '--json'],
    ['calendar', 'ana--ben'],
    ['calendar', 'ana--ben', '--recurring'],
  ];

  for (const viewer of ['cleo', 'ci', 'dana']) {
    it(`shows ${viewer} no planted text and no ciphertext, whatever the command`, function () {
      this.timeout(120000);
      git(root, 'config', 'user.email', `${viewer}@example.com`);
      const env = { MENTORING_IDENTITY_FILE: join(keys, viewer === 'cleo' ? 'cleo.txt' : 'none.txt') };
      const me = viewer === 'ci' ? 'cleo' : viewer;
      const runs = [
        ...COMMANDS,
        ...['inbox', 'remind', 'news', 'proposals'].flatMap((command) => [
          [command, '--me', me],
          [command, '--me', me, ...(command === 'remind' ? ['--format', 'json'] : ['--json'])],
        ]),
        ['remind', '--me', me, '--format', 'markdown'],
        ['remind', '--me', me, '--format', 'github'],
        ['news', '--me', me, '--since', 'HEAD~2'],
        // Someone claiming to be the mentee, without her key, sees placeholders.
        ['inbox', '--me', 'ana', '--json'],
        ['inbox', '--me', 'ben'],
      ];
      for (const args of runs) {
        const run = mentoringWith(env, root, ...args);
        const output = `${run.stdout}\n${run.stderr}`;
        assert.ok(run.code === 0 || run.code === 1, `${args.join(' ')}: exit ${run.code}: ${run.stderr}`);
        for (const value of plants) assert.ok(!output.includes(value), `${args.join(' ')} printed ${value}`);
        assert.ok(!output.includes('BEGIN AGE'), `${args.join(' ')} printed ciphertext`);
        assert.ok(!output.includes('YWdlLWVuY3J5cHRpb24'), `${args.join(' ')} printed ciphertext`);
      }
    });
  }

  it('says which sealed fields changed, in the core diff as in the CLI, without their words', async () => {
    for (const format of ['text', 'markdown', 'json'] as const) {
      const text = renderDiff(await diffRevisions(root, 'HEAD~1', 'HEAD'), format);
      assert.ok(!text.includes('BEGIN AGE'), `${format} diff holds ciphertext`);
      for (const value of plants) assert.ok(!text.includes(value));
    }
    const text = renderDiff(await diffRevisions(root, 'HEAD~1', 'HEAD'), 'text');
    assert.match(text, /Sealed notes changed in the session of 2026-11-21/);
    assert.match(text, /Sealed answer changed in the feedback request 2026-11-20-retry-policy\.yaml/);
    assert.match(text, /Goal changed: .*sealed why changed/);
    assert.equal(mentoringWith({}, root, 'validate').code, 0);
  });

  it("reads the pair's words back for its members, with their identity file", function () {
    this.timeout(60000);
    git(root, 'config', 'user.email', 'ben@example.com');
    const log = mentoringWith({ MENTORING_IDENTITY_FILE: join(keys, 'ben.txt') }, root, 'log', 'ana--ben');
    assert.equal(log.code, 0, log.stderr);
    assert.ok(log.stdout.includes(plants[5]), log.stdout);
    assert.ok(!log.stdout.includes('BEGIN AGE'));
  });
});
