// `mentoring remind` as a terminal or a scheduled CI job runs it (dist/cli.js), in each format,
// on the scripted repository of remind.test.ts with its fixed day passed as --today.
import assert from 'node:assert/strict';
import { todayIn } from '../../src/core/app/today';
import { removeTempDirs } from './helpers/tempRepo';
import { day, remindScenario, TODAY } from './remindScenario';
import { mentoring, requireBuiltCli } from './helpers/cli';

describe('mentoring remind (command line)', function () {
  this.timeout(60_000);
  before(requireBuiltCli);
  afterEach(removeTempDirs);

  it('json: who, which day, and each reminder with its file; the unshared agenda is found through git', () => {
    const repo = remindScenario();
    const ben = mentoring(repo, 'remind', '--format', 'json', '--today', TODAY); // git's user.email is Ben's
    assert.equal(ben.code, 0, ben.stderr);
    const parsed = JSON.parse(ben.stdout) as { me: string; today: string; reminders: { kind: string; file: string }[] };
    assert.deepEqual([parsed.me, parsed.today], ['ben', TODAY]);
    assert.deepEqual(
      parsed.reminders.map((r) => [r.kind, r.file]),
      [
        ['action-due', `.mentoring/pairs/ana--ben/sessions/${day(-12)}.yaml`],
        ['feedback-waiting', `.mentoring/pairs/ana--ben/feedback/${day(-4)}-retry.yaml`],
      ],
    );
    const eve = JSON.parse(mentoring(repo, 'remind', '--me', 'eve', '--format', 'json', '--today', TODAY).stdout) as {
      reminders: { kind: string }[];
    };
    assert.deepEqual(
      eve.reminders.map((r) => r.kind),
      ['agenda-not-shared'],
    );
    // Without --today: the day in Ben's time zone (Los Angeles), whatever the machine's zone.
    const now = JSON.parse(mentoring(repo, 'remind', '--format', 'json').stdout) as { today: string };
    assert.ok(
      [todayIn('America/Los_Angeles'), todayIn('America/Los_Angeles', new Date(Date.now() - 60_000))].includes(
        now.today,
      ),
    );
  });

  it('text, markdown and github: the same reminders, user text escaped for each reader', () => {
    const repo = remindScenario();
    const text = mentoring(repo, 'remind', '--me', 'ana', '--today', TODAY);
    assert.equal(text.code, 0, text.stderr);
    assert.equal(
      text.stdout,
      `Reminders for ana (${TODAY}):\n` +
        `  ana--ben  The session with Ben tomorrow has no agenda yet\n` +
        `            .mentoring/pairs/ana--ben/sessions/${day(1)}.yaml\n` +
        `  ana--ben  Your action 'Draft the outbox design' was due yesterday (Dec 1)\n` +
        `            .mentoring/pairs/ana--ben/sessions/${day(-12)}.yaml:5\n` +
        `  ana--gil  No session with Gil for 30 days (since Nov 2; you agreed every 14): agree the next one\n` +
        `            .mentoring/pairs/ana--gil/sessions/${day(-30)}.yaml\n`,
    );

    const markdown = mentoring(repo, 'remind', '--me', 'ana', '--today', TODAY, '--format', 'markdown').stdout;
    assert.ok(markdown.startsWith(`### Mentoring reminders for Ana Lima (ana), ${TODAY}\n\n`));
    assert.ok(markdown.includes("- **ana--ben**: Your action 'Draft the outbox design' was due yesterday \\(Dec 1\\)"));
    assert.equal(markdown.match(/^- /gm)?.length, 3);

    const github = mentoring(repo, 'remind', '--me', 'ana', '--today', TODAY, '--format', 'github').stdout;
    const lines = github.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.equal(
      lines[1],
      `::notice file=.mentoring/pairs/ana--ben/sessions/${day(-12)}.yaml,line=5,title=Mentoring reminder for ana (ana--ben)::Your action 'Draft the outbox design' was due yesterday (Dec 1)`,
    );

    const none = mentoring(repo, 'remind', '--me', 'ivy', '--today', TODAY);
    assert.deepEqual([none.code, none.stdout], [0, `Nothing to remind you (ivy) of today (${TODAY}).\n`]);
    const md = mentoring(repo, 'remind', '--me', 'ivy', '--today', TODAY, '--format', 'markdown').stdout;
    assert.ok(md.endsWith('Nothing to remind you of.\n'));
    assert.equal(mentoring(repo, 'remind', '--me', 'ivy', '--today', TODAY, '--format', 'github').stdout, '');
  });

  it('usage errors: a bad date, a bad handle, an unknown format', () => {
    const repo = remindScenario();
    for (const args of [
      ['--today', '2026-02-30'],
      ['--me', 'Not A Handle'],
      ['--format', 'html'],
    ]) {
      const result = mentoring(repo, 'remind', ...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '');
    }
  });
});
