// Share against a real bare remote and two clones, Ana's (the mentee) and Ben's (the mentor):
// exactly the pair's files reach the mentoring branch, from whatever branch, and nothing else in
// the checkout moves.
import assert from 'node:assert/strict';
import { chmodSync, cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { share, unsharedChanges } from '../../src/core/app/share';
import { addBenchmark, answerFeedback, completeGoal, newFeedbackText, setValue } from '../../src/core/edit';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';

const FIXTURE = join(__dirname, '../fixtures/valid/.mentoring');
const PAIR = '.mentoring/pairs/ana--ben';
const PLAN = `${PAIR}/plan.yaml`;
const REQUEST = `${PAIR}/feedback/2026-11-22-outbox-design.yaml`;
const OPTIONS = { folder: '.mentoring', pair: 'ana--ben', today: '2026-11-22' };

/** A bare `origin` holding the fixture on main, and one clone each for Ana and Ben. */
function exchange(): { remote: string; ana: string; ben: string } {
  const seed = tempRepo();
  cpSync(FIXTURE, join(seed, '.mentoring'), { recursive: true });
  writeFileSync(join(seed, 'README.md'), 'readme\n');
  writeFileSync(join(seed, 'notes.txt'), 'one\n');
  git(seed, 'add', '-A');
  git(seed, 'commit', '-q', '-m', 'start');
  const remote = tempDir('mentoring-remote-');
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  git(seed, 'remote', 'add', 'origin', remote);
  git(seed, 'push', '-q', '-u', 'origin', 'main');
  return {
    remote,
    ana: clone(remote, 'ana@example.com', 'Ana Lima'),
    ben: clone(remote, 'ben@example.com', 'Ben Okafor'),
  };
}

function clone(remote: string, email: string, name: string): string {
  const dir = tempDir('mentoring-clone-');
  git(dir, 'clone', '-q', remote, '.');
  git(dir, 'config', 'user.email', email);
  git(dir, 'config', 'user.name', name);
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

function edit(repo: string, path: string, change: (text: string) => string): string {
  const text = change(readFileSync(join(repo, path), 'utf8'));
  writeFileSync(join(repo, path), text);
  return text;
}

function askBen(repo: string): string {
  const text = newFeedbackText({
    askedBy: 'ana',
    askedOf: 'ben',
    asked: '2026-11-22',
    kind: 'design',
    question: 'Should the export use an outbox table?',
  });
  writeFileSync(join(repo, REQUEST), text);
  return text;
}

/** Everything a user could notice about their checkout. */
function snapshot(repo: string) {
  return {
    branch: git(repo, 'symbolic-ref', '--short', 'HEAD').trim(),
    head: git(repo, 'rev-parse', 'HEAD').trim(),
    status: git(repo, 'status', '--porcelain=v1', '--untracked-files=all'),
    staged: git(repo, 'diff', '--cached'),
    unstaged: git(repo, 'diff'),
    readme: readFileSync(join(repo, 'README.md'), 'utf8'),
    notes: readFileSync(join(repo, 'notes.txt'), 'utf8'),
  };
}

/** Unrelated work in progress: a staged change, a change on top of it, an unstaged one, an untracked file. */
function workInProgress(repo: string): void {
  writeFileSync(join(repo, 'notes.txt'), 'staged\n');
  git(repo, 'add', 'notes.txt');
  writeFileSync(join(repo, 'notes.txt'), 'staged, then edited again\n');
  writeFileSync(join(repo, 'README.md'), 'readme, edited but not staged\n');
  writeFileSync(join(repo, 'scratch.txt'), 'untracked\n');
}

function filesOf(repo: string, commit: string): string {
  return git(repo, 'diff-tree', '--no-commit-id', '--name-only', '-r', commit).trim();
}

describe('share: to the mentoring branch, through a real remote', () => {
  afterEach(removeTempDirs);

  it('on the default branch: one commit of exactly the pair file, pushed; other staged and unstaged work stays', async () => {
    const { remote, ana } = exchange();
    const before = snapshot(ana);
    workInProgress(ana);
    const request = askBen(ana);
    const wip = snapshot(ana);

    const result = await share(ana, OPTIONS);

    assert.equal(result.status, 'shared', result.summary);
    assert.equal(result.pushed, true);
    assert.equal(result.rebuilt, false);
    assert.equal(result.message, 'mentoring(ana--ben): ask ben for feedback on outbox design');
    assert.match(result.summary, /^Shared on main and pushed to origin \([0-9a-f]{7}\): ask ben for feedback/);
    assert.deepEqual(
      result.steps.map((s) => s.step),
      ['commit', 'push', 'update-branch'],
    );
    const tip = git(remote, 'rev-parse', 'main').trim();
    assert.equal(tip, result.commit);
    assert.equal(git(remote, 'rev-parse', 'main~1').trim(), before.head);
    assert.equal(filesOf(remote, tip), REQUEST);
    assert.equal(git(remote, 'show', `main:${REQUEST}`), request);
    // My branch moved by that commit; everything else is as it was.
    const after = snapshot(ana);
    assert.equal(after.head, tip);
    assert.equal(after.staged, wip.staged);
    assert.equal(after.unstaged, wip.unstaged);
    assert.equal(after.status, wip.status.replace(`?? ${REQUEST}\n`, ''));
    assert.equal(git(ana, 'status', '--porcelain', '--', REQUEST), '');
    assert.equal(git(ana, 'rev-parse', 'origin/main').trim(), tip);
    assert.deepEqual((await unsharedChanges(ana, OPTIONS)).pairs, []);
    assert.equal((await share(ana, OPTIONS)).status, 'nothing');
  });

  it('from a feature branch: the remote main gets one commit; my branch, index and other work are byte-identical', async () => {
    const { remote, ana } = exchange();
    const mainBefore = git(remote, 'rev-parse', 'main').trim();
    git(ana, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(ana, 'feature.txt'), 'my feature\n');
    git(ana, 'add', 'feature.txt');
    git(ana, 'commit', '-q', '-m', 'feature work');
    workInProgress(ana);
    const plan = edit(ana, PLAN, (text) => completeGoal(text, 'system-design'));
    const before = snapshot(ana);

    const result = await share(ana, OPTIONS);

    assert.equal(result.status, 'shared', result.summary);
    assert.equal(result.message, 'mentoring(ana--ben): complete goal system-design');
    assert.deepEqual(snapshot(ana), before, 'the checkout must be exactly as it was');
    assert.equal(readFileSync(join(ana, PLAN), 'utf8'), plan);
    const tip = git(remote, 'rev-parse', 'main').trim();
    assert.equal(git(remote, 'rev-list', '--count', `${mainBefore}..main`).trim(), '1');
    assert.equal(filesOf(remote, tip), PLAN);
    assert.equal(git(remote, 'show', `main:${PLAN}`), plan);
    assert.equal(git(ana, 'rev-parse', 'main').trim(), tip, 'the local main has it too');
    // Shared: the plan equals main's version, though HEAD (feature) still has the old one.
    assert.deepEqual((await unsharedChanges(ana, OPTIONS)).pairs, []);
  });

  it('after the remote moved: rebuilt on its new tip and pushed, both changes kept', async () => {
    const { remote, ana, ben } = exchange();
    edit(ben, PLAN, (text) => addBenchmark(text, 'public-speaking', 'Submit the abstract'));
    assert.equal((await share(ben, OPTIONS)).status, 'shared');
    const bens = git(remote, 'rev-parse', 'main').trim();
    askBen(ana);
    edit(ana, PLAN, (text) => completeGoal(text, 'system-design'));
    const staged = snapshot(ana).staged;

    const result = await share(ana, OPTIONS);

    assert.equal(result.status, 'shared', result.summary);
    assert.equal(result.rebuilt, true);
    assert.match(result.summary, /origin\/main had moved on, so it was rebuilt on it/);
    assert.deepEqual(
      result.steps.map((s) => s.step),
      ['commit', 'push', 'fetch', 'rebuild', 'push', 'update-branch'],
    );
    assert.equal(git(remote, 'rev-parse', 'main~1').trim(), bens);
    assert.equal(filesOf(remote, 'main'), `${REQUEST}\n${PLAN}`);
    const plan = git(remote, 'show', `main:${PLAN}`);
    assert.match(plan, /Submit the abstract/);
    assert.match(plan, /id: system-design[\s\S]*?status: done/);
    assert.equal(snapshot(ana).staged, staged);
    // My main keeps my commit on the tip I had (a pull brings Ben's in); the remote has the change: nothing is pending.
    assert.equal(git(ana, 'rev-parse', 'main~1').trim(), git(ana, 'rev-parse', `${bens}~1`).trim());
    assert.deepEqual((await unsharedChanges(ana, OPTIONS)).pairs, []);
    assert.equal((await share(ana, OPTIONS)).status, 'nothing');
    // Ben's clone sees Ana's request once it fetches.
    git(ben, 'pull', '-q', '--ff-only');
    assert.equal(readFileSync(join(ben, REQUEST), 'utf8'), readFileSync(join(ana, REQUEST), 'utf8'));
  });

  it('with a real conflict: stops, says which file, commits nothing and keeps my text', async () => {
    const { remote, ana, ben } = exchange();
    edit(ben, PLAN, (text) => setValue(text, ['agreement', 'cadence_days'], 7));
    await share(ben, OPTIONS);
    const bens = git(remote, 'rev-parse', 'main').trim();
    const mine = edit(ana, PLAN, (text) => setValue(text, ['agreement', 'cadence_days'], 21));
    const before = snapshot(ana);

    const result = await share(ana, OPTIONS);

    assert.equal(result.status, 'conflict');
    assert.deepEqual(result.conflict, { path: PLAN, against: 'origin/main' });
    assert.match(
      result.summary,
      /^Not shared: \.mentoring\/pairs\/ana--ben\/plan\.yaml was also changed on origin\/main/,
    );
    assert.match(result.summary, /Nothing was committed; your text is as it was/);
    assert.equal(result.commit, undefined);
    assert.equal(git(remote, 'rev-parse', 'main').trim(), bens);
    assert.deepEqual(snapshot(ana), before);
    assert.equal(readFileSync(join(ana, PLAN), 'utf8'), mine);
    assert.equal((await unsharedChanges(ana, OPTIONS)).pairs[0].words[0], 'changed the agreement (cadence days)');
  });

  it('a protected branch: the change goes on a review branch, pushed, with the pull-request page', async () => {
    const { remote, ana } = exchange();
    const hook = join(remote, 'hooks/pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\nwhile read old new ref; do\n  if [ "$ref" = refs/heads/main ]; then\n' +
        '    echo "GH006: Protected branch update failed for refs/heads/main." >&2; exit 1\n  fi\ndone\n',
    );
    chmodSync(hook, 0o755);
    // Fetch from a GitHub-looking URL, push to the bare repository: the compare page is GitHub's.
    git(ana, 'config', 'remote.origin.pushurl', remote);
    git(ana, 'config', 'remote.origin.url', 'git@github.com:acme/app.git');
    const mainBefore = git(remote, 'rev-parse', 'main').trim();
    askBen(ana);
    const before = snapshot(ana);

    const result = await share(ana, OPTIONS);

    assert.equal(result.status, 'review', result.summary);
    const branch = 'mentoring/ana--ben/share-2026-11-22';
    assert.equal(result.review?.branch, branch);
    assert.equal(result.review?.pushed, true);
    assert.equal(result.review?.compareUrl, `https://github.com/acme/app/compare/main...${branch}?expand=1`);
    assert.match(result.summary, /origin does not take pushes to main \(pre-receive hook declined: GH006/);
    assert.match(result.summary, /went on mentoring\/ana--ben\/share-2026-11-22 for review/);
    assert.equal(git(remote, 'rev-parse', 'main').trim(), mainBefore);
    assert.equal(filesOf(remote, branch), REQUEST);
    assert.equal(git(remote, 'rev-parse', `${branch}~1`).trim(), mainBefore);
    assert.deepEqual(snapshot(ana), before, 'my branch and files are as they were');
    // Not shared until merged: the request waits on that branch, and sharing again says so.
    const [waiting] = (await unsharedChanges(ana, OPTIONS)).pairs;
    assert.equal(waiting.inReview, branch);
    const again = await share(ana, OPTIONS);
    assert.equal(again.status, 'review');
    assert.equal(again.review?.branch, branch);
    assert.match(again.summary, /^These changes already wait for review on mentoring\/ana--ben\/share-2026-11-22/);
    assert.equal(
      git(remote, 'for-each-ref', '--format=%(refname)', 'refs/heads/mentoring/').trim(),
      `refs/heads/${branch}`,
    );
  });

  it('from a feature branch behind main: the mentor’s newer versions are not my changes; mine apply on top', async () => {
    const { ana, ben } = exchange();
    git(ana, 'checkout', '-q', '-b', 'feature');
    // Ben answers the request and adds a benchmark on main; Ana brings main up to date, not her branch.
    edit(ben, `${PAIR}/feedback/2026-11-20-retry-policy.yaml`, (text) => answerFeedback(text, 'Yes.', '2026-11-22'));
    edit(ben, PLAN, (text) => addBenchmark(text, 'public-speaking', 'Submit the abstract'));
    await share(ben, OPTIONS);
    git(ana, 'fetch', '-q', 'origin', 'main:main');
    assert.deepEqual((await unsharedChanges(ana, OPTIONS)).pairs, [], 'nothing of Ben’s counts as mine');

    edit(ana, PLAN, (text) => completeGoal(text, 'system-design'));
    const [pair] = (await unsharedChanges(ana, OPTIONS)).pairs;
    assert.deepEqual(pair.words, ['completed goal system-design']);
    const first = await share(ana, OPTIONS);
    assert.equal(first.status, 'shared', first.summary);
    let onMain = git(ana, 'show', `main:${PLAN}`);
    assert.match(onMain, /Submit the abstract/);
    assert.match(onMain, /id: system-design[\s\S]*?status: done/);
    assert.match(git(ana, 'show', `main:${PAIR}/feedback/2026-11-20-retry-policy.yaml`), /answer: "Yes\."/);

    // Ana's plan (without Ben's benchmark) is what she shared: not a change. Her next edit is.
    assert.deepEqual((await unsharedChanges(ana, OPTIONS)).pairs, []);
    edit(ana, PLAN, (text) => setValue(text, ['agreement', 'session_minutes'], 60));
    assert.deepEqual((await unsharedChanges(ana, OPTIONS)).pairs[0].words, ['changed the agreement (session minutes)']);
    assert.equal((await share(ana, OPTIONS)).status, 'shared');
    onMain = git(ana, 'show', `main:${PLAN}`);
    assert.match(onMain, /Submit the abstract/);
    assert.match(onMain, /session_minutes: 60/);
    assert.match(onMain, /status: done/);
  });

  it('a dry run changes nothing; `only` shares just the named file', async () => {
    const { remote, ana } = exchange();
    askBen(ana);
    edit(ana, PLAN, (text) => completeGoal(text, 'system-design'));
    const before = snapshot(ana);
    const mainBefore = git(remote, 'rev-parse', 'main').trim();

    const dry = await share(ana, { ...OPTIONS, dryRun: true });
    assert.equal(dry.status, 'dry-run');
    assert.deepEqual(
      dry.files.map((f) => f.path),
      [REQUEST, PLAN],
    );
    assert.equal(
      dry.message,
      'mentoring(ana--ben): ask ben for feedback on outbox design; complete goal system-design',
    );
    assert.match(dry.summary, /^Would commit 2 files to main and push to origin: mentoring\(ana--ben\)/);
    assert.deepEqual(snapshot(ana), before);
    assert.equal(git(remote, 'rev-parse', 'main').trim(), mainBefore);

    const one = await share(ana, { ...OPTIONS, only: [REQUEST] });
    assert.equal(one.status, 'shared');
    assert.equal(filesOf(remote, 'main'), REQUEST);
    assert.deepEqual((await unsharedChanges(ana, OPTIONS)).pairs[0].words, ['completed goal system-design']);
  });

  it('a push that fails keeps the commit on main; the next share pushes it', async () => {
    const { remote, ana } = exchange();
    askBen(ana);
    renameSync(remote, `${remote}-away`);
    const failed = await share(ana, OPTIONS);
    renameSync(`${remote}-away`, remote);

    assert.equal(failed.status, 'committed', failed.summary);
    assert.equal(failed.pushed, false);
    assert.ok(failed.pushError);
    assert.match(failed.summary, /Not pushed: the push failed .*; share again to retry/);
    assert.equal(git(ana, 'rev-parse', 'main').trim(), failed.commit);
    const [pending] = (await unsharedChanges(ana, OPTIONS)).pairs;
    assert.deepEqual(pending.files, []);
    assert.equal(pending.notPushed, 1);

    const retried = await share(ana, OPTIONS);
    assert.equal(retried.status, 'shared', retried.summary);
    assert.equal(git(remote, 'rev-parse', 'main').trim(), failed.commit);
    assert.deepEqual((await unsharedChanges(ana, OPTIONS)).pairs, []);
  });
});
