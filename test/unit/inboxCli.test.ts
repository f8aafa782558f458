// `mentoring inbox` and `mentoring news` as a terminal or a CI job runs them (dist/cli.js).
import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, removeTempDirs, tempDir, tempRepo } from './helpers/tempRepo';
import { FILES, inboxScenario, TODAY } from './inboxScenario';
import { mentoring, requireBuiltCli } from './helpers/cli';

interface Listed {
  me: string;
  today: string;
  items: { kind: string; pair: string; text: string; file: string; line?: number; ageDays?: number }[];
}

function inboxJson(repo: string, ...args: string[]): Listed {
  const result = mentoring(repo, 'inbox', '--json', ...args);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Listed;
}

describe('mentoring inbox and news (command line)', function () {
  this.timeout(60_000);
  before(requireBuiltCli);
  afterEach(removeTempDirs);

  it('inbox --json for each role; a coordinator gets no pair words', () => {
    const repo = inboxScenario();

    const mentor = inboxJson(repo); // git's user.email is Ben's
    assert.equal(mentor.me, 'ben');
    assert.equal(mentor.today, TODAY);
    assert.deepEqual(
      mentor.items.map((item) => [item.kind, item.pair]),
      [
        ['feedback-to-answer', 'ana--ben'],
        ['proposal-to-review', 'fay--ben'],
        ['action-due', 'ana--ben'],
        ['agenda-to-read', 'eve--ben'],
      ],
    );
    assert.deepEqual([mentor.items[0].file, mentor.items[0].line, mentor.items[0].ageDays], [FILES.request, 7, 5]);

    const mentee = inboxJson(repo, '--me', 'ana');
    assert.deepEqual(
      mentee.items.map((item) => item.kind),
      ['action-due', 'agenda-missing', 'no-next-session', 'feedback-answered'],
    );

    for (const outsider of ['cleo', 'dan']) {
      const result = mentoring(repo, 'inbox', '--json', '--me', outsider);
      assert.deepEqual((JSON.parse(result.stdout) as Listed).items, []);
      assert.doesNotMatch(result.stdout + result.stderr, /SECRET/);
      const text = mentoring(repo, 'inbox', '--me', outsider);
      assert.equal(text.stdout, `Nothing needs you (${outsider}) right now.\n`);
    }
  });

  it('inbox in words: file and line under each item, control characters escaped; who I am is required', () => {
    const repo = inboxScenario();
    const result = mentoring(repo, 'inbox');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^What needs you \(ben\):\n/);
    assert.ok(result.stdout.includes("Ana asked you for feedback 5 days ago: 'SECRET-QUESTION-1 is this retry policy"));
    assert.ok(result.stdout.includes('\\u001b[31mred'), 'the escape sequence is shown, not run');
    assert.ok(!result.stdout.includes('\u001b'), 'no raw escape character');
    assert.ok(result.stdout.includes(`\n            ${FILES.request}:7\n`));

    git(repo, 'config', 'user.email', 'nobody@example.com');
    const unknown = mentoring(repo, 'inbox');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^mentoring: who are you\? .*--me HANDLE/);
    assert.equal(unknown.stdout, '');
    assert.equal(mentoring(repo, 'inbox', '--me', '--bad').code, 2);
    assert.match(mentoring(repo, 'inbox', '--help').stdout, /--me <handle>/);
  });

  it('news --fetch: what the other side pushed, before I pull it', () => {
    const remote = tempDir('mentoring-remote-');
    git(remote, 'init', '-q', '--bare', '-b', 'main');
    const ana = tempRepo('ana@example.com', 'Ana Lima');
    cpSync(join(__dirname, '../fixtures/valid/.mentoring'), join(ana, '.mentoring'), { recursive: true });
    git(ana, 'add', '-A');
    git(ana, 'commit', '-q', '-m', 'start');
    git(ana, 'remote', 'add', 'origin', remote);
    git(ana, 'push', '-q', '-u', 'origin', 'main');
    const ben = tempDir('mentoring-ben-');
    git(ben, 'clone', '-q', remote, '.');
    git(ben, 'config', 'user.email', 'ben@example.com');
    const seen = git(ben, 'rev-parse', 'HEAD').trim();

    const request = '.mentoring/pairs/ana--ben/feedback/2026-11-30-outbox.yaml';
    writeFileSync(
      join(ana, request),
      'asked_by: ana\nasked_of: ben\nasked: 2026-11-30\nkind: design\nquestion: Outbox or queue?\nstatus: open\n',
    );
    git(ana, 'add', '-A');
    git(ana, 'commit', '-q', '-m', 'ask');
    git(ana, 'push', '-q');

    const news = mentoring(ben, 'news', 'ana--ben', '--since', seen.slice(0, 10), '--fetch');
    assert.equal(news.code, 0, news.stderr);
    assert.match(news.stdout, /^Fetched main from origin\.\nana--ben: 1 new since [0-9a-f]{12}\n/);
    assert.match(
      news.stdout,
      /Ana asked you 'Outbox or queue\?' {2}[0-9a-f]{7} {2}\(on origin\/main, not pulled yet\)/,
    );
    assert.match(news.stdout, /origin\/main is 1 commit ahead of main: pull to bring it in\./);
    assert.equal(git(ben, 'rev-parse', 'HEAD').trim(), seen, 'nothing pulled');

    const json = JSON.parse(mentoring(ben, 'news', '--json', '--since', seen).stdout) as {
      pairs: { pair: string; behindRemote: number; seen: string; entries: { text: string }[] }[];
    };
    assert.deepEqual(
      json.pairs.map((pair) => [pair.pair, pair.behindRemote, pair.entries.length]),
      [['ana--ben', 1, 1]],
    );
    const next = mentoring(ben, 'news', '--since', json.pairs[0].seen);
    assert.match(next.stdout, /^ana--ben: nothing new since /);

    const bad = mentoring(ben, 'news', '--since', 'no-such-commit');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /"no-such-commit" is not a commit/);
    assert.equal(mentoring(ben, 'news', 'ana--ben', '--me', 'cleo').code, 1);
  });
});
