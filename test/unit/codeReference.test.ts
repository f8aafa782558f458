// Mentoring in its own repository: what a request about code records when the code is in another
// repository (origin URL without credentials, HEAD, path, lines), how the request is found again in
// a clone of that repository, and which `mentoring.repository` values are refused. Real git
// repositories: a code repository with an origin remote, a separate mentoring repository.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { codeAt, codeReference, findClone } from '../../src/core/app/codeReference';
import { mentoringRepository } from '../../src/core/app/mentoringRepository';
import { newFeedbackText } from '../../src/core/edit/feedback';
import { EditError } from '../../src/core/edit/errors';
import { hasCredentials, repositoryKey, withoutCredentials } from '../../src/core/git/remoteUrls';
import { loadMentoring } from '../../src/core/folder/load';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';

const ORIGIN_WITH_TOKEN = 'https://ana:s3cr3t-token@git.example.com/team/service.git';
const ORIGIN = 'https://git.example.com/team/service.git';
const RETRY = ['export function retry() {', '  const delays = [1, 2, 4];', '  return delays;', '}', ''].join('\n');

/** A code repository with src/export/retry.ts committed and an origin whose URL carries a token. */
function codeRepo(origin: string | null = ORIGIN_WITH_TOKEN): { dir: string; file: string; head: string } {
  const dir = tempRepo();
  mkdirSync(join(dir, 'src', 'export'), { recursive: true });
  const file = join(dir, 'src', 'export', 'retry.ts');
  writeFileSync(file, RETRY);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'retry');
  if (origin) git(dir, 'remote', 'add', 'origin', origin);
  return { dir, file, head: git(dir, 'rev-parse', 'HEAD').trim() };
}

/** A separate mentoring repository: the valid fixture, committed. */
function mentoringRepo(): string {
  const dir = tempRepo();
  cpSync(resolve(__dirname, '../fixtures/valid/.mentoring'), join(dir, '.mentoring'), { recursive: true });
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'mentoring');
  return dir;
}

