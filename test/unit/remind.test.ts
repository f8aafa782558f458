// Reminder selection on a scripted repository with a fixed "today" (remindScenario.ts): each
// rule, lead times from the program and the pair, snoozes, paused and ended pairs, and "today"
// taken in the person's own time zone across midnight.
import assert from 'node:assert/strict';
import { mayNeedShareCheck, notSharedFiles, remindersAt, reminders, type Reminder } from '../../src/core/app/remind';
import { todayIn } from '../../src/core/app/today';
import { loadMentoring } from '../../src/core/folder/load';
import { removeTempDirs } from './helpers/tempRepo';
import { day, remindScenario, TODAY } from './remindScenario';

const brief = (items: Reminder[]) => items.map((item) => [item.kind, item.pair, item.text]);

describe('remind: what to remind me of', function () {
  this.timeout(20_000);
  afterEach(removeTempDirs);

  it('the mentee: the session tomorrow without agenda, the overdue action, the quiet relationship', async () => {
    const model = await loadMentoring(remindScenario());
    const items = reminders(model, 'ana', { today: TODAY });
    assert.deepEqual(brief(items), [
      ['agenda-missing', 'ana--ben', 'The session with Ben tomorrow has no agenda yet'],
      ['action-due', 'ana--ben', `Your action 'Draft the outbox design' was due yesterday (Dec 1)`],
      [
        'relationship-quiet',
        'ana--gil',
        'No session with Gil for 30 days (since Nov 2; you agreed every 14): agree the next one',
      ],
    ]);
    assert.equal(items[0].file, `.mentoring/pairs/ana--ben/sessions/${day(1)}.yaml`);
    assert.equal(items[2].file, `.mentoring/pairs/ana--gil/sessions/${day(-30)}.yaml`);
  });

  it('the mentor: the action due within two days and the request open three days or more, not the newer one', async () => {
    const model = await loadMentoring(remindScenario());
    assert.deepEqual(brief(reminders(model, 'ben', { today: TODAY })), [
      ['action-due', 'ana--ben', "Your action 'Send Ana the checklist' is due on Dec 4 (in 2 days)"],
      ['feedback-waiting', 'ana--ben', "Ana asked you for feedback 4 days ago: 'Is this retry safe?'"],
    ]);
    assert.deepEqual(
      reminders(model, 'gil', { today: TODAY }).map((r) => [r.kind, r.role]),
      [['relationship-quiet', 'mentor']],
      'a quiet relationship reminds both sides',
    );
  });

  it('a paused pair raises no session and no quiet reminder, but the request owed still counts; an ended pair raises none', async () => {
    const model = await loadMentoring(remindScenario());
    assert.deepEqual(brief(reminders(model, 'hal', { today: TODAY })), [
      ['feedback-waiting', 'ana--hal', "Ana asked you for feedback 10 days ago: 'Which team next?'"],
    ]);
    const anas = reminders(model, 'ana', { today: TODAY });
    assert.ok(!anas.some((r) => r.pair === 'ana--hal' || r.pair === 'ana--ivy'));
    assert.deepEqual(reminders(model, 'ivy', { today: TODAY }), []);
  });

  it('an agenda I wrote for tomorrow and did not share, from the git repository; nothing said when sharing is unknown', async () => {
    const repo = remindScenario();
    const model = await loadMentoring(repo);
    assert.deepEqual(reminders(model, 'eve', { today: TODAY }), []);
    const notShared = await notSharedFiles(repo, '.mentoring');
    assert.deepEqual([...(notShared ?? [])], [`.mentoring/pairs/eve--ben/sessions/${day(1)}.yaml`]);
    assert.deepEqual(brief(reminders(model, 'eve', { today: TODAY, notShared })), [
      [
        'agenda-not-shared',
        'eve--ben',
        'Your agenda for the session with Ben tomorrow is not shared yet: Ben cannot read it',
      ],
    ]);
    assert.deepEqual(
      reminders(model, 'ben', { today: TODAY, notShared }).map((r) => r.kind),
      ['action-due', 'feedback-waiting'],
    );
    // Two days ahead is before "the day before": not yet.
    assert.deepEqual(reminders(model, 'eve', { today: day(-1), notShared }), []);
  });

  it('lead times: the pair agreement over the program defaults over the built-in ones, key by key', async () => {
    const quiet = remindScenario({ programDefaults: 'reminders:\n  agenda_days: 0\n  action_days: 0\n' });
    const anas = reminders(await loadMentoring(quiet), 'ana', { today: TODAY }).map((r) => r.kind);
    assert.deepEqual(anas, ['action-due', 'relationship-quiet'], 'on the day only: tomorrow is not yet');
    const bens = reminders(await loadMentoring(quiet), 'ben', { today: TODAY }).map((r) => r.kind);
    assert.deepEqual(bens, ['feedback-waiting'], 'the action due in 2 days waits too');

    const agreed = remindScenario({
      programDefaults: 'reminders:\n  agenda_days: 0\n  feedback_days: 1\n',
      anaBenAgreement: 'cadence_days: 14\nreminders:\n  agenda_days: 3\n  action_days: 5\n',
    });
    const model = await loadMentoring(agreed);
    assert.deepEqual(
      reminders(model, 'ana', { today: TODAY }).map((r) => [r.kind, r.date]),
      [
        ['agenda-missing', day(1)],
        ['action-due', day(-1)],
        ['action-due', day(5)],
        ['relationship-quiet', day(-30)],
      ],
    );
    assert.deepEqual(
      reminders(model, 'ben', { today: TODAY }).map((r) => [r.kind, r.date]),
      [
        ['action-due', day(2)],
        ['feedback-waiting', day(-4)],
        ['feedback-waiting', day(-1)],
      ],
      "the program's feedback_days still applies to the pair that did not agree one",
    );
    assert.equal(model.problems.filter((p) => p.severity === 'error').length, 0, 'the schemas accept the keys');
  });

  it('a snoozed reminder stays away until its day, then returns; others are unaffected', async () => {
    const model = await loadMentoring(remindScenario());
    const [missing] = reminders(model, 'ana', { today: TODAY });
    const snoozed = { [missing.id]: day(1) };
    const today = reminders(model, 'ana', { today: TODAY, snoozed });
    assert.deepEqual(
      today.map((r) => r.kind),
      ['action-due', 'relationship-quiet'],
    );
    const tomorrow = reminders(model, 'ana', { today: day(1), snoozed }).map((r) => r.id);
    assert.ok(tomorrow.includes(missing.id), 'a day later it is back');
    const week = { [missing.id]: day(7) };
    assert.ok(!reminders(model, 'ana', { today: day(1), snoozed: week }).some((r) => r.id === missing.id));
  });

  it("today is the person's own day: across midnight UTC, Tokyo is already tomorrow and Los Angeles is not", async () => {
    const model = await loadMentoring(remindScenario({ programDefaults: 'reminders:\n  agenda_days: 1\n' }));
    // 20:00 UTC on Dec 1: 05:00 on Dec 2 in Tokyo, 12:00 on Dec 1 in Los Angeles.
    const instant = new Date(`${day(-1)}T20:00:00Z`);
    assert.equal(todayIn('Asia/Tokyo', instant), TODAY);
    assert.equal(todayIn('America/Los_Angeles', instant), day(-1));
    assert.equal(todayIn('Not/AZone', new Date(`${TODAY}T12:00:00Z`)).length, 10, 'an unknown zone: the machine day');
    const ana = remindersAt(model, 'ana', instant);
    assert.equal(ana.today, TODAY);
    assert.ok(
      ana.reminders.some((r) => r.kind === 'agenda-missing'),
      'in Tokyo the session is tomorrow',
    );
    // Ben in Los Angeles: still Dec 1, so his action due Dec 4 is 3 days away, past the lead of 2.
    const ben = remindersAt(model, 'ben', instant);
    assert.equal(ben.today, day(-1));
    assert.deepEqual(
      ben.reminders.map((r) => r.kind),
      ['feedback-waiting'],
    );
  });

  it("the editor's startup reads only my pairs and gets the same reminders; git is asked only when an agenda of mine is near", async () => {
    const repo = remindScenario();
    const whole = await loadMentoring(repo);
    const mine = await loadMentoring(repo, { pairs: (id) => id.startsWith('eve--') || id.endsWith('--eve') });
    assert.deepEqual(
      mine.pairs.map((pair) => pair.id),
      ['eve--ben'],
    );
    const notShared = await notSharedFiles(repo, '.mentoring');
    assert.deepEqual(
      reminders(mine, 'eve', { today: TODAY, notShared }),
      reminders(whole, 'eve', { today: TODAY, notShared }),
    );
    assert.equal(mayNeedShareCheck(mine, 'eve', TODAY), true, "Eve's agenda for tomorrow");
    assert.equal(mayNeedShareCheck(mine, 'eve', day(-3)), false, 'three days before: too early to matter');
    assert.equal(mayNeedShareCheck(whole, 'gil', TODAY), false, 'Gil prepared no agenda');
  });
});
