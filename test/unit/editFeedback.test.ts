import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerFeedback, closeFeedback, EditError, feedbackFileName, newFeedbackText } from '../../src/core/edit';
import type { Feedback } from '../../src/core/folder/model';
import { assertAllCrlf, assertCommentsKept, dataOf, editFile, TempFolder, toCrlf } from '../fixtures/edit/helpers';

describe('feedback request edits', () => {
  let temp: TempFolder;
  let path: string;
  beforeEach(() => {
    temp = new TempFolder();
    path = temp.fixture('feedback.yaml');
  });
  afterEach(() => temp.remove());

  it('writes a new open request about a code selection, in the documented field order', () => {
    const text = newFeedbackText({
      askedBy: 'ana',
      askedOf: 'ben',
      asked: '2026-11-20',
      kind: 'code',
      goal: 'system-design',
      code: { path: 'src/export/retry.ts', lines: [10, 42], commit: '1a2b3c4d' },
      question: 'Is this retry policy safe: under partial failure?',
    });
    const file = temp.file(feedbackFileName('2026-11-20', 'Is this retry policy safe: under partial failure?'), text);
    assert.equal(file, join(temp.dir, '2026-11-20-is-this-retry-policy-safe-under-partial.yaml'));
    assert.ok(text.startsWith('# '));
    assert.match(text, /\n {2}lines: \[10, 42\]\n/);
    const data = dataOf(readFileSync(file, 'utf8')) as Feedback;
    assert.deepEqual(Object.keys(data), [
      'asked_by',
      'asked_of',
      'asked',
      'kind',
      'goal',
      'code',
      'question',
      'status',
      'answer',
      'answered',
    ]);
    assert.deepEqual(data, {
      asked_by: 'ana',
      asked_of: 'ben',
      asked: '2026-11-20',
      kind: 'code',
      goal: 'system-design',
      code: { path: 'src/export/retry.ts', lines: [10, 42], commit: '1a2b3c4d' },
      question: 'Is this retry policy safe: under partial failure?',
      status: 'open',
      answer: '',
      answered: null,
    });
  });

  it('leaves out goal and code when there are none, and refuses bad input', () => {
    const data = dataOf(
      newFeedbackText({
        askedBy: 'ana',
        askedOf: 'ben',
        asked: '2026-11-20',
        kind: 'career',
        question: 'Staff or manager?',
      }),
    );
    assert.equal('goal' in (data as object) || 'code' in (data as object), false);
    const base = { askedBy: 'ana', askedOf: 'ben', asked: '2026-11-20', kind: 'code' as const, question: 'q' };
    assert.throws(() => newFeedbackText({ ...base, askedOf: '--upload-pack=x' }), /not a handle/);
    assert.throws(() => newFeedbackText({ ...base, code: { path: 'a.ts', lines: [9, 3] } }), /not a range/);
    assert.throws(
      () => newFeedbackText({ ...base, code: { path: 'a.ts', lines: [1, 3], commit: '$(rm)' } }),
      /not a commit/,
    );
    assert.throws(() => newFeedbackText({ ...base, question: ' ' }), EditError);
  });

  it('makes short safe file names', () => {
    assert.equal(
      feedbackFileName('2026-11-20', 'Résumé: how do I --force my way to ../../staff?'),
      '2026-11-20-resume-how-do-i-force-my-way-to-staff.yaml',
    );
    const long = feedbackFileName('2026-11-20', 'a'.repeat(100));
    assert.match(long, /^2026-11-20-a{40}\.yaml$/);
    assert.equal(feedbackFileName('2026-11-20', '???'), '2026-11-20-feedback.yaml');
    assert.throws(() => feedbackFileName('20261120', 'x'), /not a date/);
  });

  it('records an answer: the answer, its date and the status, nothing else', () => {
    const { before, after } = editFile(path, (text) =>
      answerFeedback(text, 'Yes, if the writes are idempotent.', '2026-11-22'),
    );
    assert.equal(
      after,
      before
        .replace('status: open                #', 'status: answered                #')
        .replace('answer: ""', 'answer: "Yes, if the writes are idempotent."')
        .replace('answered: null              #', 'answered: 2026-11-22              #'),
    );
  });

  it('writes a multi-line answer as a block', () => {
    const text = readFileSync(path, 'utf8');
    const after = answerFeedback(text, 'Mostly.\n\nAdd jitter.', '2026-11-22');
    assert.match(after, /\nanswer: \|-\n {2}Mostly\.\n\n {2}Add jitter\.\n/);
    assert.equal((dataOf(after) as Feedback).answer, 'Mostly.\n\nAdd jitter.');
    assert.throws(() => answerFeedback(text, '', '2026-11-22'), EditError);
  });

  it('closes a request', () => {
    const { before, after } = editFile(path, closeFeedback);
    assert.equal(after, before.replace('status: open ', 'status: closed '));
  });

  it('keeps CRLF line endings, comments and unknown keys', () => {
    const lf = readFileSync(path, 'utf8');
    for (const edit of [(text: string) => answerFeedback(text, 'a\nb', '2026-11-22'), closeFeedback]) {
      const after = edit(toCrlf(lf));
      assertAllCrlf(after);
      assert.equal(after.replace(/\r\n/g, '\n'), edit(lf));
      assertCommentsKept(lf, after);
      assert.ok(after.includes('x-urgency: low') && after.includes('lines: [10, 42]'));
    }
  });

  it('refuses to answer a request whose file does not parse', () => {
    const broken = temp.file('broken.yaml', 'status: open\nstatus: closed\n');
    assert.throws(
      () => editFile(broken, (text) => answerFeedback(text, 'x', '2026-11-22')),
      (error: unknown) => error instanceof EditError && error.line === 2,
    );
    assert.equal(readFileSync(broken, 'utf8'), 'status: open\nstatus: closed\n');
  });
});