describe('code reference: feedback on code in another repository', function () {
  this.timeout(20_000);
  afterEach(removeTempDirs);

  it('records the origin URL without the token, HEAD, the path from the repository top and the lines', async () => {
    const code = codeRepo();
    const reference = await codeReference(code.file, [2, 3], mentoringRepo());
    assert.deepEqual(reference, {
      repository: ORIGIN,
      path: 'src/export/retry.ts',
      lines: [2, 3],
      commit: code.head,
      uncommitted: false,
    });
  });

  it('says when the file has changes that are not committed (the lines may not match the commit)', async () => {
    const code = codeRepo();
    writeFileSync(code.file, `// changed\n${RETRY}`);
    const reference = await codeReference(code.file, [2, 3], mentoringRepo());
    assert.equal(reference.uncommitted, true);
    assert.equal(reference.commit, code.head);
  });

  it('names no repository when the code is in the mentoring repository itself', async () => {
    const code = codeRepo();
    const reference = await codeReference(code.file, [1, 1], code.dir);
    assert.equal(reference.repository, undefined);
    assert.equal(reference.path, 'src/export/retry.ts');
    assert.equal(reference.commit, code.head);
  });

  it('says so when the code repository has no origin, and refuses a file outside any repository', async () => {
    const code = codeRepo(null);
    const reference = await codeReference(code.file, [1, 2], mentoringRepo());
    assert.equal(reference.noOrigin, true);
    assert.equal(reference.repository, undefined);
    const loose = join(tempDir(), 'loose.ts');
    writeFileSync(loose, 'x\n');
    await assert.rejects(codeReference(loose, [1, 1], mentoringRepo()), /is not in a git repository/);
    // A workspace without git that holds the mentoring folder itself: the path alone.
    assert.deepEqual(await codeReference(loose, [1, 1], resolve(loose, '..')), {
      path: 'loose.ts',
      lines: [1, 1],
      uncommitted: true,
    });
  });

  it('the request written in the mentoring repository validates and names repository and commit', async () => {
    const code = codeRepo();
    const mentoring = mentoringRepo();
    const reference = await codeReference(code.file, [2, 3], mentoring);
    const text = newFeedbackText({
      askedBy: 'ana',
      askedOf: 'ben',
      asked: '2026-11-25',
      kind: 'code',
      code: reference,
      question: 'Are these delays enough?',
    });
    assert.ok(!text.includes('s3cr3t'), text);
    assert.match(
      text,
      new RegExp(
        `code:\\n  repository: ${ORIGIN.replace(/\./g, '\\.')}\\n  path: src/export/retry\\.ts\\n  lines: \\[2, 3\\]\\n  commit: ${code.head}\\n`,
      ),
    );
    writeFileSync(join(mentoring, '.mentoring/pairs/ana--ben/feedback/2026-11-25-delays.yaml'), text);
    const model = await loadMentoring(mentoring);
    assert.deepEqual(model.problems, []);
    assert.deepEqual(model.pairs[0].feedback.find((f) => f.rel.endsWith('delays.yaml'))?.data?.code, {
      repository: ORIGIN,
      path: 'src/export/retry.ts',
      lines: [2, 3],
      commit: code.head,
    });
  });

  it('a request is never written with credentials in the repository URL', () => {
    const request = {
      askedBy: 'ana',
      askedOf: 'ben',
      asked: '2026-11-25',
      kind: 'code' as const,
      question: 'q',
      code: { repository: ORIGIN_WITH_TOKEN, path: 'a.ts', lines: [1, 1] as [number, number], commit: 'abcdef1' },
    };
    assert.throws(
      () => newFeedbackText(request),
      (error: unknown) => error instanceof EditError && /user name or password/.test(error.message),
    );
  });

  it('validation reports a repository URL with credentials and a repository without a commit', async () => {
    const mentoring = mentoringRepo();
    const rel = '.mentoring/pairs/ana--ben/feedback/2026-11-26-leak.yaml';
    writeFileSync(
      join(mentoring, rel),
      [
        'asked_by: ana',
        'asked_of: ben',
        'asked: 2026-11-26',
        'kind: code',
        'code:',
        `  repository: ${ORIGIN_WITH_TOKEN}`,
        '  path: src/export/retry.ts',
        '  lines: [1, 2]',
        'question: Is this right?',
        'status: open',
        '',
      ].join('\n'),
    );
    const problems = (await loadMentoring(mentoring)).problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], new RegExp(`^${rel}:6:3: code\\.repository carries a user name or password`));
    assert.match(
      problems[1],
      new RegExp(`^${rel}:6:3: code\\.repository names another repository but code\\.commit is missing`),
    );
  });

  it('finds the clone with that remote (whatever its spelling) and reads the file at the commit recorded', async () => {
    const code = codeRepo();
    const reference = await codeReference(code.file, [2, 3], mentoringRepo());
    // The mentor's clone, its origin spelled the SSH way; the file changed after the request.
    const mentorClone = tempDir();
    git(mentorClone, 'clone', '-q', code.dir, '.');
    git(mentorClone, 'remote', 'set-url', 'origin', 'git@git.example.com:team/service');
    writeFileSync(code.file, 'export const changed = true;\n');
    git(code.dir, 'commit', '-q', '-am', 'changed');
    git(mentorClone, 'pull', '-q', code.dir, 'main');
    const other = codeRepo('https://git.example.com/team/other.git');
    const clone = await findClone([other.dir, tempDir(), mentorClone], reference.repository ?? '');
    assert.equal(resolve(clone ?? ''), resolve(git(mentorClone, 'rev-parse', '--show-toplevel').trim()));
    assert.equal(await codeAt(clone ?? '', reference.commit ?? '', reference.path), RETRY);
    assert.equal(await findClone([other.dir], reference.repository ?? ''), undefined);
    assert.equal(await codeAt(clone ?? '', 'abcdef0123', reference.path), undefined, 'a commit the clone lacks');
    await assert.rejects(
      codeAt(clone ?? '', reference.commit ?? '', '../etc/passwd'),
      /not a path inside a repository/,
    );
  });

  it('remote URLs: credentials taken out, spellings of one repository compared equal', () => {
    assert.equal(withoutCredentials(ORIGIN_WITH_TOKEN), ORIGIN);
    assert.equal(
      withoutCredentials('https://x-access-token@github.com/team/svc.git'),
      'https://github.com/team/svc.git',
    );
    assert.equal(withoutCredentials('ssh://git:pw@host.example/team/svc.git'), 'ssh://git@host.example/team/svc.git');
    assert.equal(withoutCredentials('git@github.com:team/svc.git'), 'git@github.com:team/svc.git');
    assert.equal(hasCredentials(ORIGIN_WITH_TOKEN), true);
    assert.equal(hasCredentials('ssh://git@host/x'), false);
    assert.equal(hasCredentials('git@github.com:team/svc.git'), false);
    const key = repositoryKey('https://GitHub.com/team/svc.git');
    for (const same of [
      'git@github.com:team/svc',
      'ssh://git@github.com:22/team/svc.git/',
      'https://tok@github.com/team/svc',
    ])
      assert.equal(repositoryKey(same), key, same);
    assert.notEqual(repositoryKey('https://github.com/team/svc2'), key);
  });

  it('mentoring.repository: a clone, ~ expanded; a relative path or a folder without .git refused with a clear message', () => {
    const clone = mentoringRepo();
    const home = resolve(clone, '..');
    assert.deepEqual(mentoringRepository(''), { kind: 'workspace' });
    assert.deepEqual(mentoringRepository(clone), { kind: 'clone', root: clone });
    assert.deepEqual(mentoringRepository(`~/${clone.slice(home.length + 1)}`, home), { kind: 'clone', root: clone });
    const relative = mentoringRepository('mentoring');
    assert.equal(relative.kind, 'refused');
    assert.match(
      relative.kind === 'refused' ? relative.message : '',
      /"mentoring" is not an absolute path\. Set it to the folder of a clone/,
    );
    const plain = tempDir();
    const notClone = mentoringRepository(plain);
    assert.match(notClone.kind === 'refused' ? notClone.message : '', /is not a git clone: there is no \.git in it/);
    const missing = mentoringRepository(join(plain, 'nowhere'));
    assert.equal(missing.kind, 'refused');
  });
});
