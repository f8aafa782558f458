import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  addAction,
  addDays,
  addIdea,
  addObjective,
  addTopic,
  EditError,
  newAgendaText,
  removeItem,
  setActionDone,
  setNextSession,
  setNotes,
  setThanks,
} from '../../src/core/edit';
import type { Session } from '../../src/core/folder/model';
import { assertAllCrlf, assertCommentsKept, dataOf, editFile, TempFolder, toCrlf } from '../fixtures/edit/helpers';

describe('session agenda edits', () => {
  let temp: TempFolder;
  let path: string;
  beforeEach(() => {
    temp = new TempFolder();
    path = temp.fixture('session.yaml');
  });
  afterEach(() => temp.remove());

  const session = (text: string) => dataOf(text) as Session;

  describe('newAgendaText', () => {
    it('carries over exactly the open actions and follow-ups of the previous session', () => {
      const previous = readFileSync(path, 'utf8');
      const text = newAgendaText({ date: '2026-12-05', preparedBy: 'ana', previous });
      const agenda = session(text);
      assert.deepEqual(agenda.follow_ups, [
        { text: 'Ask the SRE team about quotas', owner: 'ana', due: '2026-11-15', done: false },
        { text: 'Draft the outbox design', owner: 'ana', due: '2026-12-01', done: false },
        { text: 'Share the retry chapter', owner: 'ben', done: false },
      ]);
      // The same from the parsed session, as the CLI passes it.
      assert.deepEqual(
        session(newAgendaText({ date: '2026-12-05', preparedBy: 'ana', previous: session(previous) })),
        agenda,
      );
    });

    it('lists the fields in the documented order, empty to fill; next_session is for people to agree, the cadence only proposes', () => {
      const text = newAgendaText({
        date: '2026-12-28',
        preparedBy: 'ana',
        cadenceDays: 7,
        objectives: ['Ship: the worker'],
      });
      assert.ok(text.startsWith('# '), 'starts with a header comment');
      const data = session(text);
      assert.deepEqual(Object.keys(data), [
        'date',
        'prepared_by',
        'objectives',
        'topics',
        'ideas',
        'follow_ups',
        'notes',
        'actions',
        'next_session',
        'thanks',
      ]);
      assert.deepEqual(data, {
        date: '2026-12-28',
        prepared_by: 'ana',
        objectives: ['Ship: the worker'],
        topics: [],
        ideas: [],
        follow_ups: [],
        notes: '',
        actions: [],
        next_session: null,
        thanks: '',
      });
      assert.match(text, /^next_session: +# when should we meet again\? Every 7 days would be 2027-01-04$/m);
      assert.match(
        newAgendaText({ date: '2026-11-21', preparedBy: 'ana' }),
        /^next_session: .*Every 14 days would be 2026-12-05$/m,
        'default cadence is 14 days',
      );
    });

    it('refuses a bad date, handle or cadence, and a previous session that does not parse', () => {
      assert.throws(() => newAgendaText({ date: '2026-02-30', preparedBy: 'ana' }), /not a date/);
      assert.throws(() => newAgendaText({ date: '2026-02-01', preparedBy: '../x' }), /not a handle/);
      assert.throws(() => newAgendaText({ date: '2026-02-01', preparedBy: 'ana', cadenceDays: 0 }), EditError);
      assert.throws(() => newAgendaText({ date: '2026-02-01', preparedBy: 'ana', previous: 'a: [' }), EditError);
    });

    it('makes an agenda that the edits then fill in as block lists', () => {
      let text = newAgendaText({ date: '2026-12-05', preparedBy: 'ana' });
      text = addTopic(addObjective(text, 'Review the design'), { question: 'Queues or cron?', goal: 'system-design' });
      text = addAction(text, { text: 'Write it up', owner: 'ana', due: '2026-12-10' });
      assert.match(text, /\nobjectives:.*\n {2}- Review the design\n/);
      assert.match(text, /\ntopics:.*\n {2}- question: Queues or cron\?\n {4}goal: system-design\n/);
      assert.deepEqual(session(text).actions, [{ text: 'Write it up', owner: 'ana', due: '2026-12-10' }]);
    });
  });

  it('adds an objective, a topic and an idea where they belong', () => {
    const { before, after } = editFile(path, (text) => addObjective(text, 'Plan the rollout'));
    assert.equal(after, before.replace("  - 'Agree on: retries'\n", "  - 'Agree on: retries'\n  - Plan the rollout\n"));
    assert.equal(
      addTopic(before, { question: 'What about backpressure?' }),
      before.replace('    goal: system-design\n', '    goal: system-design\n  - question: What about backpressure?\n'),
    );
    assert.equal(
      addIdea(before, 'A dead-letter queue'),
      before.replace('"Idempotency keys"]', '"Idempotency keys", A dead-letter queue]'),
    );
  });

  it('adds an action after the last one, with owner and due date', () => {
    const { before, after } = editFile(path, (text) =>
      addAction(text, { text: 'Measure the queue', owner: 'ben', due: '2026-12-03' }),
    );
    assert.equal(
      after,
      before.replace(
        '    done: true\nnext_session',
        '    done: true\n  - text: Measure the queue\n    owner: ben\n    due: 2026-12-03\nnext_session',
      ),
    );
    assert.throws(() => addAction(before, { text: 'x', owner: 'Ben Smith' }), /not a handle/);
  });

  it('ticks and unticks actions and follow-ups, in block and flow style', () => {
    const text = readFileSync(path, 'utf8');
    assert.equal(
      setActionDone(text, 'follow_ups', 1, true),
      text.replace('    due: 2026-11-15\n    done: false', '    due: 2026-11-15\n    done: true'),
    );
    assert.equal(setActionDone(text, 'actions', 1, true), text.replace('owner: ben}', 'owner: ben, done: true}'));
    assert.equal(
      setActionDone(text, 'actions', 0, true),
      text.replace('    due: 2026-12-01\n', '    due: 2026-12-01\n    done: true\n'),
    );
    assert.equal(
      setActionDone(text, 'actions', 2, false),
      text.replace('    owner: ben\n    done: true', '    owner: ben\n    done: false'),
    );
    assert.throws(() => setActionDone(text, 'actions', 3, true), /actions has no item 4 \(it has 3\)/);
  });

  it('sets the next session in the empty slot, keeping the comment', () => {
    const { before, after } = editFile(path, (text) => setNextSession(text, '2026-12-05'));
    assert.equal(after, before.replace('next_session:               #', 'next_session: 2026-12-05               #'));
    assert.throws(() => setNextSession(before, '2026-13-01'), /not a date/);
  });

  it('writes notes as a block and thanks in the file’s quotes', () => {
    const text = readFileSync(path, 'utf8');
    const notes = setNotes(text, 'Short and useful.\nNext: the worker.');
    assert.equal(
      notes,
      text.replace(
        'notes: |\n  Good session.\n\n  We drew the queue on the whiteboard.\n',
        'notes: |-\n  Short and useful.\n  Next: the worker.\n',
      ),
    );
    assert.equal(
      setThanks(text, "Thanks, it's been great"),
      text.replace("thanks: ''", "thanks: 'Thanks, it''s been great'"),
    );
  });

  it('removes an objective and an action with their lines only', () => {
    const text = readFileSync(path, 'utf8');
    assert.equal(removeItem(text, ['objectives'], 0), text.replace('  - Decide how to split the export job\n', ''));
    assert.equal(
      removeItem(text, ['actions'], 1),
      text.replace("  - {text: Share the retry chapter, owner: ben}   # mentor's action\n", ''),
    );
  });

  it('every session edit keeps CRLF line endings, comments, the anchor and unknown keys', () => {
    const lf = readFileSync(path, 'utf8');
    const crlf = toCrlf(lf);
    const edits: ((text: string) => string)[] = [
      (text) => addObjective(text, 'o'),
      (text) => addTopic(text, { question: 'q', goal: 'g' }),
      (text) => addIdea(text, 'i'),
      (text) => addAction(text, { text: 'a', owner: 'ana' }),
      (text) => setActionDone(text, 'follow_ups', 1, true),
      (text) => setNextSession(text, '2026-12-05'),
      (text) => setNotes(text, 'n\nm'),
      (text) => setThanks(text, 't'),
    ];
    for (const edit of edits) {
      const after = edit(crlf);
      assertAllCrlf(after);
      assert.equal(after.replace(/\r\n/g, '\n'), edit(lf));
      assertCommentsKept(crlf, after);
      assert.ok(after.includes('&carry') && after.includes('x-room: 4.12'));
    }
  });

  it('addDays counts calendar days in UTC across months, years and leap days', () => {
    assert.equal(addDays('2026-12-25', 14), '2027-01-08');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-03-28', 2), '2026-03-30');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
  });
});
