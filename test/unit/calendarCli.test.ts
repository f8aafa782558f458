// `mentoring calendar` as a terminal runs it (dist/cli.js): the .ics to stdout or --out, parsed back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { removeTempDirs, tempRepo } from './helpers/tempRepo';
import { mentoring, requireBuiltCli } from './helpers/cli';

describe('mentoring calendar (command line)', function () {
  this.timeout(60_000);
  before(requireBuiltCli);
  afterEach(removeTempDirs);

  it('prints the next session, writes it with --out and --recurring, refuses an unknown pair', () => {
    const repo = tempRepo();
    assert.equal(mentoring(repo, 'init').code, 0);
    const printed = mentoring(repo, 'calendar', 'ana--ben');
    assert.equal(printed.code, 0, printed.stderr);
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(printed.stdout)).getFirstSubcomponent('vevent') as ICAL.Component,
    );
    assert.match(event.uid, /^ana--ben-\d{4}-\d{2}-\d{2}@mentoring$/);
    assert.equal(event.attendees.length, 2);

    const written = mentoring(repo, 'calendar', 'ana--ben', '--recurring', '--out', 'next.ics');
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stderr, /^wrote next\.ics: the session of ana--ben on /);
    const ics = readFileSync(join(repo, 'next.ics'), 'utf8');
    assert.match(ics, /\nRRULE:FREQ=WEEKLY;INTERVAL=2/);
    assert.ok(ics.includes(`UID:${event.uid}`), 'the same UID: importing it updates the event');

    const unknown = mentoring(repo, 'calendar', 'eve--ben');
    assert.deepEqual([unknown.code, unknown.stdout], [1, '']);
    assert.match(unknown.stderr, /^mentoring: no pair eve--ben/);
    assert.equal(mentoring(repo, 'calendar', 'Not--A--Pair').code, 2);
  });
});
