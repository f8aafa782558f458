// A mentoring folder where something waits for everyone, dated around today (the CLI takes today
// from the clock): Ben mentors Ana and Eve and has a relationship proposed by Fay on a review
// branch; Ana is mentored by Ben and by Gil. Every text that stays between a pair holds SECRET,
// so a test can search any output for it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { localToday } from '../../src/core/app/today';
import { addDays } from '../../src/shared/dates';
import { git, tempRepo } from './helpers/tempRepo';

export const TODAY = localToday();
export const day = (offset: number) => addDays(TODAY, offset);

export const FILES = {
  request: `.mentoring/pairs/ana--ben/feedback/${day(-5)}-retry.yaml`,
  answered: `.mentoring/pairs/ana--ben/feedback/${day(-9)}-naming.yaml`,
  lastSession: `.mentoring/pairs/ana--ben/sessions/${day(-12)}.yaml`,
  eveAgenda: `.mentoring/pairs/eve--ben/sessions/${day(1)}.yaml`,
  gilSession: `.mentoring/pairs/ana--gil/sessions/${day(-40)}.yaml`,
};

const person = (handle: string, name: string) =>
  `handle: ${handle}\nname: ${name}\nemails: [${handle}@example.com]\nroles: [mentee, mentor]\n`;

const plan = (mentee: string, mentor: string, extra = '') =>
  `mentee: ${mentee}\nmentor: ${mentor}\ninitiated_by: mentee\nstatus: active\nstarted: ${day(-60)}\n${extra}goals: []\n`;

export function inboxScenario(options: { driver?: string } = {}): string {
  const repo = tempRepo('ben@example.com', 'Ben Okafor');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  write('.mentoring/program.yaml', 'name: Platform mentoring\ncoordinators: [cleo]\n');
  for (const [handle, name] of [
    ['ana', 'Ana Lima'],
    ['ben', 'Ben Okafor'],
    ['cleo', 'Cleo Park'],
    ['eve', 'Eve Stone'],
    ['fay', 'Fay Moss'],
    ['gil', 'Gil Ray'],
  ])
    write(`.mentoring/people/${handle}.yaml`, person(handle, name));

  write(
    '.mentoring/pairs/ana--ben/plan.yaml',
    plan('ana', 'ben', options.driver ? `driver: ${options.driver}\n` : '') +
      'agreement:\n  confidentiality: SECRET-AGREEMENT stays between us\n',
  );
  write(
    FILES.lastSession,
    `date: ${day(-12)}
prepared_by: ana
objectives:
  - SECRET-OBJECTIVE-1 agree the scope
follow_ups:
  - text: SECRET-ACTION-0 read the chapter on retries
    owner: ana
    due: ${day(-20)}
    done: true
notes: SECRET-NOTES-1
actions:
  - text: SECRET-ACTION-1 draft the outbox design
    owner: ana
    due: ${day(-2)}
  - text: SECRET-ACTION-2 send Ana the review checklist
    owner: ben
    due: ${day(1)}
  - text: SECRET-ACTION-3 far in the future
    owner: ana
    due: ${day(30)}
next_session: ${day(3)}
`,
  );
  write(
    FILES.request,
    `asked_by: ana
asked_of: ben
asked: ${day(-5)}
kind: code
question: "SECRET-QUESTION-1 is this retry policy safe? \\e[31mred"
status: open
answer: ""
answered: null
`,
  );
  write(
    FILES.answered,
    `asked_by: ana
asked_of: ben
asked: ${day(-9)}
kind: design
question: SECRET-QUESTION-2 how should I name the export job?
status: answered
answer: SECRET-ANSWER-2 after what it does
answered: ${day(-1)}
`,
  );
  write(
    `.mentoring/pairs/ana--ben/feedback/${day(-30)}-old.yaml`,
    `asked_by: ana
asked_of: ben
asked: ${day(-30)}
kind: career
question: SECRET-QUESTION-3 answered long ago
status: answered
answer: SECRET-ANSWER-3
answered: ${day(-20)}
`,
  );

  write('.mentoring/pairs/eve--ben/plan.yaml', plan('eve', 'ben'));
  write(
    FILES.eveAgenda,
    `date: ${day(1)}
prepared_by: eve
objectives:
  - SECRET-OBJECTIVE-2 decide how to split the export job
next_session: ${day(15)}
`,
  );

  write('.mentoring/pairs/ana--gil/plan.yaml', plan('ana', 'gil'));
  write(
    FILES.gilSession,
    `date: ${day(-40)}\nprepared_by: ana\nobjectives:\n  - SECRET-OBJECTIVE-3\nnext_session: ${day(-26)}\n`,
  );
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'mentoring: the folder');

  // Fay asks Ben to mentor her, on a review branch he has not merged.
  git(repo, 'checkout', '-q', '-b', `mentoring/fay--ben/relationship-${TODAY}`);
  write(
    '.mentoring/pairs/fay--ben/plan.yaml',
    plan('fay', 'ben').replace('status: active', 'status: proposed') + 'x-note: SECRET-PROPOSAL\n',
  );
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'mentoring(fay--ben): propose');
  git(repo, 'checkout', '-q', 'main');
  return repo;
}
