// The demo as `npm run demo` makes it: Ana's repository, a bare `origin` holding its history, and
// Ben's clone of it, each known to the core by its git email; "today" is the extension's local day.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { addDemoRemote, createDemoRepo, localToday as demoToday } from '../../scripts/demo-repo.mjs';
import { localToday } from '../../src/core/app/today';
import { loadMentoring } from '../../src/core/folder/load';
import { knownPeople, personFromEmail } from '../../src/core/folder/people';
import { userEmail } from '../../src/core/git/repository';
import { git, removeTempDirs, tempDir } from './helpers/tempRepo';

async function whoIs(repo: string): Promise<string | undefined> {
  const email = await userEmail(repo);
  return email ? personFromEmail(knownPeople(await loadMentoring(repo)), email)?.handle : undefined;
}

describe('demo repository', () => {
  const zone = process.env.TZ;
  after(removeTempDirs);
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('dates by the same local day as the extension', () => {
    const instant = new Date('2026-01-31T22:30:00Z');
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = tz;
      assert.equal(demoToday(instant), localToday(instant), tz);
    }
    process.env.TZ = 'Pacific/Kiritimati';
    assert.equal(demoToday(instant), '2026-02-01');
  });

  it('makes the same history from the same today, commit for commit', () => {
    // The last commit's hash covers every file, author, date and message before it, so any change to
    // the story in scripts/demo/ shows here; a change meant to alter the demo updates the hash.
    const demo = createDemoRepo(join(tempDir(), 'demo'), { today: '2026-12-02' });
    assert.equal(demo.commits, 26);
    assert.equal(git(demo.dir, 'rev-parse', 'HEAD').trim(), 'a9ebc7ab2d4d232e47ce7d799547c6f268be880e');
    assert.equal(git(demo.dir, 'status', '--porcelain').trim(), '');
  });

  it('gives Ana a remote holding the history, and Ben a clone of his own', async () => {
    const dir = tempDir();
    const demo = createDemoRepo(join(dir, 'demo'), { today: '2026-03-10' });
    const shared = addDemoRemote(demo.dir);
    assert.equal(shared.remote, join(dir, 'demo-origin.git'));
    assert.equal(shared.mentorDir, join(dir, 'demo-ben'));
    assert.equal(shared.mentor, 'ben');

    const head = git(demo.dir, 'rev-parse', 'HEAD').trim();
    assert.equal(git(shared.remote, 'rev-parse', 'main').trim(), head);
    assert.equal(git(shared.mentorDir, 'rev-parse', 'HEAD').trim(), head);
    for (const clone of [demo.dir, shared.mentorDir]) {
      assert.equal(git(clone, 'rev-parse', '--abbrev-ref', 'main@{upstream}').trim(), 'origin/main');
      assert.equal(git(clone, 'status', '--porcelain').trim(), '');
    }
    assert.equal(await whoIs(demo.dir), 'ana');
    assert.equal(await whoIs(shared.mentorDir), 'ben');
  });

  it('refuses to put the remote or the clone over files', () => {
    const dir = tempDir();
    const demo = createDemoRepo(join(dir, 'demo'), { today: '2026-03-10' });
    assert.throws(() => addDemoRemote(demo.dir, { mentorDir: demo.dir }), /exists and is not empty/);
  });
});
