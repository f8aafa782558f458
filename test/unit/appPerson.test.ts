// Which person a git email belongs to: the sidebar's "who am I" and the CLI ask
// personFromEmail(knownPeople(model), user.email); the history maps commit authors by the
// same rule from the people files at HEAD.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initMentoring } from '../../src/core/app/init';
import { loadMentoring } from '../../src/core/folder/load';
import { knownPeople, personFromEmail } from '../../src/core/folder/people';
import { userEmail } from '../../src/core/git/repository';
import { clearHistoryCache, readHistory } from '../../src/core/history';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';

const PEOPLE = '.mentoring/people';

/** A committed example folder in a repository whose git user is `email`, with people files added. */
async function repoWith(email: string, people: Record<string, string> = {}): Promise<string> {
  const repo = tempRepo(email);
  await initMentoring(repo, '.mentoring', '2026-03-02');
  for (const [handle, text] of Object.entries(people)) writeFileSync(join(repo, PEOPLE, `${handle}.yaml`), text);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'mentoring');
  return repo;
}

/** As the sidebar and the CLI ask: git's user.email against the loaded people files. */
async function whoAmI(repo: string): Promise<string | undefined> {
  const model = await loadMentoring(repo);
  return personFromEmail(knownPeople(model), await userEmail(repo))?.handle;
}

/** As the history maps the author of the one commit. */
async function historyAuthor(repo: string): Promise<string | undefined> {
  const [event] = (await readHistory(repo)).events;
  return 'handle' in event.author ? event.author.handle : undefined;
}

describe('app: person from email', () => {
  // Inside the describe: a root-level afterEach runs after every test of every file, and
  // removed other suites' folders (a mounted tmpfs, a clone an install test still needed).
  afterEach(() => {
    removeTempDirs();
    clearHistoryCache();
  });

  it('matches emails trimmed and case-insensitively, in the sidebar, the CLI and the history', async () => {
    const repo = await repoWith('Ben@EXAMPLE.com');
    assert.equal(await whoAmI(repo), 'ben');
    assert.equal(await historyAuthor(repo), 'ben');
    const people = knownPeople(await loadMentoring(repo));
    assert.equal(personFromEmail(people, '  ana@example.com ')?.handle, 'ana');
    assert.equal(personFromEmail(people, 'nobody@example.com'), undefined);
    assert.equal(personFromEmail(people, ''), undefined);
    assert.equal(personFromEmail(people, undefined), undefined);
  });

  it('an unknown email is nobody', async () => {
    const repo = await repoWith('carol@elsewhere.org');
    assert.equal(await whoAmI(repo), undefined);
    assert.equal(await historyAuthor(repo), undefined);
  });

  it('the handle is the file name, and the first file by name keeps a shared email', async () => {
    const repo = await repoWith('shared@example.com', {
      dee: 'handle: dee\nname: Dee\nemails: [" Shared@example.com"]\nroles: [mentor]\n',
      cleo: 'handle: cleopatra\nname: Cleo\nemails: [shared@example.com]\nroles: [mentor]\n',
    });
    assert.equal(await whoAmI(repo), 'cleo');
    assert.equal(await historyAuthor(repo), 'cleo');
    const people = knownPeople(await loadMentoring(repo));
    assert.deepEqual(
      people.map((p) => [p.handle, p.name]),
      [
        ['ana', 'Ana Example'],
        ['ben', 'Ben Example'],
        ['cleo', 'Cleo'],
        ['dee', 'Dee'],
      ],
    );
  });
});
