// What's new, between two people with their own clones of one bare remote: Ana asks for
// feedback and pushes; Ben fetches and sees it before he pulls; Ben answers and pushes; Ana
// fetches and sees "Ben answered your feedback request".
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { whatsNew } from '../../src/core/app/whatsNew';
import { answerFeedback } from '../../src/core/edit';
import { fetchMentoringBranch } from '../../src/core/git/remoteBranch';
import { clearHistoryCache } from '../../src/core/history';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';

const FIXTURE = join(__dirname, '../fixtures/valid/.mentoring');
const PAIR = 'ana--ben';
const REQUEST = '.mentoring/pairs/ana--ben/feedback/2026-11-30-outbox.yaml';
const TODAY = '2026-12-01';

function clone(remote: string, who: 'ana' | 'ben'): string {
  const dir = tempDir(`mentoring-${who}-`);
  git(dir, 'clone', '-q', remote, '.');
  git(dir, 'config', 'user.email', `${who}@example.com`);
  git(dir, 'config', 'user.name', who === 'ana' ? 'Ana Lima' : 'Ben Okafor');
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

function commit(dir: string, date: string, message: string, author: Record<string, string> = {}): string {
  const when = `${date}T10:00:00+00:00`;
  execFileSync('git', ['commit', '-q', '-m', message], {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, ...author },
  });
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** A bare remote holding the fixture folder, and Ana's and Ben's clones of it. */
function twoClones(): { remote: string; ana: string; ben: string } {
  const remote = tempDir('mentoring-remote-');
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  const ana = tempRepo('ana@example.com', 'Ana Lima');
  git(ana, 'remote', 'add', 'origin', remote);
  cpSync(FIXTURE, join(ana, '.mentoring'), { recursive: true });
  git(ana, 'add', '-A');
  commit(ana, '2026-11-10', 'mentoring: start');
  git(ana, 'push', '-q', '-u', 'origin', 'main');
  return { remote, ana, ben: clone(remote, 'ben') };
}

const REQUEST_TEXT = `asked_by: ana
asked_of: ben
asked: 2026-11-30
kind: design
question: Is the outbox table the right place for retries?
status: open
answer: ""
answered: null
`;

describe("what's new: the other side's changes, from the mentoring branch and its remote", function () {
  this.timeout(60_000); // two clones, pushes and fetches: many git processes
  beforeEach(clearHistoryCache);
  afterEach(removeTempDirs);

  it('Ben sees the request before he pulls; Ana sees the answer after she fetches', async () => {
    const { ana, ben } = twoClones();
    const benSeen = (await whatsNew(ben, { pair: PAIR, me: 'ben', today: TODAY })).seen;
    assert.ok(benSeen);

    writeFileSync(join(ana, REQUEST), REQUEST_TEXT);
    git(ana, 'add', '--', REQUEST);
    commit(ana, '2026-11-30', 'mentoring(ana--ben): ask ben for feedback');
    git(ana, 'push', '-q');
    const anaNews = await whatsNew(ana, { pair: PAIR, me: 'ana', since: benSeen, today: TODAY });
    assert.deepEqual(anaNews.entries, [], "Ana's own change is not news to her");
    const anaSeen = anaNews.seen;

    // Before a fetch Ben's clone knows nothing of it.
    assert.equal((await whatsNew(ben, { pair: PAIR, me: 'ben', since: benSeen })).entries.length, 0);
    const benHead = git(ben, 'rev-parse', 'HEAD').trim();
    const benStatus = git(ben, 'status', '--porcelain=v1', '--untracked-files=all');
    const fetched = await fetchMentoringBranch(ben, 'main');
    assert.equal(fetched.remote, 'origin');
    assert.equal(fetched.tip, git(ana, 'rev-parse', 'HEAD').trim());
    assert.equal(git(ben, 'rev-parse', 'HEAD').trim(), benHead, 'fetch leaves my branch where it was');
    assert.equal(git(ben, 'status', '--porcelain=v1', '--untracked-files=all'), benStatus);

    const before = await whatsNew(ben, { pair: PAIR, me: 'ben', since: benSeen, today: TODAY });
    assert.equal(before.behindRemote, 1);
    assert.equal(before.branch, 'main');
    assert.equal(before.remoteBranch, 'origin/main');
    assert.equal(before.seen, fetched.tip);
    assert.deepEqual(
      before.entries.map((entry) => [entry.event.kind, entry.text, entry.remoteOnly, entry.event.path]),
      [['feedback-asked', "Ana asked you 'Is the outbox table the right place for…'", true, REQUEST]],
    );

    git(ben, 'pull', '-q', '--ff-only');
    const pulled = await whatsNew(ben, { pair: PAIR, me: 'ben', since: benSeen, today: TODAY });
    assert.equal(pulled.behindRemote, 0);
    assert.equal(pulled.entries[0].remoteOnly, false);
    assert.deepEqual((await whatsNew(ben, { pair: PAIR, me: 'ben', since: pulled.seen })).entries, []);

    writeFileSync(join(ben, REQUEST), answerFeedback(readFileSync(join(ben, REQUEST), 'utf8'), 'Yes.', TODAY));
    git(ben, 'add', '--', REQUEST);
    commit(ben, TODAY, 'mentoring(ana--ben): answer feedback');
    git(ben, 'push', '-q');

    await fetchMentoringBranch(ana, 'main');
    const answered = await whatsNew(ana, { pair: PAIR, me: 'ana', since: anaSeen, today: TODAY });
    assert.equal(answered.behindRemote, 1);
    assert.deepEqual(
      answered.entries.map((entry) => entry.text),
      ["Ben answered your feedback request 'Is the outbox table the right place for…'"],
    );
  });

  it("with nothing seen: the changes since the last session; only the pair's two people are told", async () => {
    const { ana, ben } = twoClones();
    writeFileSync(join(ana, REQUEST), REQUEST_TEXT);
    git(ana, 'add', '--', REQUEST);
    commit(ana, '2026-11-30', 'ask');
    git(ana, 'push', '-q');
    await fetchMentoringBranch(ben, 'main');

    const first = await whatsNew(ben, { pair: PAIR, me: 'ben', today: TODAY });
    // The folder was committed on Nov 10, before the last session held (Nov 21): only the request is new.
    assert.deepEqual(
      first.entries.map((entry) => [entry.event.kind, entry.event.path]),
      [['feedback-asked', REQUEST]],
    );
    git(ben, 'pull', '-q', '--ff-only');
    const before = await whatsNew(ben, { pair: PAIR, me: 'ben', today: '2026-11-01' });
    assert.equal(before.entries.length, 9, 'no session held yet: every change of the other side (at most 10)');

    const gone = await whatsNew(ben, { pair: PAIR, me: 'ben', since: 'f'.repeat(40), today: TODAY });
    assert.equal(gone.sinceMissing, true);
    assert.equal(gone.entries.length, first.entries.length);

    // The pair's words (a request's file name is made from its question) stay with the pair.
    await assert.rejects(whatsNew(ben, { pair: PAIR, me: 'cleo' }), /cleo is not part of the pair ana--ben/);
    await assert.rejects(whatsNew(ben, { pair: PAIR, me: 'dan' }), /not part of the pair/);
  });

  it('reads the mentoring branch, not my checkout; with my own unshared commits, both tips are read', async () => {
    const { ana, ben } = twoClones();
    const seen = (await whatsNew(ben, { pair: PAIR, me: 'ben', today: TODAY })).seen as string;
    const session = join(ben, '.mentoring/pairs/ana--ben/sessions/2026-11-21.yaml');
    writeFileSync(session, readFileSync(session, 'utf8').replace('notes: ""', 'notes: Ben wrote these'));
    git(ben, 'add', '-A');
    commit(ben, '2026-11-22', 'my notes, not pushed yet');
    git(ben, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(ben, REQUEST), REQUEST_TEXT);
    git(ben, 'add', '-A');
    commit(ben, '2026-11-30', 'on a feature branch', { GIT_AUTHOR_EMAIL: 'ana@example.com', GIT_AUTHOR_NAME: 'Ana' });

    writeFileSync(join(ana, REQUEST.replace('outbox', 'naming')), REQUEST_TEXT.replace('the outbox table', 'naming'));
    git(ana, 'add', '-A');
    commit(ana, '2026-11-30', 'ask');
    git(ana, 'push', '-q');
    await fetchMentoringBranch(ben, 'main');

    const news = await whatsNew(ben, { pair: PAIR, me: 'ben', since: seen, today: TODAY });
    assert.equal(news.behindRemote, 1);
    assert.equal(news.seen, git(ana, 'rev-parse', 'HEAD').trim());
    assert.deepEqual(
      news.entries.map((entry) => [entry.text, entry.remoteOnly]),
      [["Ana asked you 'Is naming the right place for retries?'", true]],
    );
    const feature = await whatsNew(ben, { pair: PAIR, me: 'ben', since: seen, branch: 'feature', today: TODAY });
    assert.deepEqual(
      feature.entries.map((entry) => entry.event.path),
      [REQUEST],
    );
    await assert.rejects(whatsNew(ben, { pair: PAIR, me: 'ben', branch: '--upload-pack=x' }), /revision/);
  });
});
