// The git layer's runner and repository operations, against real repositories in temp folders.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffTree, isAncestor, listTree, walkLog } from '../../src/core/git/commits';
import type { CommitRecord } from '../../src/core/git/logParser';
import { ObjectReader, readObjects } from '../../src/core/git/objects';
import {
  gitDirectory,
  headCommit,
  restoreFromHead,
  topLevel,
  trackedFiles,
  uncommittedPaths,
  untrack,
  userEmail,
} from '../../src/core/git/repository';
import { GitError, runGit } from '../../src/core/git/runner';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';
import { installProgramTrap } from './historyScenario';

function write(repo: string, path: string, text: string): void {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
}

function commitAll(repo: string, message: string): string {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', message);
  return git(repo, 'rev-parse', 'HEAD').trim();
}

/** Runs `body` with environment variables changed, then puts them back. */
async function withEnv(vars: Record<string, string>, body: () => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  try {
    await body();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe('git layer: runner', function () {
  afterEach(removeTempDirs);

  it('read-only operations never run programs the repository configures', async function () {
    const repo = tempRepo();
    write(repo, '.mentoring/plan.yaml', 'a: 1\n');
    const head = commitAll(repo, 'one');
    const marker = installProgramTrap(repo);
    write(repo, '.mentoring/plan.yaml', 'a: 2\n');
    await uncommittedPaths(repo, '.mentoring');
    await trackedFiles(repo, '.mentoring');
    await listTree(repo, head, ['.mentoring']);
    await walkLog(repo, head, ['.mentoring'], () => undefined);
    await readObjects(repo, [`${head}:.mentoring/plan.yaml`]);
    assert.equal(existsSync(marker), false, 'a repository-configured program ran');
    spawnSync('git', ['status'], { cwd: repo, stdio: 'ignore' }); // the trap is live
    assert.equal(existsSync(marker), true);
  });

  it('ignores inherited git variables: GIT_DIR, GIT_CONFIG_*, an editor', async function () {
    const repo = tempRepo();
    write(repo, 'a.yaml', 'a: 1\n');
    const head = commitAll(repo, 'one');
    await withEnv(
      {
        GIT_DIR: join(tempDir(), 'elsewhere'),
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'user.email',
        GIT_CONFIG_VALUE_0: 'intruder@example.com',
        GIT_EDITOR: 'false',
      },
      async () => {
        assert.equal(await headCommit(repo), head);
        assert.equal(await userEmail(repo), 'ana@example.com');
      },
    );
  });

  it('a non-zero exit is a GitError, even when git prints nothing', async function () {
    const repo = tempRepo();
    await assert.rejects(runGit(repo, ['config', '--get', 'no.such-key']), GitError);
    assert.equal(await headCommit(repo), undefined);
    await assert.rejects(runGit(tempDir(), ['status']), /this folder is not a git repository/);
  });

  it('stops a command that takes longer than its time limit', async function () {
    const repo = tempRepo();
    const stuck = runGit(repo, ['cat-file', '--batch'], { input: () => undefined, timeoutMs: 300 });
    await assert.rejects(stuck, /git cat-file took longer than 0.3 s and was stopped/);
  });

  it('says so when git is not on PATH', async function () {
    const repo = tempRepo();
    await withEnv({ PATH: join(tempDir(), 'no-git-here') }, async () => {
      await assert.rejects(runGit(repo, ['status']), /git was not found on PATH/);
    });
  });
});

describe('git layer: repository operations', function () {
  afterEach(removeTempDirs);

  it('where the repository is, seen from a subfolder; nothing outside one', async function () {
    const repo = tempRepo();
    mkdirSync(join(repo, 'sub'));
    assert.equal(await topLevel(join(repo, 'sub')), realpathSync(repo));
    assert.equal(await gitDirectory(join(repo, 'sub')), join(realpathSync(repo), '.git'));
    assert.equal(await topLevel(tempDir()), undefined);
  });

  it('reads objects in request order: duplicates, missing files, trees, paths relative to a subfolder', async function () {
    const repo = tempRepo();
    write(repo, 'sub/a.yaml', 'a: 1\n');
    write(repo, 'b.yaml', 'b: 2\n');
    const head = commitAll(repo, 'one');
    const blobB = git(repo, 'rev-parse', `${head}:b.yaml`).trim();
    const names = [
      `${head}:b.yaml`,
      `${head}:sub/a.yaml`,
      `${head}:missing file.yaml`,
      `${head}:sub`,
      blobB,
      `${head}:b.yaml`,
    ];
    const contents = await readObjects(repo, names);
    assert.deepEqual(
      contents.map((content) => content?.toString('utf8')),
      ['b: 2\n', 'a: 1\n', undefined, undefined, 'b: 2\n', 'b: 2\n'],
    );
    const [relative] = await readObjects(join(repo, 'sub'), [`${head}:./a.yaml`]);
    assert.equal(relative?.toString('utf8'), 'a: 1\n');
    await assert.rejects(readObjects(repo, ['--batch-all-objects']), GitError);
    await assert.rejects(readObjects(repo, [`${head}:b.yaml\nHEAD:sub/a.yaml`]), GitError);
  });

  it('an ObjectReader takes requests while running and answers each name once', async function () {
    const repo = tempRepo();
    write(repo, 'a.yaml', 'a: 1\n');
    const head = commitAll(repo, 'one');
    const answers: [string, string | undefined][] = [];
    const reader = new ObjectReader(repo, (name, content) => answers.push([name, content?.toString('utf8')]));
    const blob = git(repo, 'rev-parse', `${head}:a.yaml`).trim();
    reader.request(blob);
    await new Promise((resolve) => setTimeout(resolve, 50));
    reader.request(blob);
    reader.request('0'.repeat(40));
    await reader.finish();
    assert.deepEqual(answers, [
      [blob, 'a: 1\n'],
      ['0'.repeat(40), undefined],
    ]);
  });

  it('lists a tree and diffs two, taking folder names literally (a "*" is not a pattern)', async function () {
    const repo = tempRepo();
    write(repo, 'm*/plan.yaml', 'a: 1\n');
    write(repo, 'mx/plan.yaml', 'x: 1\n');
    write(repo, 'm*/old.yaml', 'o: 1\n');
    const first = commitAll(repo, 'one');
    write(repo, 'm*/plan.yaml', 'a: 2\n');
    git(repo, 'rm', '-q', 'm*/old.yaml');
    write(repo, 'mx/plan.yaml', 'x: 2\n');
    const second = commitAll(repo, 'two');
    const entries = await listTree(repo, first, ['m*']);
    assert.deepEqual(
      entries.map((entry) => [entry.path, entry.type]),
      [
        ['m*/old.yaml', 'blob'],
        ['m*/plan.yaml', 'blob'],
      ],
    );
    const changed: [string, string | undefined][] = [];
    await diffTree(repo, first, second, ['m*'], (path, blob) => changed.push([path, blob]));
    assert.deepEqual(changed, [
      ['m*/old.yaml', undefined],
      ['m*/plan.yaml', git(repo, 'rev-parse', `${second}:m*/plan.yaml`).trim()],
    ]);
  });

  it('walks the log of a folder over a range, with each commit’s changes', async function () {
    const repo = tempRepo();
    write(repo, 'f/a.yaml', 'a: 1\n');
    const first = commitAll(repo, 'one');
    write(repo, 'outside.txt', 'x\n');
    commitAll(repo, 'outside the folder');
    write(repo, 'f/a.yaml', 'a: 2\n');
    const third = commitAll(repo, 'three');
    const all: CommitRecord[] = [];
    await walkLog(repo, third, ['f'], (commit) => all.push(commit));
    assert.deepEqual(
      all.map((commit) => commit.id),
      [third, first],
    );
    const since: CommitRecord[] = [];
    await walkLog(repo, `${first}..${third}`, ['f'], (commit) => since.push(commit));
    assert.deepEqual(
      since.map((commit) => [commit.id, commit.changes.map((change) => `${change.status} ${change.path}`)]),
      [[third, ['M f/a.yaml']]],
    );
    assert.equal(await isAncestor(repo, first, third), true);
    assert.equal(await isAncestor(repo, third, first), false);
  });

  it('sets a path back to HEAD; untracks one', async function () {
    const repo = tempRepo();
    write(repo, 'a.yaml', 'a: 1\n');
    write(repo, 'b.yaml', 'b: 1\n');
    commitAll(repo, 'one');
    write(repo, 'a.yaml', 'a: 2\n');
    write(repo, 'b.yaml', 'b: 2\n');
    git(repo, 'commit', '-q', '-m', 'only a', '--', 'a.yaml');
    assert.deepEqual(await uncommittedPaths(repo, '.'), ['b.yaml']);
    await restoreFromHead(repo, 'b.yaml');
    assert.deepEqual(await uncommittedPaths(repo, '.'), []);
    await untrack(repo, 'b.yaml');
    assert.deepEqual(await trackedFiles(repo, '.'), ['a.yaml']);
    await untrack(repo, 'never-tracked.yaml');
  });
});
