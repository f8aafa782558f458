// What `unsharedChanges` says about a pair's changes: in words, never as file names, and the
// commit message Share would make of them.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unsharedChanges } from '../../src/core/app/share';
import { addBenchmark, answerFeedback, completeGoal, newFeedbackText, setNotes } from '../../src/core/edit';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';

const FIXTURE = join(__dirname, '../fixtures/valid/.mentoring');
const PAIR = '.mentoring/pairs/ana--ben';

function committedFixture(): string {
  const repo = tempRepo();
  cpSync(FIXTURE, join(repo, '.mentoring'), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'start');
  return repo;
}

function edit(repo: string, path: string, change: (text: string) => string): void {
  writeFileSync(join(repo, path), change(readFileSync(join(repo, path), 'utf8')));
}

function newRequest(repo: string, name: string): void {
  const text = newFeedbackText({
    askedBy: 'ana',
    askedOf: 'ben',
    asked: '2026-11-22',
    kind: 'design',
    question: 'Should the export use an outbox table?',
  });
  writeFileSync(join(repo, PAIR, 'feedback', name), text);
}

describe('share: what is not shared, in words', () => {
  afterEach(removeTempDirs);

  it('a feedback request asked and a goal completed: words, and the commit message', async () => {
    const repo = committedFixture();
    newRequest(repo, '2026-11-22-outbox-design.yaml');
    edit(repo, `${PAIR}/plan.yaml`, (text) => completeGoal(text, 'system-design'));

    const unshared = await unsharedChanges(repo, { folder: '.mentoring' });

    assert.equal(unshared.branch, 'main');
    assert.equal(unshared.pairs.length, 1);
    const [pair] = unshared.pairs;
    assert.equal(pair.pair, 'ana--ben');
    assert.deepEqual(pair.words, ['asked ben for feedback on outbox design', 'completed goal system-design']);
    assert.deepEqual(
      pair.files.map((f) => [f.path, f.change]),
      [
        [`${PAIR}/feedback/2026-11-22-outbox-design.yaml`, 'added'],
        [`${PAIR}/plan.yaml`, 'modified'],
      ],
    );
    assert.equal(
      pair.message,
      'mentoring(ana--ben): ask ben for feedback on outbox design; complete goal system-design',
    );
    assert.equal(pair.notPushed, 0);
  });

  it("an answer, a benchmark added, notes written, and a new agenda's own words", async () => {
    const repo = committedFixture();
    edit(repo, `${PAIR}/feedback/2026-11-20-retry-policy.yaml`, (text) =>
      answerFeedback(text, 'Yes, with a cap on attempts.', '2026-11-22'),
    );
    edit(repo, `${PAIR}/plan.yaml`, (text) => addBenchmark(text, 'public-speaking', 'Submit the abstract'));
    edit(repo, `${PAIR}/sessions/2026-11-21.yaml`, (text) => setNotes(text, 'We split the export job.'));
    writeFileSync(join(repo, PAIR, 'sessions/2026-12-05.yaml'), 'date: 2026-12-05\nprepared_by: ana\n');

    const [pair] = (await unsharedChanges(repo, { folder: '.mentoring', pair: 'ana--ben' })).pairs;

    assert.deepEqual(pair.words, [
      "answered ana's feedback request on retry policy",
      'wrote notes for 2026-11-21',
      'prepared the agenda for 2026-12-05',
      'added a benchmark to public-speaking',
    ]);
    assert.match(
      pair.message,
      /^mentoring\(ana--ben\): answer ana's feedback request on retry policy; write notes for 2026-11-21; and 2 more\n\n/,
    );
    assert.match(pair.message, /^- agenda for 2026-12-05$/m);
  });

  it('a new agenda alone is committed as "agenda for <date>"', async () => {
    const repo = committedFixture();
    writeFileSync(join(repo, PAIR, 'sessions/2026-12-05.yaml'), 'date: 2026-12-05\nprepared_by: ana\n');
    const [pair] = (await unsharedChanges(repo, { folder: '.mentoring' })).pairs;
    assert.deepEqual(pair.words, ['prepared the agenda for 2026-12-05']);
    assert.equal(pair.message, 'mentoring(ana--ben): agenda for 2026-12-05');
  });

  it('never lists private notes, files outside the pairs, or a reformatting as anything but an edit', async () => {
    const repo = committedFixture();
    mkdirSync(join(repo, '.mentoring/.private'), { recursive: true });
    writeFileSync(join(repo, '.mentoring/.private/ana.yaml'), 'note: mine\n');
    mkdirSync(join(repo, PAIR, '.private'), { recursive: true });
    writeFileSync(join(repo, PAIR, '.private/draft.yaml'), 'note: mine\n');
    writeFileSync(join(repo, PAIR, 'scratch.txt'), 'not a mentoring file\n');
    edit(repo, '.mentoring/people/ana.yaml', (text) => `${text}# a comment\n`);
    assert.deepEqual((await unsharedChanges(repo, { folder: '.mentoring' })).pairs, []);

    edit(repo, `${PAIR}/plan.yaml`, (text) => `# our plan\n${text}`);
    const [pair] = (await unsharedChanges(repo, { folder: '.mentoring' })).pairs;
    assert.deepEqual(pair.words, ['edited the plan']);
  });

  it('a file that does not parse says so', async () => {
    const repo = committedFixture();
    edit(repo, `${PAIR}/plan.yaml`, (text) => `${text}goals: [\n`);
    const [pair] = (await unsharedChanges(repo, { folder: '.mentoring' })).pairs;
    assert.equal(pair.files.length, 1);
    assert.match(pair.files[0].problem ?? '', /^plan\.yaml does not parse/);
  });
});
