import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadOwners, matchFile } from 'codeowners-utils';
import { chooseCodeownersFile } from '../../src/core/review';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';

const FIXTURE = join(__dirname, '../fixtures/valid/.mentoring');
const CLI = join(__dirname, '../../dist/cli.js');
const PLAN = '.mentoring/pairs/ana--ben/plan.yaml';

// `codeowners` (the npm package) ships no types; it reads GitHub's and GitLab's locations,
// including `.gitlab/CODEOWNERS`, and GitLab's section headers.
type GitLabParser = new (dir: string) => { codeownersFilePath: string; getOwner(path: string): string[] };
const Codeowners = createRequire(__filename)('codeowners') as GitLabParser;

function repoWith(handle: string, remote?: string): string {
  const repo = tempRepo();
  cpSync(FIXTURE, join(repo, '.mentoring'), { recursive: true });
  const ben = join(repo, '.mentoring/people/ben.yaml');
  writeFileSync(ben, `${readFileSync(ben, 'utf8')}git_host_handle: "${handle}"\n`);
  if (remote) git(repo, 'remote', 'add', 'origin', remote);
  return repo;
}

function run(repo: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8' });
}

function place(repo: string, rel: string, text: string): void {
  mkdirSync(join(repo, rel, '..'), { recursive: true });
  writeFileSync(join(repo, rel), text);
}

describe('CODEOWNERS for the host in use', () => {
  afterEach(removeTempDirs);

  it('chooses the file from an existing one only one host reads, else from the remote, else GitHub', () => {
    const gitlab = { name: 'origin', host: 'gitlab' as const };
    const github = { name: 'origin', host: 'github' as const };
    const pick = (existing: string[], remote?: { name: string; host: 'github' | 'gitlab' | 'bitbucket' }) => {
      const { host, rel } = chooseCodeownersFile(existing, remote);
      return `${host} ${rel}`;
    };
    assert.equal(pick([]), 'github .github/CODEOWNERS');
    assert.equal(pick([], gitlab), 'gitlab .gitlab/CODEOWNERS');
    assert.equal(pick([], github), 'github .github/CODEOWNERS');
    assert.equal(pick([], { name: 'upstream', host: 'bitbucket' }), 'github .github/CODEOWNERS');
    assert.equal(pick(['.gitlab/CODEOWNERS']), 'gitlab .gitlab/CODEOWNERS');
    assert.equal(pick(['.gitlab/CODEOWNERS'], github), 'gitlab .gitlab/CODEOWNERS');
    // GitLab reads the root first, then docs/, then .gitlab/; GitHub reads .github/, the root, docs/.
    assert.equal(pick(['CODEOWNERS', '.gitlab/CODEOWNERS']), 'gitlab CODEOWNERS');
    assert.equal(pick(['docs/CODEOWNERS'], gitlab), 'gitlab docs/CODEOWNERS');
    assert.equal(pick(['docs/CODEOWNERS', '.github/CODEOWNERS']), 'github .github/CODEOWNERS');
    assert.equal(pick(['.github/CODEOWNERS', '.gitlab/CODEOWNERS'], gitlab), 'gitlab .gitlab/CODEOWNERS');
    assert.match(chooseCodeownersFile([], gitlab).reason, /the remote origin is on GitLab/);
  });

  it('GitHub: writes .github/CODEOWNERS, and a GitHub parser gives the pair to its mentor', async () => {
    const repo = repoWith('ben-okafor', 'git@github.com:acme/app.git');
    place(repo, 'docs/README.md', '# docs\n');
    const written = run(repo, 'codeowners', '--write');
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, /^wrote 1 line to \.github\/CODEOWNERS \(GitHub: the remote origin is on GitHub\)$/m);
    const entries = await loadOwners(repo);
    assert.ok(entries, 'codeowners-utils finds the file where GitHub looks');
    assert.deepEqual(matchFile(PLAN, entries)?.owners, ['@ben-okafor']);
    assert.equal(matchFile('src/index.ts', entries), null);
  });

  it('GitHub: keeps using an existing docs/CODEOWNERS, and refuses a GitLab nested group', async () => {
    const repo = repoWith('@acme/mentors', 'https://github.com/acme/app');
    place(repo, 'docs/CODEOWNERS', '* @acme/devs\n');
    assert.equal(run(repo, 'codeowners', '--write').status, 0);
    assert.equal(existsSync(join(repo, '.github/CODEOWNERS')), false);
    const entries = await loadOwners(repo);
    assert.deepEqual(matchFile(PLAN, entries ?? [])?.owners, ['@acme/mentors']);
    assert.deepEqual(matchFile('src/index.ts', entries ?? [])?.owners, ['@acme/devs']);

    const nested = repoWith('@acme/mentors/ben', 'https://github.com/acme/app');
    const refused = run(nested, 'codeowners', '--write');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /"@acme\/mentors\/ben" in people\/ben\.yaml is not a GitHub user name or @org\/team/);
  });

  it('GitLab: writes .gitlab/CODEOWNERS with a nested group, and a GitLab-aware parser reads it', () => {
    const repo = repoWith('@acme/platform/mentors', 'https://gitlab.example.com/acme/platform/app.git');
    const written = run(repo, 'codeowners', '--write');
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, /to \.gitlab\/CODEOWNERS \(GitLab: the remote origin is on GitLab\)/);
    assert.equal(existsSync(join(repo, '.github')), false, 'nothing where GitLab never looks');
    const parsed = new Codeowners(repo);
    assert.equal(parsed.codeownersFilePath, join(repo, '.gitlab/CODEOWNERS'));
    assert.deepEqual(parsed.getOwner(PLAN), ['@acme/platform/mentors']);
  });

  it('GitLab: an existing .gitlab/CODEOWNERS decides without a remote; its sections and lines are kept', () => {
    const repo = repoWith('ben');
    const before = '[Backend][2] @acme/backend\n/src/ @acme/backend\n';
    place(repo, '.gitlab/CODEOWNERS', before);
    const written = run(repo, 'codeowners', '--write');
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, /\.gitlab\/CODEOWNERS \(GitLab: \.gitlab\/CODEOWNERS exists\)/);
    const text = readFileSync(join(repo, '.gitlab/CODEOWNERS'), 'utf8');
    assert.ok(text.startsWith(before));
    // After another section, the block is a section of its own, not part of [Backend].
    assert.match(
      text,
      /^# BEGIN mentoring.*\n\[Mentoring\]\n\/\.mentoring\/pairs\/ana--ben\/ @ben\n# END mentoring\n$/m,
    );
    const parsed = new Codeowners(repo);
    assert.deepEqual(parsed.getOwner(PLAN), ['@ben']);
    assert.deepEqual(parsed.getOwner('src/a.ts'), ['@acme/backend']);
    assert.match(run(repo, 'codeowners', '--write').stdout, /up to date/);
  });
});
