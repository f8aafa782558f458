// A mentoring folder dated around a fixed day (TODAY), where each reminder rule fires once:
// Ana (Tokyo) is mentored by Ben, by Gil (gone quiet) and by Hal (paused); Ben also mentors Eve,
// whose agenda for tomorrow is written but not shared; Ana's relationship with Ivy has ended.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { addDays } from '../../src/shared/dates';
import { git, tempRepo } from './helpers/tempRepo';

export const TODAY = '2026-12-02';
export const day = (offset: number) => addDays(TODAY, offset);

const person = (handle: string, name: string, zone?: string) =>
  `handle: ${handle}\nname: ${name}\nemails: [${handle}@example.com]\nroles: [mentee, mentor]\n` +
  (zone ? `timezone: ${zone}\n` : '');

const plan = (mentee: string, mentor: string, status = 'active', agreement = 'cadence_days: 14\n') =>
  `mentee: ${mentee}\nmentor: ${mentor}\ninitiated_by: mentee\nstatus: ${status}\nstarted: ${day(-90)}\n` +
  `agreement:\n${agreement.replace(/^/gm, '  ').trimEnd()}\ngoals: []\n`;

export interface ScenarioOptions {
  /** program.yaml's `defaults:` block, as YAML lines. */
  programDefaults?: string;
  /** ana--ben's agreement, as YAML lines. */
  anaBenAgreement?: string;
}

export function remindScenario(options: ScenarioOptions = {}): string {
  const repo = tempRepo('ben@example.com', 'Ben Okafor');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, '.mentoring', path)), { recursive: true });
    writeFileSync(join(repo, '.mentoring', path), text);
  };
  const defaults = options.programDefaults ? `defaults:\n${options.programDefaults.replace(/^/gm, '  ')}` : '';
  write('program.yaml', `name: Platform mentoring\ncoordinators: [cleo]\n${defaults}`);
  write('people/ana.yaml', person('ana', 'Ana Lima', 'Asia/Tokyo'));
  write('people/ben.yaml', person('ben', 'Ben Okafor', 'America/Los_Angeles'));
  for (const [handle, name] of [
    ['cleo', 'Cleo Park'],
    ['eve', 'Eve Stone'],
    ['gil', 'Gil Ray'],
    ['hal', 'Hal Wu'],
    ['ivy', 'Ivy Chen'],
  ])
    write(`people/${handle}.yaml`, person(handle, name));

  // Ana and Ben: the session is tomorrow and has no agenda; actions due and overdue; requests.
  write('pairs/ana--ben/plan.yaml', plan('ana', 'ben', 'active', options.anaBenAgreement));
  write(
    `pairs/ana--ben/sessions/${day(-12)}.yaml`,
    `date: ${day(-12)}
prepared_by: ana
objectives: [Agree the scope]
actions:
  - text: Draft the outbox design
    owner: ana
    due: ${day(-1)}
  - text: Send Ana the checklist
    owner: ben
    due: ${day(2)}
  - text: Read the retries chapter
    owner: ana
    due: ${day(5)}
next_session: ${day(1)}
`,
  );
  const request = (asker: string, giver: string, asked: string, question: string) =>
    `asked_by: ${asker}\nasked_of: ${giver}\nasked: ${asked}\nkind: code\nquestion: ${question}\nstatus: open\nanswer: ""\nanswered: null\n`;
  write(`pairs/ana--ben/feedback/${day(-4)}-retry.yaml`, request('ana', 'ben', day(-4), 'Is this retry safe?'));
  write(`pairs/ana--ben/feedback/${day(-1)}-naming.yaml`, request('ana', 'ben', day(-1), 'A better name?'));

  // Ana and Gil: last met 30 days ago with a cadence of 14, nothing agreed since.
  write('pairs/ana--gil/plan.yaml', plan('ana', 'gil'));
  write(`pairs/ana--gil/sessions/${day(-30)}.yaml`, `date: ${day(-30)}\nprepared_by: ana\nobjectives: [Talk]\n`);

  // Ana and Hal: paused, quiet for 60 days; Ana's request to Hal is still owed.
  write('pairs/ana--hal/plan.yaml', plan('ana', 'hal', 'paused'));
  write(`pairs/ana--hal/sessions/${day(-60)}.yaml`, `date: ${day(-60)}\nprepared_by: ana\nnext_session: ${day(1)}\n`);
  write(`pairs/ana--hal/feedback/${day(-10)}-career.yaml`, request('ana', 'hal', day(-10), 'Which team next?'));

  // Ana and Ivy: ended long ago, with an overdue action left in the record.
  write('pairs/ana--ivy/plan.yaml', plan('ana', 'ivy', 'ended'));
  write(
    `pairs/ana--ivy/sessions/${day(-80)}.yaml`,
    `date: ${day(-80)}\nprepared_by: ana\nactions:\n  - text: Old action\n    owner: ana\n    due: ${day(-70)}\n`,
  );

  // Eve and Ben: Eve's agenda for tomorrow is written after the last commit (not shared).
  write('pairs/eve--ben/plan.yaml', plan('eve', 'ben'));
  write(`pairs/eve--ben/sessions/${day(-7)}.yaml`, `date: ${day(-7)}\nprepared_by: eve\nnext_session: ${day(1)}\n`);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'mentoring: the folder');
  write(
    `pairs/eve--ben/sessions/${day(1)}.yaml`,
    `date: ${day(1)}\nprepared_by: eve\nobjectives: [Split the export job]\n`,
  );
  return repo;
}
