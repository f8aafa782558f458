// The next session as an .ics file, parsed back with ical.js: start in the organiser's time zone,
// duration, both people as attendees, a UID per pair and date, the cadence as RRULE; importing
// the file twice (or Ana's and Ben's copies) keeps one event.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ICAL from 'ical.js';
import { CalendarRefused, sessionCalendar } from '../../src/core/app/calendar';
import { loadMentoring } from '../../src/core/folder/load';
import { tempDir, removeTempDirs } from './helpers/tempRepo';

const TODAY = '2026-12-02';

function folder(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, '.mentoring', path)), { recursive: true });
    writeFileSync(join(root, '.mentoring', path), text);
  }
  return root;
}

const base = (agreement: string, session = ''): Record<string, string> => ({
  'people/ana.yaml': 'handle: ana\nname: Ana Lima\nemails: [ana@example.com]\ntimezone: Asia/Tokyo\n',
  'people/ben.yaml': 'handle: ben\nname: Ben Okafor\nemails: [ben@example.com]\ntimezone: Europe/Berlin\n',
  'pairs/ana--ben/plan.yaml': `mentee: ana\nmentor: ben\ninitiated_by: mentee\nstatus: active\nends: 2027-03-01\nagreement:\n${agreement}goals: []\n`,
  'pairs/ana--ben/sessions/2026-11-20.yaml': `date: 2026-11-20\nprepared_by: ana\nnext_session: 2026-12-05\n${session}`,
});

function event(ics: string): ICAL.Event {
  return new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent') as ICAL.Component);
}

function zoneOf(parsed: ICAL.Event): unknown {
  return parsed.component.getFirstProperty('dtstart')?.getParameter('tzid');
}

describe('calendar: the next session as .ics', function () {
  this.timeout(20_000);
  afterEach(removeTempDirs);

  it("start at the agreed time in the organiser's zone, the agreed length, both people, agenda named", async () => {
    const model = await loadMentoring(
      folder(base('  cadence_days: 14\n  session_minutes: 50\n  session_time: "09:30"\n')),
    );
    const calendar = sessionCalendar(model, 'ana--ben', { today: TODAY });
    const parsed = event(calendar.ics);
    assert.equal(parsed.uid, 'ana--ben-2026-12-05@mentoring');
    assert.equal(parsed.startDate.toString(), '2026-12-05T09:30:00');
    assert.equal(zoneOf(parsed), 'Asia/Tokyo', "Ana drives: Ana's zone");
    assert.equal(parsed.duration.toSeconds(), 50 * 60);
    assert.equal(parsed.summary, 'Mentoring: Ana Lima and Ben Okafor');
    assert.match(parsed.description, /Agenda: \.mentoring\/pairs\/ana--ben\/sessions\/2026-12-05\.yaml/);
    assert.deepEqual(
      parsed.attendees.map((a) => [a.getParameter('cn'), String(a.getFirstValue()).toLowerCase()]),
      [
        ['Ana Lima', 'mailto:ana@example.com'],
        ['Ben Okafor', 'mailto:ben@example.com'],
      ],
    );
    assert.equal(parsed.isRecurring(), false);
    assert.equal(calendar.fileName, 'ana--ben-2026-12-05.ics');
  });

  it("the agenda's own time wins; the mentor's zone when the mentor drives; no time: an all-day event", async () => {
    const mentorDrives = base('  session_time: "09:30"\n', 'time: "16:00"\n');
    mentorDrives['pairs/ana--ben/plan.yaml'] = mentorDrives['pairs/ana--ben/plan.yaml'].replace(
      'ends:',
      'driver: mentor\nends:',
    );
    mentorDrives['pairs/ana--ben/sessions/2026-12-05.yaml'] = 'date: 2026-12-05\nprepared_by: ana\ntime: "16:00"\n';
    const timed = event(sessionCalendar(await loadMentoring(folder(mentorDrives)), 'ana--ben', { today: TODAY }).ics);
    assert.equal(timed.startDate.toString(), '2026-12-05T16:00:00');
    assert.equal(zoneOf(timed), 'Europe/Berlin');
    assert.equal(timed.duration.toSeconds(), 45 * 60, 'the default length');

    const allDay = event(
      sessionCalendar(await loadMentoring(folder(base('  cadence_days: 14\n'))), 'ana--ben', { today: TODAY }).ics,
    );
    assert.equal(allDay.startDate.isDate, true);
    assert.equal(allDay.startDate.toString(), '2026-12-05');
  });

  it('--recurring: the cadence as RRULE, until the planned end', async () => {
    const model = await loadMentoring(folder(base('  cadence_days: 14\n  session_time: "09:30"\n')));
    const parsed = event(sessionCalendar(model, 'ana--ben', { today: TODAY, recurring: true }).ics);
    assert.equal(parsed.isRecurring(), true);
    const rule = parsed.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    assert.equal(rule.freq, 'WEEKLY');
    assert.equal(rule.interval, 2);
    const expand = parsed.iterator();
    const dates = [expand.next(), expand.next(), expand.next()].map((time) => time?.toString().slice(0, 10));
    assert.deepEqual(dates, ['2026-12-05', '2026-12-19', '2027-01-02']);

    const odd = await loadMentoring(folder(base('  cadence_days: 10\n  session_time: "09:30"\n')));
    const daily = event(sessionCalendar(odd, 'ana--ben', { today: TODAY, recurring: true }).ics);
    const every10 = daily.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    assert.deepEqual([every10.freq, every10.interval], ['DAILY', 10]);
  });

  it('imported twice, or once from each person, it is one event: the same UID', async () => {
    const root = folder(base('  session_time: "09:30"\n'));
    const first = sessionCalendar(await loadMentoring(root), 'ana--ben', {
      today: TODAY,
      now: new Date('2026-12-01T08:00:00Z'),
    });
    // The time moves; the file is made again a day later.
    writeFileSync(
      join(root, '.mentoring/pairs/ana--ben/plan.yaml'),
      base('  session_time: "11:00"\n')['pairs/ana--ben/plan.yaml'],
    );
    const second = sessionCalendar(await loadMentoring(root), 'ana--ben', {
      today: TODAY,
      now: new Date('2026-12-02T08:00:00Z'),
    });
    const calendar = new Map<string, ICAL.Event>();
    for (const ics of [first.ics, second.ics, first.ics]) {
      const parsed = event(ics);
      const known = calendar.get(parsed.uid);
      // What a calendar does on import: an event with a known UID replaces the older stamp's.
      const stamp = (e: ICAL.Event) => String(e.component.getFirstPropertyValue('dtstamp'));
      if (!known || stamp(parsed) >= stamp(known)) calendar.set(parsed.uid, parsed);
    }
    assert.equal(calendar.size, 1);
    assert.equal([...calendar.values()][0].startDate.toString(), '2026-12-05T11:00:00', 'the newer time');
  });

  it('refuses a pair with no next session agreed, and an unknown pair', async () => {
    const files = base('  session_time: "09:30"\n');
    files['pairs/ana--ben/sessions/2026-11-20.yaml'] = 'date: 2026-11-20\nprepared_by: ana\n';
    const model = await loadMentoring(folder(files));
    assert.throws(() => sessionCalendar(model, 'ana--ben', { today: TODAY }), CalendarRefused);
    assert.throws(() => sessionCalendar(model, 'eve--ben', { today: TODAY }), /no pair eve--ben/);
  });
});
