// The parsers of git's output formats, fed what a real git prints in a temp repository, in
// chunks as small as one byte (a pipe delivers output in pieces that split tokens and characters).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_FORMAT, LogParser, type CommitRecord } from '../../src/core/git/logParser';
import {
  BatchReader,
  NulSplitter,
  parseRefRecords,
  parseStatusPaths,
  parseTreeEntry,
  RawDiffReader,
  REF_FORMAT,
  type RawChange,
} from '../../src/core/git/parse';
import { git, removeTempDirs, tempRepo } from './helpers/tempRepo';

/** A file name with a space, a tab, a newline and letters outside ASCII: only NUL separates it. */
const ODD = 'notes/a b\tc\nd ünï 日本.yaml';

function gitBytes(repo: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd: repo, input, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
}

function inChunks(bytes: Buffer, size: number, push: (chunk: Buffer) => void): void {
  for (let i = 0; i < bytes.length; i += size) push(bytes.subarray(i, i + size));
}

function write(repo: string, path: string, text: string): void {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
}

/** Two commits: the second renames, modifies, deletes and adds, including the odd name. */
function repoWithChanges(): { repo: string; first: string; second: string } {
  const repo = tempRepo();
  write(repo, 'plan.yaml', 'status: active\n');
  write(repo, 'old/name.yaml', 'a: 1\nb: 2\nc: 3\nd: 4\n');
  write(repo, 'gone.yaml', 'x: 1\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'first');
  const first = git(repo, 'rev-parse', 'HEAD').trim();
  write(repo, 'plan.yaml', 'status: ended\n');
  mkdirSync(join(repo, 'new'));
  git(repo, 'mv', 'old/name.yaml', 'new/name.yaml');
  git(repo, 'rm', '-q', 'gone.yaml');
  write(repo, ODD, 'odd: true\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'second');
  return { repo, first, second: git(repo, 'rev-parse', 'HEAD').trim() };
}

describe('git output parsers', function () {
  afterEach(removeTempDirs);

  it('NulSplitter: the same tokens whatever the chunk size, multi-byte characters intact', function () {
    const { repo } = repoWithChanges();
    const bytes = gitBytes(repo, ['ls-files', '-z']);
    const expected = ['new/name.yaml', ODD, 'plan.yaml'].sort();
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const tokens: string[] = [];
      const splitter = new NulSplitter((token) => tokens.push(token));
      inChunks(bytes, size, (chunk) => splitter.push(chunk));
      splitter.end();
      assert.deepEqual(tokens.filter(Boolean).sort(), expected, `chunk size ${size}`);
    }
  });

  it('raw diff entries: modify, rename (two paths), delete and add, with blob ids', function () {
    const { repo, first, second } = repoWithChanges();
    const bytes = gitBytes(repo, ['diff-tree', '-r', '-z', '--raw', '--no-abbrev', '-M', first, second]);
    const blob = (rev: string, path: string) => git(repo, 'rev-parse', `${rev}:${path}`).trim();
    for (const size of [1, 5, bytes.length]) {
      const changes: RawChange[] = [];
      const reader = new RawDiffReader((change) => changes.push(change));
      const splitter = new NulSplitter((token) => assert.ok(token === '' || reader.token(token), token));
      inChunks(bytes, size, (chunk) => splitter.push(chunk));
      splitter.end();
      const byPath = new Map(changes.map((change) => [change.path, change]));
      assert.equal(changes.length, 4);
      assert.deepEqual(byPath.get('plan.yaml'), {
        status: 'M',
        oldPath: 'plan.yaml',
        path: 'plan.yaml',
        oldBlob: blob(first, 'plan.yaml'),
        newBlob: blob(second, 'plan.yaml'),
      });
      const renamed = byPath.get('new/name.yaml');
      assert.equal(renamed?.status, 'R');
      assert.equal(renamed?.oldPath, 'old/name.yaml');
      assert.deepEqual(byPath.get('gone.yaml'), {
        status: 'D',
        oldPath: 'gone.yaml',
        path: 'gone.yaml',
        oldBlob: blob(first, 'gone.yaml'),
        newBlob: undefined,
      });
      assert.equal(byPath.get(ODD)?.status, 'A');
      assert.equal(byPath.get(ODD)?.oldBlob, undefined);
    }
  });

  it('log records: header fields and each commit’s changes, newest first', function () {
    const { repo, first, second } = repoWithChanges();
    const bytes = gitBytes(repo, ['log', '--raw', '-z', '--no-abbrev', '-M', LOG_FORMAT]);
    for (const size of [1, 13, bytes.length]) {
      const commits: CommitRecord[] = [];
      const parser = new LogParser((commit) => commits.push(commit));
      inChunks(bytes, size, (chunk) => parser.push(chunk));
      parser.end();
      assert.deepEqual(
        commits.map((commit) => commit.id),
        [second, first],
      );
      const [newest, oldest] = commits;
      assert.deepEqual(newest.parents, [first]);
      assert.deepEqual(oldest.parents, []);
      assert.equal(newest.authorName, 'Ana Example');
      assert.equal(newest.authorEmail, 'ana@example.com');
      assert.match(newest.authorDate, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/);
      assert.deepEqual(newest.changes.map((change) => `${change.status} ${change.path}`).sort(), [
        'A ' + ODD,
        'D gone.yaml',
        'M plan.yaml',
        'R new/name.yaml',
      ]);
      assert.deepEqual(oldest.changes.map((change) => `${change.status} ${change.path}`).sort(), [
        'A gone.yaml',
        'A old/name.yaml',
        'A plan.yaml',
      ]);
    }
  });

  it('ls-tree entries: mode, type, id and the path relative to the top', function () {
    const { repo, second } = repoWithChanges();
    const entries = gitBytes(repo, ['ls-tree', '-r', '-z', '--full-tree', second])
      .toString('utf8')
      .split('\0')
      .map(parseTreeEntry)
      .filter((entry) => entry !== undefined);
    assert.deepEqual(
      entries.map((entry) => entry.path),
      ['new/name.yaml', ODD, 'plan.yaml'],
    );
    assert.deepEqual(entries[2], {
      mode: '100644',
      type: 'blob',
      id: git(repo, 'rev-parse', `${second}:plan.yaml`).trim(),
      path: 'plan.yaml',
    });
    assert.equal(parseTreeEntry(''), undefined);
  });

  it('cat-file --batch: contents in request order; missing names (even with spaces) and trees give undefined', function () {
    const { repo, second } = repoWithChanges();
    const names = [
      `${second}:plan.yaml`,
      `${second}:no such file.yaml`,
      `${second}:new`,
      `${second}:${ODD.replace('\n', '')}`,
    ];
    names.push(`${second}:new/name.yaml`);
    const bytes = gitBytes(repo, ['cat-file', '--batch'], names.map((name) => `${name}\n`).join(''));
    for (const size of [1, 4, bytes.length]) {
      const contents: (string | undefined)[] = [];
      const reader = new BatchReader((content) => contents.push(content?.toString('utf8')));
      inChunks(bytes, size, (chunk) => reader.push(chunk));
      assert.deepEqual(contents, ['status: ended\n', undefined, undefined, undefined, 'a: 1\nb: 2\nc: 3\nd: 4\n']);
    }
    const headers = Buffer.from(`HEAD:a b c missing\nabc ambiguous\n${'a'.repeat(40)} blob 2\nhi\n`);
    const contents: (string | undefined)[] = [];
    new BatchReader((content) => contents.push(content?.toString('utf8'))).push(headers);
    assert.deepEqual(contents, [undefined, undefined, 'hi']);
  });

  it('for-each-ref records: name, commit, author email without brackets, ISO date', function () {
    const { repo, first, second } = repoWithChanges();
    git(repo, 'branch', 'mentoring/ana--ben/plan-2026-11-21', first);
    const out = git(repo, 'for-each-ref', REF_FORMAT, '--', 'refs/heads/');
    const refs = parseRefRecords(out);
    assert.deepEqual(
      refs.map((ref) => [ref.ref, ref.commit, ref.authorEmail]),
      [
        ['refs/heads/main', second, 'ana@example.com'],
        ['refs/heads/mentoring/ana--ben/plan-2026-11-21', first, 'ana@example.com'],
      ],
    );
    assert.match(refs[0].date, /^\d{4}-\d{2}-\d{2}T/);
  });

  it('status --porcelain=v1 -z: every changed, staged and untracked path, odd names whole', function () {
    const { repo } = repoWithChanges();
    write(repo, 'plan.yaml', 'status: paused\n');
    write(repo, 'new/name.yaml', 'staged: true\n');
    git(repo, 'add', 'new/name.yaml');
    write(repo, 'untracked file.yaml', 'u: 1\n');
    git(repo, 'rm', '-q', '--cached', ODD);
    const out = git(repo, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames');
    assert.deepEqual(
      parseStatusPaths(out).sort(),
      [ODD, ODD, 'new/name.yaml', 'plan.yaml', 'untracked file.yaml'].sort(),
    );
  });
});
