import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { timelineContext, timelineInWords } from '../../src/core/app/timeline';
import { loadMentoring } from '../../src/core/folder/load';
import { historyHealth } from '../../src/core/health/figures';
import { clearHistoryCache, readHistory } from '../../src/core/history';
import { git, removeTempDirs, tempDir } from './helpers/tempRepo';
import { buildScenario, commitAs, installProgramTrap, PAIR_DIR } from './historyScenario';

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
    // Decided: the sidebar's sentences (who by first name, session dates as "Feb 6", how far
    // ahead an agenda was committed), so no author column; an author missing from people/ is flagged.
    assert.match(log.stdout, /^2026-01\n {2}01-05 {2}Ben proposed the relationship {2}[0-9a-f]{7}$/m);
    assert.match(log.stdout, /^2026-02$/m);
    assert.match(
      log.stdout,
      /^ {2}01-30 {2}Carol Outsider asked Ben 'Is this retry policy safe\?' {2}[0-9a-f]{7} {2}\(carol@elsewhere\.org is not in people\/\)$/m,
    );
    assert.match(log.stdout, /02-06 {2}Ana prepared the agenda for Feb 6 — committed on the day {2}[0-9a-f]{7}$/m);

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

  it('health of all pairs from the summary after a new commit prints what a cold walk gives', async () => {
    const { repo } = buildScenario();
    const healthJson = () => {
      const run = mentoring(repo, ['health', '--json']);
      assert.equal(run.code, 0, run.stderr);
      return JSON.parse(run.stdout) as { today: string; head: string; pairs: unknown[]; program: unknown };
    };
    healthJson();
    const stored = join(repo, '.git', 'mentoring');
    assert.ok(existsSync(stored), 'health of all pairs keeps its summary under .git/mentoring');
    commitAs(repo, 'ana', '2026-03-01', 'agenda', {
      [`${PAIR_DIR}/sessions/2026-03-05.yaml`]: 'date: 2026-03-05\nprepared_by: ana\nobjectives:\n  - Next\n',
    });
    const restarted = healthJson();
    rmSync(stored, { recursive: true, force: true });
    assert.deepEqual(healthJson(), restarted);
    // The same figures the whole log gives, in this process.
    clearHistoryCache();
    const walked = await readHistory(repo, { noCache: true });
    const cold = historyHealth(walked, restarted.today);
    assert.equal(restarted.head, walked.head);
    assert.deepEqual(restarted.pairs, JSON.parse(JSON.stringify(cold.pairs)));
    assert.deepEqual(restarted.program, JSON.parse(JSON.stringify(cold.program)));
  });

  it("log writes the sidebar's sentences, with what stays between the pair only for the pair", async () => {
    const { repo } = buildScenario();
    const pair = 'ana--ben';
    // As the sidebar's timeline calls the core (src/extension/history/historyView.ts).
    const history = await readHistory(repo, { folder: '.mentoring', pair });
    const model = await loadMentoring(repo, { folder: '.mentoring' });
    const sidebar = (hidePrivate: boolean) =>
      timelineInWords(history, pair, timelineContext(model, history, pair, { private: hidePrivate }), {
        newestFirst: true,
      }).map(({ event, text }) => `${event.commit} ${text}`);
    const cliLog = () => {
      const json = JSON.parse(mentoring(repo, ['log', pair, '--json']).stdout) as {
        events: { commit: string; text: string }[];
      };
      const lines = mentoring(repo, ['log', pair]).stdout;
      for (const { commit, text } of json.events) assert.ok(lines.includes(`${text}  ${commit.slice(0, 7)}`), text);
      return {
        all: lines + JSON.stringify(json),
        sentences: json.events.map(({ commit, text }) => `${commit} ${text}`),
      };
    };

    // Decided: git's user.email says who runs the command, as it does in the sidebar. Ana is the mentee.
    const asAna = cliLog();
    // The same sentence for each event (the sidebar lists newest first, the log oldest first).
    assert.deepEqual([...asAna.sentences].sort(), [...sidebar(false)].sort());
    assert.match(asAna.all, /Ana marked 'Draft the design' done/);

    // Carol is not part of the pair: she reads what a coordinator reads.
    git(repo, 'config', 'user.email', 'carol@elsewhere.org');
    const asCarol = cliLog();
    assert.deepEqual([...asCarol.sentences].sort(), [...sidebar(true)].sort());
    const [member, coordinator] = [sidebar(false), sidebar(true)];
    assert.ok(member.some((line) => line.endsWith("Ana asked Ben 'Is this retry policy safe?'")));
    // Two actions done, two requests, one answer: nothing else differs.
    assert.equal(member.filter((line, index) => line !== coordinator[index]).length, 5);
    assert.doesNotMatch(asCarol.all, /Draft the design|retries chapter|retry policy/);
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
