// `mentoring keys` and `mentoring seal` on real clones exchanging through a real remote: each
// person's identity in a user-only file; what the CLI seals opens with Debian's `age -d -i <file>`
// for the mentee's and the mentor's identity files and not for a third person's; a key added on a
// new device opens the values once someone who can read them seals again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../src/core/folder/yamlText';
import { isSealed } from '../../src/core/seal';
import { mentoringWith, requireBuiltCli } from './helpers/cli';
import { git, removeTempDirs, tempDir } from './helpers/tempRepo';
import { cloneAs, seededRemote } from './helpers/twoClones';

const SESSION = '.mentoring/pairs/ana--ben/sessions/2026-11-21.yaml';

/** Debian's age with an identity file as `mentoring keys` wrote it. */
function ageWith(identityFile: string, armored: string): string {
  return execFileSync('age', ['-d', '-i', identityFile], { input: armored, encoding: 'utf8', stdio: 'pipe' });
}

function notesOf(repo: string): unknown {
  return (parseYaml(readFileSync(join(repo, SESSION), 'utf8')).data as { notes?: unknown }).notes;
}

function commitAndPush(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  git(repo, 'push', '-q', 'origin', 'main');
}

describe('mentoring keys and seal', () => {
  before(requireBuiltCli);
  afterEach(removeTempDirs);

  it('seals to both keys: age opens it with either identity file, not with a third; add-device opens it after a re-seal', async () => {
    const keys = tempDir('mentoring-keys-');
    const file = (name: string) => join(keys, name, 'identity.txt');
    const as = (name: string) => ({ MENTORING_IDENTITY_FILE: file(name) });
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const ben = cloneAs(remote, 'ben');

    const init = mentoringWith(as('ana'), ana, 'keys', 'init');
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /losing every key loses the sealed text/);
    assert.equal(statSync(file('ana')).mode & 0o777, 0o600);
    assert.equal(statSync(join(keys, 'ana')).mode & 0o777, 0o700);
    assert.match(readFileSync(join(ana, '.mentoring/people/ana.yaml'), 'utf8'), /^age_recipients:\n {2}- age1/m);
    commitAndPush(ana, 'ana: key');
    git(ben, 'pull', '-q');
    assert.equal(mentoringWith(as('ben'), ben, 'keys', 'init').code, 0);
    commitAndPush(ben, 'ben: key');
    git(ana, 'pull', '-q');

    // A note written in clear text, by hand, is sealed by `mentoring seal` and not committed.
    const head = git(ana, 'rev-parse', 'HEAD');
    writeFileSync(
      join(ana, SESSION),
      readFileSync(join(ana, SESSION), 'utf8').replace('notes: ""', 'notes: "PLANT-cli-note"'),
    );
    const sealed = mentoringWith(as('ana'), ana, 'seal', 'ana--ben');
    assert.equal(sealed.code, 0, sealed.stderr);
    assert.match(sealed.stdout, /sessions\/2026-11-21\.yaml: 1 sealed/);
    assert.ok(!sealed.stdout.includes('PLANT'));
    assert.equal(git(ana, 'rev-parse', 'HEAD'), head);
    const armored = notesOf(ana);
    assert.ok(isSealed(armored));
    assert.ok(!readFileSync(join(ana, SESSION), 'utf8').includes('PLANT'));
    assert.equal(ageWith(file('ana'), armored), 'PLANT-cli-note');
    assert.equal(ageWith(file('ben'), armored), 'PLANT-cli-note');
    assert.equal(mentoringWith(as('cleo'), ana, 'keys', 'init', '--handle', 'cleo').code, 0);
    assert.throws(() => ageWith(file('cleo'), armored));
    git(ana, 'checkout', '-q', '--', '.mentoring/people/cleo.yaml');

    // Ana sets up a second device: its key is listed beside the first; her first device re-seals.
    const added = mentoringWith(as('ana-laptop'), ana, 'keys', 'add-device');
    assert.equal(added.code, 0, added.stderr);
    const recipients = (
      parseYaml(readFileSync(join(ana, '.mentoring/people/ana.yaml'), 'utf8')).data as {
        age_recipients: string[];
      }
    ).age_recipients;
    assert.equal(recipients.length, 2);
    assert.throws(() => ageWith(file('ana-laptop'), armored));
    const again = mentoringWith(as('ana'), ana, 'seal', 'ana--ben');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /1 sealed again to new keys/);
    const resealed = notesOf(ana);
    assert.ok(isSealed(resealed));
    for (const who of ['ana', 'ana-laptop', 'ben']) assert.equal(ageWith(file(who), resealed), 'PLANT-cli-note');
    assert.throws(() => ageWith(file('cleo'), resealed));
    assert.match(
      mentoringWith(as('ana'), ana, 'seal', 'ana--ben').stdout,
      /everything that should be sealed is sealed/,
    );

    const shown = mentoringWith(as('ana-laptop'), ana, 'keys', 'show', '--json');
    assert.equal(shown.code, 0, shown.stderr);
    const show = JSON.parse(shown.stdout) as { thisDevice: string[]; peopleFile: string[] };
    assert.deepEqual(show.thisDevice, [recipients[1]]);
    assert.deepEqual(show.peopleFile, recipients);
    assert.ok(!shown.stdout.includes('AGE-SECRET-KEY'), 'show never prints the identity');
  });

  it('share seals a clear answer before it commits: the pushed commit holds only the sealed value', async () => {
    const keys = tempDir('mentoring-keys-');
    const as = (name: string) => ({ MENTORING_IDENTITY_FILE: join(keys, `${name}.txt`) });
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const ben = cloneAs(remote, 'ben');
    assert.equal(mentoringWith(as('ana'), ana, 'keys', 'init').code, 0);
    commitAndPush(ana, 'ana: key');
    git(ben, 'pull', '-q');
    assert.equal(mentoringWith(as('ben'), ben, 'keys', 'init').code, 0);
    commitAndPush(ben, 'ben: key');

    const request = '.mentoring/pairs/ana--ben/feedback/2026-11-20-retry-policy.yaml';
    writeFileSync(
      join(ben, request),
      readFileSync(join(ben, request), 'utf8')
        .replace('answer: ""', 'answer: PLANT-shared-answer')
        .replace('answered: null', 'answered: 2026-11-22')
        .replace('status: open ', 'status: answered '),
    );
    const shared = mentoringWith(as('ben'), ben, 'share', 'ana--ben');
    assert.equal(shared.code, 0, shared.stderr);
    // The answer, and the older agenda's notes written before both had keys.
    assert.match(shared.stdout, /Sealed 2 values to the pair's keys\./);
    const older = git(ben, 'show', 'origin/main:.mentoring/pairs/ana--ben/sessions/2026-11-07.yaml');
    assert.ok(isSealed((parseYaml(older).data as { notes: string }).notes));
    const pushed = git(ben, 'show', `origin/main:${request}`);
    assert.ok(!pushed.includes('PLANT'));
    assert.ok(!git(ben, 'log', '-1', '--format=%B', 'origin/main').includes('PLANT'));
    const answer = (parseYaml(pushed).data as { answer: string }).answer;
    assert.equal(ageWith(join(keys, 'ana.txt'), answer), 'PLANT-shared-answer');
    assert.equal(ageWith(join(keys, 'ben.txt'), answer), 'PLANT-shared-answer');
  });

  it('keys init refuses on a second device (add-device is for that) and names who has no key', async () => {
    const keys = tempDir('mentoring-keys-');
    const remote = seededRemote();
    const ana = cloneAs(remote, 'ana');
    const first = { MENTORING_IDENTITY_FILE: join(keys, 'one.txt') };
    const second = { MENTORING_IDENTITY_FILE: join(keys, 'two.txt') };
    assert.equal(mentoringWith(first, ana, 'keys', 'init').code, 0);
    const again = mentoringWith(first, ana, 'keys', 'init');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /already/);
    const refused = mentoringWith(second, ana, 'keys', 'init');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /keys add-device/);
    const waiting = mentoringWith(first, ana, 'seal', 'ana--ben');
    assert.equal(waiting.code, 0, waiting.stderr);
    assert.match(waiting.stdout, /nothing sealed: ben has no key yet/);
  });
});
