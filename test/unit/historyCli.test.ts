import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, tempDir } from './helpers/tempRepo';
import { buildScenario, installProgramTrap } from './historyScenario';

const CLI = join(__dirname, '../../dist/cli.js');

function mentoring(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('mentoring log and health (command line)', () => {
  before(() => assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first'));
  afterEach(removeTempDirs);

  it('log groups the timeline by month; health prints the figures; neither runs repository programs', () => {
    const { repo, commits } = buildScenario();
    const marker = installProgramTrap(repo);

    const log = mentoring(repo, ['log', 'ana--ben']);
    assert.equal(log.code, 0, log.stderr);
    assert.match(log.stdout, /^2026-01\n {2}01-05 {2}ben +proposed the relationship {2}[0-9a-f]{7}$/m);
    assert.match(log.stdout, /^2026-02$/m);
    assert.match(log.stdout, /01-30 {2}carol@elsewhere\.org \(not in people\/\) asked ben feedback/);
    assert.match(log.stdout, /02-06 {2}ana +prepared the agenda for 2026-02-06 \(not before the session\)/);

    const json = JSON.parse(mentoring(repo, ['log', 'ana--ben', '--json']).stdout) as {
      head: string;
      events: { kind: string }[];
    };
    assert.equal(json.head, commits.c16);
    assert.equal(json.events.length, 17);

    const health = mentoring(repo, ['health', 'ana--ben']);
    assert.equal(health.code, 0, health.stderr);
    assert.match(health.stdout, /agendas in advance +2 of 3 committed before their session \(67%\)/);
    assert.match(
      health.stdout,
      /mentee drives +7 of 10 \(70%\): agendas 3\/3, feedback requests 1\/2, plan edits 3\/5/,
    );
    const all = JSON.parse(mentoring(repo, ['health', '--json']).stdout) as {
      pairs: unknown[];
      program: { pairs: number };
    };
    assert.equal(all.program.pairs, 1);
    assert.equal(all.pairs.length, 1);

    assert.equal(existsSync(marker), false, 'a repository-configured program ran');
  });

  it('says so, with a non-zero exit, when git is missing or the folder is not a repository', () => {
    const { repo } = buildScenario();
    const noGit = mentoring(repo, ['log', 'ana--ben'], { ...process.env, PATH: tempDir() });
    assert.notEqual(noGit.code, 0);
    assert.match(noGit.stderr, /git was not found on PATH/);
    assert.doesNotMatch(noGit.stderr, /\n\s+at /);
    const health = mentoring(repo, ['health'], { ...process.env, PATH: tempDir() });
    assert.notEqual(health.code, 0);
    assert.match(health.stderr, /git was not found on PATH/);

    const plain = tempDir();
    const notRepo = mentoring(plain, ['log', 'ana--ben']);
    assert.equal(notRepo.code, 1);
    assert.match(notRepo.stderr, /not a git repository/);
    assert.equal(mentoring(repo, ['log', '../etc']).code, 2);
  });
});
