import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  addBenchmark,
  addEvidence,
  addGoal,
  completeGoal,
  dropGoal,
  EditError,
  reopenGoal,
  setBenchmarkDone,
  updateGoal,
} from '../../src/core/edit';
import type { Goal, Plan } from '../../src/core/folder/model';
import {
  assertAllCrlf,
  assertCommentsKept,
  changedRegion,
  dataOf,
  editFile,
  TempFolder,
  toCrlf,
} from '../fixtures/edit/helpers';

describe('plan edits', () => {
  let temp: TempFolder;
  let path: string;
  beforeEach(() => {
    temp = new TempFolder();
    path = temp.fixture('plan.yaml');
  });
  afterEach(() => temp.remove());

  const goals = (text: string) => (dataOf(text) as Plan).goals as Goal[];

  it('adds a goal at the end of the list, with an id made from its title', () => {
    const { before, after } = editFile(path, (text) =>
      addGoal(text, { title: 'Grow as a reviewer', why: 'Reviews teach.', due: '2027-02-01' }),
    );
    assert.equal(
      after,
      before.replace(
        '    x-owner-note: keep   # unknown key inside a goal\n',
        '    x-owner-note: keep   # unknown key inside a goal\n  - id: grow-as-a-reviewer\n    title: Grow as a reviewer\n    why: Reviews teach.\n    status: planned\n    due: 2027-02-01\n',
      ),
    );
    assert.deepEqual(goals(after)[3], {
      id: 'grow-as-a-reviewer',
      title: 'Grow as a reviewer',
      why: 'Reviews teach.',
      status: 'planned',
      due: '2027-02-01',
    });
  });

  it('keeps goal ids unique and refuses a given id that is taken', () => {
    const text = readFileSync(path, 'utf8');
    const twice = addGoal(addGoal(text, { title: 'Testing!' }), { title: 'testing' });
    assert.deepEqual(
      goals(twice).map((goal) => goal.id),
      ['system-design', 'testing', 'talks', 'testing-2', 'testing-3'],
    );
    assert.throws(() => addGoal(text, { id: 'talks', title: 'Another talk' }), /already has a goal "talks"/);
    assert.throws(() => addGoal(text, { title: '  ' }), EditError);
  });

  it('adds the first goal to a plan without goals', () => {
    const bare = temp.file('bare.yaml', 'mentee: ana   # me\nmentor: ben\n');
    const { after } = editFile(bare, (text) => addGoal(text, { title: 'Ship it' }));
    assert.equal(
      after,
      'mentee: ana   # me\nmentor: ben\ngoals:\n  - id: ship-it\n    title: Ship it\n    status: planned\n',
    );
  });

  it('changes only the fields asked for, keeping quotes, comments and block style', () => {
    const { before, after } = editFile(path, (text) =>
      updateGoal(text, 'system-design', { title: 'Lead a design', mentor_help: 'Review my docs', due: undefined }),
    );
    const expected = before
      .replace('title: Lead the design of a service end to end', 'title: Lead a design')
      .replace("mentor_help: 'Review my design docs'", "mentor_help: 'Review my docs'")
      .replace('    due: 2027-01-15\n', '');
    assert.equal(after, expected);
    assert.throws(
      () => updateGoal(before, 'system-design', { status: 'finished' }),
      /not one of planned, in-progress, done, dropped/,
    );
    assert.throws(() => updateGoal(before, 'system-design', { due: '2027-02-30' }), /not a date/);
  });

  it('completes a goal by changing its status only, keeping the comment after it', () => {
    const { before, after } = editFile(path, (text) => completeGoal(text, 'system-design'));
    assert.equal(after, before.replace('status: in-progress     # planned', 'status: done     # planned'));
  });

  it('drops a goal but keeps it in the plan, also when it is written in flow style', () => {
    const { before, after } = editFile(path, (text) => dropGoal(text, 'testing'));
    assert.equal(
      after,
      before.replace('title: "Write better tests", status: planned', 'title: "Write better tests", status: dropped'),
    );
    assert.equal(goals(after).length, 3);
  });

  it('reopens a done goal as in progress when a benchmark was reached, a dropped one as planned', () => {
    const { before } = editFile(path, (text) => text);
    const done = completeGoal(before, 'system-design');
    assert.equal(reopenGoal(done, 'system-design'), before);
    const dropped = dropGoal(before, 'testing');
    assert.equal(reopenGoal(dropped, 'testing'), before);
    // An open goal is left as it is.
    assert.equal(reopenGoal(before, 'testing'), before);
    assert.throws(() => reopenGoal(before, 'nope'), EditError);
  });

  it('adds a benchmark after the last one, to a flow list, or as a new list', () => {
    const { before, after } = editFile(path, (text) => addBenchmark(text, 'system-design', 'Run the review: live'));
    assert.equal(after, before.replace('   # next month\n', '   # next month\n      - text: "Run the review: live"\n'));
    assert.equal(
      addBenchmark(before, 'testing', 'Property tests'),
      before.replace('[{text: "Mutation testing"}]', '[{text: "Mutation testing"}, {text: Property tests}]'),
    );
    const added = addBenchmark(before, 'talks', 'Submit');
    assert.deepEqual(goals(added)[2].benchmarks, [{ text: 'Submit' }]);
    assert.equal(changedRegion(before, added).removed, '');
  });

  it('ticks a benchmark with its date, changes a date, and unticks', () => {
    const text = readFileSync(path, 'utf8');
    const ticked = setBenchmarkDone(text, 'system-design', 1, '2026-12-01');
    assert.equal(ticked, text.replace('   # next month\n', '   # next month\n        done: 2026-12-01\n'));
    const moved = setBenchmarkDone(text, 'system-design', 0, '2026-10-21');
    assert.equal(moved, text.replace('done: 2026-10-20', 'done: 2026-10-21'));
    const unticked = setBenchmarkDone(text, 'system-design', 0, null);
    assert.equal(unticked, text.replace('done: 2026-10-20', 'done: null'));
    assert.equal(setBenchmarkDone(text, 'system-design', 1, null), text, 'unticking an open benchmark changes nothing');
    assert.equal(
      setBenchmarkDone(text, 'testing', 0, '2026-12-01'),
      text.replace('{text: "Mutation testing"}', '{text: "Mutation testing", done: 2026-12-01}'),
    );
    assert.throws(() => setBenchmarkDone(text, 'system-design', 2, '2026-12-01'), /no benchmark 3 \(it has 2\)/);
  });

  it('adds evidence to an existing list and to an empty []', () => {
    const { before, after } = editFile(path, (text) =>
      addEvidence(text, 'system-design', 'https://example.com/pull/9'),
    );
    assert.equal(after, before.replace('pull/123\n', 'pull/123\n      - https://example.com/pull/9\n'));
    assert.equal(
      addEvidence(before, 'talks', 'https://x.test/t'),
      before.replace('evidence: []\n', 'evidence:\n      - https://x.test/t\n'),
    );
  });

  it('names an unknown goal', () => {
    const text = readFileSync(path, 'utf8');
    for (const edit of [
      () => completeGoal(text, 'nope'),
      () => dropGoal(text, 'nope'),
      () => updateGoal(text, 'nope', { title: 'x' }),
      () => addBenchmark(text, 'nope', 'x'),
      () => setBenchmarkDone(text, 'nope', 0, null),
      () => addEvidence(text, 'nope', 'x'),
    ]) {
      assert.throws(
        edit,
        (error: unknown) => error instanceof EditError && error.message === 'this plan has no goal "nope"',
      );
    }
  });

  it('every plan edit keeps CRLF line endings, comments and unknown keys', () => {
    const lf = readFileSync(path, 'utf8');
    const crlf = toCrlf(lf);
    const edits: ((text: string) => string)[] = [
      (text) => addGoal(text, { title: 'New goal', why: 'two\nlines' }),
      (text) => updateGoal(text, 'system-design', { why: 'changed\nwhy' }),
      (text) => completeGoal(text, 'talks'),
      (text) => dropGoal(text, 'system-design'),
      (text) => addBenchmark(text, 'system-design', 'b'),
      (text) => setBenchmarkDone(text, 'system-design', 1, '2026-12-24'),
      (text) => addEvidence(text, 'talks', 'e'),
    ];
    for (const edit of edits) {
      const after = edit(crlf);
      assertAllCrlf(after);
      assert.equal(after.replace(/\r\n/g, '\n'), edit(lf));
      assertCommentsKept(crlf, after);
      assert.ok(after.includes('x-team-note: unknown keys must survive') && after.includes('x-owner-note: keep'));
      assert.ok(after.includes('&mentor') && after.includes('*mentor') && after.includes('&defaults'));
    }
  });

  it('refuses to edit a plan that does not parse, leaving it as it was', () => {
    const broken = temp.file('broken.yaml', 'mentee: ana\ngoals:\n  - id: a\n   title: misindented\n');
    const before = readFileSync(broken, 'utf8');
    assert.throws(
      () => editFile(broken, (text) => completeGoal(text, 'a')),
      (error: unknown) => error instanceof EditError && error.line > 1,
    );
    assert.equal(readFileSync(broken, 'utf8'), before);
  });
});
