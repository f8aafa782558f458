// The timeline's sentences: plain words, the session date and how far ahead an agenda was
// committed, long texts cut, and nothing private in a coordinator's view.
import * as assert from 'node:assert/strict';
import type { HistoryEvent } from '../../src/core/history';
import { clip, eventWords, shortDate, type WordsContext } from '../../src/extension/history/timelineText';

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
    path: '.mentoring/pairs/ana--ben/feedback/2026-10-22-retry-policy.yaml',
    fileId: '.mentoring/pairs/ana--ben/feedback/2026-10-22-retry-policy.yaml',
    details,
  };
}

const context = (isPrivate: boolean): WordsContext => ({
  firstName: (handle) => ({ ana: 'Ana', ben: 'Ben' })[handle] ?? handle,
  question: () => (isPrivate ? undefined : 'Is this retry policy safe under partial failure?'),
  private: isPrivate,
});

describe('timeline sentences', function () {
  it('says when an agenda was committed against its session', function () {
    const words = eventWords(event('agenda-prepared', { sessionDate: '2026-11-28' }), context(false));
    assert.deepEqual(words, { icon: 'notebook', text: 'Ana prepared the agenda for Nov 28 — committed 8 days before' });
    const late = eventWords(event('agenda-prepared', { sessionDate: '2026-11-19' }), context(false));
    assert.equal(late.text, 'Ana prepared the agenda for Nov 19 — committed the day after');
  });

  it('names the question answered, the goal done, and an unknown author by their git name', function () {
    const answered = { ...event('feedback-answered', {}), author: { handle: 'ben' } };
    assert.equal(eventWords(answered, context(false)).text, "Ben answered 'Is this retry policy safe under partial…'");
    const done = eventWords(
      event('goal-done', { goal: 'system-design', title: 'Lead the design of a service end to end' }),
      context(false),
    );
    assert.equal(done.text, "Goal 'Lead the design of a service end to end' done");
    const stranger = {
      ...event('notes-written', { sessionDate: '2026-11-14' }),
      author: { unknown: 'x@y.z' },
      authorName: 'Xavier',
    };
    assert.equal(eventWords(stranger, context(false)).text, 'Xavier wrote the notes of Nov 14');
  });

  it('leaves out action texts and questions for a coordinator', function () {
    const action = eventWords(event('action-done', { action: 'Read the chapter on retries' }), context(true));
    assert.equal(action.text, 'Ana marked an action done');
    const asked = eventWords(event('feedback-asked', { askedOf: 'ben', feedbackKind: 'code' }), context(true));
    assert.equal(asked.text, 'Ana asked Ben for feedback');
  });

  it('cuts long texts at a word and writes dates the same everywhere', function () {
    assert.equal(clip('Write the design doc for the billing export'), 'Write the design doc for the billing…');
    assert.equal(clip('short'), 'short');
    assert.equal(shortDate('2026-01-05'), 'Jan 5');
  });
});
