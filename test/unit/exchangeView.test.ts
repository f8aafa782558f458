// The sidebar's exchange as the extension builds it from the core: Ana's changes not shared, in
// words; what Ben sees as new once he fetched; what needs Ben; and what is remembered as seen.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inbox } from '../../src/core/app/inbox';
import { share, unsharedChanges } from '../../src/core/app/share';
import { whatsNew } from '../../src/core/app/whatsNew';
import { completeGoal, newFeedbackText } from '../../src/core/edit';
import { fetchMentoringBranch } from '../../src/core/git/remoteBranch';
import {
  inboxItemView,
  isReadWhenOpened,
  newsView,
  notSharedText,
  SEEN_LIMIT,
  unsharedTotal,
  unsharedView,
  withSeen,
} from '../../src/extension/exchange/viewModel';
import { cloneAs, model, PLAN, seededRemote } from './helpers/twoClones';
import { git, removeTempDirs } from './helpers/tempRepo';

const REQUEST = '.mentoring/pairs/ana--ben/feedback/2026-11-30-outbox.yaml';
const FOLDER = '.mentoring';

/** Ana asks Ben for feedback and completes a goal, in her clone, without committing. */
function anaWorks(ana: string): void {
  const request = newFeedbackText({
    askedBy: 'ana',
    askedOf: 'ben',
    asked: '2026-11-30',
    kind: 'design',
    question: 'Is the outbox table the right place for retries?',
  });
  writeFileSync(join(ana, REQUEST), request);
  writeFileSync(join(ana, PLAN), completeGoal(readFileSync(join(ana, PLAN), 'utf8'), 'system-design'));
}

describe('exchange view: what the sidebar shows of share, what is new and what needs me', function () {
  this.timeout(30_000);
  after(removeTempDirs);

  it("counts Ana's changes not shared in words, and none once she shared them", async () => {
    const ana = cloneAs(seededRemote(), 'ana');
    anaWorks(ana);
    const before = await unsharedChanges(ana, { folder: FOLDER });
    const views = before.pairs.map(unsharedView);
    assert.equal(views.length, 1);
    const [view] = views;
    assert.equal(view.pair, 'ana--ben');
    assert.equal(view.count, 2);
    assert.equal(view.words.length, 2);
    assert.ok(
      view.words.some((w) => /feedback/.test(w) && /outbox/.test(w)),
      view.words.join(' | '),
    );
    assert.ok(
      view.words.some((w) => /system-design/.test(w)),
      view.words.join(' | '),
    );
    assert.deepEqual(view.warnings, []);
    assert.equal(unsharedTotal(views), 2);
    assert.equal(notSharedText(view.count), '2 changes not shared');

    const result = await share(ana, { folder: FOLDER, pair: 'ana--ben' });
    assert.equal(result.status, 'shared', result.summary);
    const after = await unsharedChanges(ana, { folder: FOLDER });
    assert.equal(unsharedTotal(after.pairs.map(unsharedView)), 0);
  });

  it('says why Share would stop: a file that does not parse', async () => {
    const ana = cloneAs(seededRemote(), 'ana');
    writeFileSync(join(ana, REQUEST), 'question: [unclosed\n');
    const [view] = (await unsharedChanges(ana, { folder: FOLDER })).pairs.map(unsharedView);
    assert.equal(view.count, 1);
    assert.equal(view.warnings.length, 1);
    assert.match(view.warnings[0], /2026-11-30-outbox\.yaml/);
  });

  it('shows Ben what Ana shared once he fetched, not pulled yet, and his inbox has her request', async () => {
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const ben = cloneAs(remote, 'ben');
    anaWorks(ana);
    await share(ana, { folder: FOLDER, pair: 'ana--ben' });
    const lastLooked = git(ben, 'rev-parse', 'HEAD').trim();
    await fetchMentoringBranch(ben, 'main');
    const news = await whatsNew(ben, { folder: FOLDER, pair: 'ana--ben', me: 'ben', since: lastLooked });
    const view = newsView(news, { other: 'Ana', hadSeen: true, canFetch: true, onBranch: true });
    assert.equal(view.behindRemote, 1);
    assert.equal(view.remoteBranch, 'origin/main');
    assert.equal(view.firstLook, false);
    assert.equal(newsView(news, { other: 'Ana', hadSeen: false, canFetch: true, onBranch: true }).firstLook, true);
    assert.equal(view.entries.length, 2, JSON.stringify(view.entries));
    assert.ok(view.entries.every((entry) => entry.remoteOnly));
    const asked = view.entries.find((entry) => /outbox/.test(entry.text));
    assert.ok(asked, JSON.stringify(view.entries));
    assert.equal(asked.icon, 'comment');
    assert.match(asked.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(asked.commit, git(ana, 'rev-parse', 'HEAD').trim());

    // Seen, it is no news any more.
    const again = await whatsNew(ben, { folder: FOLDER, pair: 'ana--ben', me: 'ben', since: news.seen });
    assert.deepEqual(newsView(again, { other: 'Ana', hadSeen: true, canFetch: true, onBranch: true }).entries, []);

    git(ben, 'pull', '-q', '--ff-only');
    const items = inbox(await model(ben), 'ben', { today: '2026-12-01' }).map(inboxItemView);
    const request = items.find((item) => item.kind === 'feedback-to-answer' && item.file === REQUEST);
    assert.ok(request, JSON.stringify(items));
    assert.match(request.text, /^Ana asked you for feedback/);
    assert.equal(request.role, 'mentor');
    assert.equal(request.other, 'ana');
    assert.equal(typeof request.line, 'number');
    // Only what the webview shows: no proposal or action objects travel with it.
    assert.deepEqual(Object.keys(request).sort(), [
      'ageDays',
      'date',
      'dueInDays',
      'file',
      'id',
      'kind',
      'line',
      'other',
      'pair',
      'role',
      'text',
    ]);
  });

  it('remembers opened answers, newest last, and forgets the oldest beyond the limit', () => {
    assert.deepEqual(withSeen(undefined, 'a'), ['a']);
    assert.deepEqual(withSeen(['a', 'b'], 'a'), ['b', 'a']);
    const full = Array.from({ length: SEEN_LIMIT }, (_, i) => `id-${i}`);
    const next = withSeen(full, 'new');
    assert.equal(next.length, SEEN_LIMIT);
    assert.equal(next[0], 'id-1');
    assert.equal(next.at(-1), 'new');
    assert.equal(isReadWhenOpened({ kind: 'feedback-answered' }), true);
    assert.equal(isReadWhenOpened({ kind: 'feedback-to-answer' }), false);
  });

  it('says one change, and counts a push still owed as one', () => {
    assert.equal(notSharedText(1), '1 change not shared');
    const pending = { pair: 'ana--ben', count: 0, words: [], notPushed: 3, warnings: [] };
    assert.equal(unsharedTotal([pending]), 1);
  });
});
