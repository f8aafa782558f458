// No silent fallbacks: a broken latest agenda stops the CLI's carry-over as it stops the sidebar's,
// and git refusing the repository is reported by `validate`, never read as "nothing tracked".
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { shallowNote } from '../../src/core/app/timeline';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';

const CLI = join(__dirname, '../../dist/cli.js');
const VALID = resolve(__dirname, '../fixtures/valid/.mentoring');
const SESSIONS = '.mentoring/pairs/ana--ben/sessions';

function mentoring(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A repository holding the fixture folder and a committed private note. */
function repoWithTrackedPrivateNote(): string {
  const repo = tempRepo();
  cpSync(VALID, join(repo, '.mentoring'), { recursive: true });
  mkdirSync(join(repo, '.mentoring/.private'));
  writeFileSync(join(repo, '.mentoring/.private/notes.md'), 'private\n');
  git(repo, 'add', '-A', '-f');
  git(repo, 'commit', '-q', '-m', 'oops');
  return repo;
}

describe('no silent fallbacks', () => {
  before(() => assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first'));
  afterEach(removeTempDirs);

  it('agenda refuses to carry over from a broken latest agenda, and writes nothing', () => {
    const repo = tempRepo();
    cpSync(VALID, join(repo, '.mentoring'), { recursive: true });
    writeFileSync(join(repo, SESSIONS, '2026-11-21.yaml'), 'date: 2026-11-21\nprepared_by: ana\nactions: [unclosed\n');
    const result = mentoring(repo, ['agenda', 'ana--ben', '--date', '2026-12-05']);
    assert.equal(result.code, 1, result.stdout);
    assert.match(
      result.stderr,
      /^mentoring: The previous agenda \.mentoring\/pairs\/ana--ben\/sessions\/2026-11-21\.yaml has errors, so its open actions cannot be carried over; fix it first \(.*2026-11-21\.yaml:\d+:\d+: /,
    );
    assert.deepEqual(readdirSync(join(repo, SESSIONS)).sort(), ['2026-11-07.yaml', '2026-11-21.yaml']);
  });

  it('validate reports git refusing a repository owned by someone else, with a tracked private note', function () {
    if (process.getuid?.() !== 0) {
      console.log('      (skipped: only root can give the repository another owner here)');
      this.skip();
    }
    const repo = repoWithTrackedPrivateNote();
    const home = tempDir('mentoring-home-'); // no global config: safe.directory is unset
    const owner = 4242;
    const chownAll = (dir: string) => {
      chownSync(dir, owner, owner);
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) chownAll(path);
        else chownSync(path, owner, owner);
      }
    };
    chownAll(repo);
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
    const result = mentoring(repo, ['validate'], env);
    assert.equal(result.code, 1, `${result.stdout}${result.stderr}`);
    assert.match(
      result.stdout,
      /^\.mentoring:1:1: git could not read this repository \(detected dubious ownership in repository at .*\), so it could not check that no private note is tracked; mark the repository as safe \(git config --global --add safe\.directory ".*"\)/m,
    );
  });

  it('validate reports git failing on a corrupt index instead of "nothing tracked"', () => {
    const repo = repoWithTrackedPrivateNote();
    assert.match(mentoring(repo, ['validate']).stdout, /\.private\/notes\.md:1:1: private file is tracked/);
    writeFileSync(join(repo, '.git/index'), 'not an index');
    const result = mentoring(repo, ['validate']);
    assert.equal(result.code, 1, `${result.stdout}${result.stderr}`);
    assert.match(
      result.stdout,
      /^\.mentoring:1:1: git could not read this repository \(.*index.*\).*fix what git says/m,
    );
  });

  it('validate outside any repository checks the files and nothing else', () => {
    const dir = tempDir('mentoring-plain-');
    cpSync(VALID, join(dir, '.mentoring'), { recursive: true });
    const result = mentoring(dir, ['validate']);
    assert.equal(result.code, 0, `${result.stdout}${result.stderr}`);
  });
});

describe('a shallow clone says so', () => {
  before(() => assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first'));
  afterEach(removeTempDirs);

  it('log names the shallow clone and what to do, not "No history yet"', () => {
    const origin = tempRepo();
    cpSync(VALID, join(origin, '.mentoring'), { recursive: true });
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'the pair starts');
    writeFileSync(join(origin, 'README.md'), 'unrelated\n');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'unrelated');
    const clone = join(tempDir('mentoring-shallow-'), 'clone');
    spawnSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone], { encoding: 'utf8' });
    assert.ok(existsSync(join(clone, '.git/shallow')), 'the clone is shallow');
    const shallow = mentoring(clone, ['log', 'ana--ben']);
    assert.equal(shallow.code, 0, shallow.stderr);
    assert.doesNotMatch(shallow.stdout, /No history/);
    assert.match(shallow.stdout, /^This clone is shallow: .*Run `git fetch --unshallow` to fetch the whole history/m);
    // The sidebar's timeline says the same: the sentence is the core's.
    assert.ok(shallow.stdout.startsWith(shallowNote('ana--ben', true)), shallow.stdout);
    git(clone, 'fetch', '-q', '--unshallow');
    const full = mentoring(clone, ['log', 'ana--ben']);
    assert.doesNotMatch(full.stdout, /shallow/);
    assert.notEqual(full.stdout.trim(), '');
  });
});
