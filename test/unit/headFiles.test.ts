import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headFromFiles, linearDescent, objectsFolder, readLooseObject } from '../../src/core/git/headFiles';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';

function commit(dir: string, name: string): string {
  writeFileSync(join(dir, name), `${name}\n`);
  git(dir, 'add', '--', name);
  git(dir, 'commit', '-q', '-m', name);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** What git itself says, in headFromFiles' shape. */
function fromGit(dir: string): { gitDir: string; toplevel: string; head: string } {
  const [gitDir, toplevel, head] = git(dir, 'rev-parse', '--absolute-git-dir', '--show-toplevel', 'HEAD')
    .trim()
    .split('\n');
  return { gitDir, toplevel, head };
}

describe('HEAD read from the repository files', () => {
  after(removeTempDirs);

  it('matches rev-parse on a branch, in a subfolder, detached, with packed refs and in a linked worktree', () => {
    const dir = tempRepo();
    commit(dir, 'a.txt');
    assert.deepEqual(headFromFiles(dir, {}), fromGit(dir));
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
    assert.deepEqual(headFromFiles(join(dir, 'sub', 'deeper'), {}), fromGit(dir));
    git(dir, 'pack-refs', '--all');
    commit(dir, 'b.txt'); // the branch is loose again, newer than its packed line
    assert.deepEqual(headFromFiles(dir, {}), fromGit(dir));
    git(dir, 'pack-refs', '--all');
    assert.deepEqual(headFromFiles(dir, {}), fromGit(dir));
    git(dir, 'checkout', '-q', '--detach', 'HEAD~1');
    assert.deepEqual(headFromFiles(dir, {}), fromGit(dir));
    git(dir, 'checkout', '-q', '-');
    const other = join(tempDir(), 'linked');
    git(dir, 'worktree', 'add', '-q', '-b', 'side', other);
    commit(other, 'c.txt');
    assert.deepEqual(headFromFiles(other, {}), fromGit(other));
    assert.deepEqual(headFromFiles(dir, {}), fromGit(dir));
  });

  it('leaves to git what it does not read: no commit yet, GIT_DIR set, outside a repository', () => {
    const dir = tempRepo();
    assert.equal(headFromFiles(dir, {}), undefined);
    commit(dir, 'a.txt');
    assert.equal(headFromFiles(dir, { GIT_DIR: join(dir, '.git') }), undefined);
    assert.equal(headFromFiles(join(dir, '.git'), {}), undefined);
    assert.equal(headFromFiles(join(dir, 'missing'), {}), undefined);
  });

  it('follows a line of loose commits back, and no merge or packed commit', () => {
    const dir = tempRepo();
    const first = commit(dir, 'a.txt');
    const second = commit(dir, 'b.txt');
    const third = commit(dir, 'c.txt');
    const gitDir = fromGit(dir).gitDir;
    assert.equal(linearDescent(gitDir, first, third), true);
    assert.equal(linearDescent(gitDir, third, third), true);
    assert.equal(linearDescent(gitDir, third, first), undefined, 'an ancestor does not descend');
    assert.equal(linearDescent(gitDir, first, third, 1), undefined, 'past the limit');
    git(dir, 'checkout', '-q', '-b', 'side', second);
    const side = commit(dir, 'd.txt');
    git(dir, 'checkout', '-q', '-');
    git(dir, 'merge', '-q', '--no-edit', 'side');
    const merge = fromGit(dir).head;
    assert.equal(linearDescent(gitDir, side, merge), undefined, 'a merge');
    git(dir, 'gc', '-q');
    assert.equal(linearDescent(gitDir, first, third), undefined, 'packed');
  });

  it('reads a loose blob as cat-file does, and nothing packed, of another type, linked or spoilt', () => {
    const dir = tempRepo();
    writeFileSync(join(dir, 'a.yaml'), 'title: "é"\n');
    git(dir, 'add', '--', 'a.yaml');
    git(dir, 'commit', '-q', '-m', 'a');
    const objects = objectsFolder(fromGit(dir).gitDir) as string;
    const blob = git(dir, 'rev-parse', 'HEAD:a.yaml').trim();
    assert.deepEqual(
      readLooseObject(objects, blob, 'blob'),
      execFileSync('git', ['-C', dir, 'cat-file', 'blob', blob]),
    );
    assert.equal(readLooseObject(objects, blob, 'commit'), undefined, 'another type');
    assert.equal(readLooseObject(objects, git(dir, 'rev-parse', 'HEAD^{tree}').trim(), 'blob'), undefined, 'a tree');
    assert.equal(readLooseObject(objects, '../../etc/passwd', 'blob'), undefined, 'not an id');
    // From a linked worktree, the objects are the main folder's.
    git(dir, 'worktree', 'add', '-q', join(dir, 'wt'));
    assert.equal(objectsFolder(fromGit(join(dir, 'wt')).gitDir), objects);
    const path = join(objects, blob.slice(0, 2), blob.slice(2));
    const bytes = readFileSync(path);
    rmSync(path, { force: true });
    symlinkSync(join(dir, 'elsewhere'), path);
    writeFileSync(join(dir, 'elsewhere'), bytes);
    assert.equal(readLooseObject(objects, blob, 'blob'), undefined, 'a link');
    rmSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 4));
    assert.equal(readLooseObject(objects, blob, 'blob'), undefined, 'cut short');
    writeFileSync(path, bytes);
    git(dir, 'gc', '-q', '--prune=now');
    assert.equal(readLooseObject(objects, blob, 'blob'), undefined, 'packed');
  });
});
