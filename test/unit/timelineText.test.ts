// The timeline's sentences: plain words, the session date and how far ahead an agenda was
// committed, long texts cut, and nothing private in a coordinator's view. The sidebar and
// `mentoring log` both write them with `eventSentence` (core/app/timeline.ts).
import * as assert from 'node:assert/strict';
import { eventSentence, type TimelineContext } from '../../src/core/app/timeline';
import type { HistoryEvent } from '../../src/core/history';
import { eventIcon } from '../../src/extension/history/eventIcons';

const FEEDBACK = '.mentoring/pairs/ana--ben/feedback/2026-10-22-retry-policy.yaml';

function event(
  kind: HistoryEvent['kind'],
  details: HistoryEvent['details'],
  committed = '2026-11-20T19:00:00+00:00',
): HistoryEvent {
  return {
    kind,
    pair: 'ana--ben',
    author: { handle: 'ana' },
    authorName: 'Ana Alves',
    authorEmail: 'ana@example.com',
    date: committed,
    committed,
    commit: 'a'.repeat(40),
    path: FEEDBACK,
    fileId: FEEDBACK,
    details,
  };
}

const context = (isPrivate: boolean): TimelineContext => ({
  names: new Map([
    ['ana', 'Ana Alves'],
    ['ben', 'Ben Brooks'],
  ]),
  questions: new Map(isPrivate ? [] : [[FEEDBACK, 'Is this retry policy safe under partial failure?']]),
  private: isPrivate,
});

describe('timeline sentences', function () {
  it('says when an agenda was committed against its session', function () {
    const agenda = event('agenda-prepared', { sessionDate: '2026-11-28' });
    assert.equal(eventIcon(agenda.kind), 'notebook');
    assert.equal(eventSentence(agenda, context(false)), 'Ana prepared the agenda for Nov 28 — committed 8 days before');
    const late = event('agenda-prepared', { sessionDate: '2026-11-19' });
    assert.equal(eventSentence(late, context(false)), 'Ana prepared the agenda for Nov 19 — committed the day after');
  });

  it('names the question answered, the goal done, and an unknown author by their git name', function () {
    const answered = { ...event('feedback-answered', {}), author: { handle: 'ben' } };
    assert.equal(eventSentence(answered, context(false)), "Ben answered 'Is this retry policy safe under partial…'");
    const done = event('goal-done', { goal: 'system-design', title: 'Lead the design of a service end to end' });
    assert.equal(eventSentence(done, context(false)), "Goal 'Lead the design of a service end to end' done");
    const stranger = {
      ...event('notes-written', { sessionDate: '2026-11-14' }),
      author: { unknown: 'x@y.z' },
      authorName: 'Xavier',
    };
    assert.equal(eventSentence(stranger, context(false)), 'Xavier wrote the notes of Nov 14');
  });

  it('leaves out action texts and questions for a coordinator', function () {
    const action = event('action-done', { action: 'Read the chapter on retries' });
    assert.equal(eventSentence(action, context(true)), 'Ana marked an action done');
    const asked = event('feedback-asked', { askedOf: 'ben', feedbackKind: 'code' });
    assert.equal(eventSentence(asked, context(true)), 'Ana asked Ben for feedback');
    // Private wins even over a question the context happens to hold.
    assert.equal(eventSentence(asked, { ...context(false), private: true }), 'Ana asked Ben for feedback');
  });

  it('cuts long texts at a word and writes dates the same everywhere', function () {
    const goal = (title: string) => eventSentence(event('goal-added', { goal: 'g', title }), context(false));
    assert.equal(
      goal('Write the design doc for the billing export'),
      "Ana added goal 'Write the design doc for the billing…'",
    );
    assert.equal(goal('short'), "Ana added goal 'short'");
    const notes = event('notes-written', { sessionDate: '2026-01-05' });
    assert.equal(eventSentence(notes, context(false)), 'Ana wrote the notes of Jan 5');
  });
});
