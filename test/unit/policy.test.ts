// Who may see and edit what: a pair's mentee and mentor see and edit everything of it; a
// coordinator sees every pair without what stays between the pair; anyone else sees nothing of
// it. The sidebar's state is built through the policy, so a string planted in every private
// field must not be anywhere in what a coordinator or a non-member is sent.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadMentoring } from '../../src/core/folder/load';
import type { MentoringModel } from '../../src/core/folder/model';
import {
  accessTo,
  feedbackGiverFor,
  isCoordinator,
  mayEdit,
  mayOpenFile,
  mayReadPrivate,
  pairFileAt,
  visiblePair,
  visiblePairs,
} from '../../src/core/policy/access';
import { pairAsSeenBy } from '../../src/core/policy/redact';
import { pairHealth, pairStateFromModel } from '../../src/core/health/figures';
import type { SidebarState } from '../../src/protocol/messages';
import { removeTempDirs, tempDir } from './helpers/tempRepo';
import { sidebarStateFor as stateFor } from './helpers/sidebarState';

after(removeTempDirs);

const VALID = resolve(__dirname, '../fixtures/valid/.mentoring');
const PAIR = 'pairs/ana--ben';

/** One unique string per private field; none may reach a viewer who may not read the pair's words. */
const SECRET = {
  objective: 'secret-objective-q7',
  question: 'secret-topic-question-k2',
  idea: 'secret-idea-m9',
  followUp: 'secret-follow-up-w4',
  notes: 'secret-notes-z8',
  action: 'secret-action-b3',
  thanks: 'secret-thanks-h6',
  feedbackQuestion: 'secret-feedback-question-p1',
  feedbackAnswer: 'secret-feedback-answer-r5',
  codePath: 'src/secret-code-path-v2.ts',
  confidentiality: 'secret-confidentiality-c4',
  expectation: 'secret-expectation-e7',
  brokenObjective: 'secret-in-a-broken-file-n6',
};

const FILES: Record<string, string> = {
  'people/dan.yaml': 'handle: dan\nname: Dan Ito\nroles: [mentee]\n',
  'pairs/dan--ben/plan.yaml':
    'mentee: dan\nmentor: ben\ninitiated_by: mentee\nstatus: active\nstarted: 2026-10-01\ngoals: []\n',
  [`${PAIR}/plan.yaml`]: `mentee: ana
mentor: ben
initiated_by: mentee
status: active
started: 2026-09-01
agreement:
  cadence_days: 14
  confidentiality: ${SECRET.confidentiality}
  expectations:
    - ${SECRET.expectation}
goals:
  - id: system-design
    title: Lead the design of a service end to end
    status: in-progress
`,
  [`${PAIR}/sessions/2026-11-28.yaml`]: `date: 2026-11-28
prepared_by: ana
objectives:
  - ${SECRET.objective}
topics:
  - question: ${SECRET.question}
    goal: system-design
ideas:
  - ${SECRET.idea}
follow_ups:
  - text: ${SECRET.followUp}
    owner: ana
    done: true
notes: ${SECRET.notes}
actions:
  - text: ${SECRET.action}
    owner: ana
    due: 2026-12-01
next_session: 2026-12-12
thanks: ${SECRET.thanks}
`,
  // A problem message quotes what it finds, so a broken file's problems are the pair's words too.
  [`${PAIR}/sessions/2026-10-24.yaml`]: `date: 2026-10-24\nprepared_by: ana\nobjectives: ${SECRET.brokenObjective}\n`,
  [`${PAIR}/feedback/2026-11-25-secret.yaml`]: `asked_by: ana
asked_of: ben
asked: 2026-11-25
kind: code
code:
  path: ${SECRET.codePath}
  lines: [3, 9]
question: ${SECRET.feedbackQuestion}
status: answered
answer: ${SECRET.feedbackAnswer}
answered: 2026-11-26
`,
};

async function modelWithSecrets(): Promise<MentoringModel> {
  const root = tempDir('mentoring-policy-');
  cpSync(VALID, join(root, '.mentoring'), { recursive: true });
  for (const [rel, text] of Object.entries(FILES)) {
    const abs = join(root, '.mentoring', rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return loadMentoring(root);
}

function secretsIn(state: SidebarState): string[] {
  const json = JSON.stringify(state);
  return Object.values(SECRET).filter((secret) => json.includes(secret));
}

describe('access policy', function () {
  let model: MentoringModel;
  before(async function () {
    model = await modelWithSecrets();
  });

  it('gives each person their part toward a pair: mentee, mentor, coordinator or none', function () {
    const pair = model.pairs.find((p) => p.id === 'ana--ben');
    assert.ok(pair);
    assert.equal(accessTo(model, pair, 'ana'), 'mentee');
    assert.equal(accessTo(model, pair, 'ben'), 'mentor');
    assert.equal(accessTo(model, pair, 'cleo'), 'coordinator');
    assert.equal(accessTo(model, pair, 'dan'), 'none');
    assert.equal(accessTo(model, pair, undefined), 'none');
    assert.equal(isCoordinator(model, 'cleo'), true);
    assert.equal(isCoordinator(model, 'ben'), false);
    assert.deepEqual(
      ['mentee', 'mentor', 'coordinator', 'none'].map((a) => [mayReadPrivate(a as never), mayEdit(a as never)]),
      [
        [true, true],
        [true, true],
        [false, false],
        [false, false],
      ],
    );
  });

  it('lists the pairs a person may see: mine as mentee, then as mentor; a coordinator sees every pair', function () {
    const list = (handle: string | undefined) => visiblePairs(model, handle).map((v) => `${v.pair.id}:${v.role}`);
    assert.deepEqual(list('ana'), ['ana--ben:mentee']);
    assert.deepEqual(list('ben'), ['ana--ben:mentor', 'dan--ben:mentor']);
    assert.deepEqual(list('cleo'), ['ana--ben:coordinator', 'dan--ben:coordinator']);
    assert.deepEqual(list('dan'), ['dan--ben:mentee']);
    assert.deepEqual(list(undefined), []);
    assert.equal(visiblePair(model, 'dan', 'ana--ben'), undefined);
    assert.equal(visiblePair(model, 'cleo', 'ana--ben')?.role, 'coordinator');
  });

  it("lets only the pair's mentee and mentor edit its files, and asks the other side for feedback", function () {
    const found = pairFileAt(model, `.mentoring/${PAIR}/sessions/2026-11-28.yaml`);
    assert.equal(found?.pair.id, 'ana--ben');
    assert.equal(found?.file.kind, 'session');
    assert.equal(pairFileAt(model, '.mentoring/people/ana.yaml'), undefined, 'a person file is no pair file');
    const editors = ['ana', 'ben', 'cleo', 'dan'].filter((h) => found && mayEdit(accessTo(model, found.pair, h)));
    assert.deepEqual(editors, ['ana', 'ben']);
    assert.ok(found);
    assert.equal(feedbackGiverFor(found.pair, 'ana'), 'ben');
    assert.equal(feedbackGiverFor(found.pair, 'ben'), 'ana');
    assert.equal(feedbackGiverFor(found.pair, 'cleo'), undefined);
  });

  it("shows the pair's mentee and mentor every private field", function () {
    for (const handle of ['ana', 'ben']) {
      const state = stateFor(model, handle);
      assert.equal(state.pair?.id, 'ana--ben');
      assert.deepEqual(secretsIn(state).sort(), Object.values(SECRET).filter(isShown).sort(), handle);
      assert.ok(state.pair?.sessions.every((s) => s.editable === (s.problems.length === 0)));
      assert.ok(state.pair?.sessions.every((s) => !s.withheld));
      assert.ok(state.pair?.feedback.every((f) => !f.withheld));
    }
  });

  it('shows a coordinator goals and session dates, read-only, and none of the private fields', function () {
    const state = stateFor(model, 'cleo');
    assert.equal(state.isCoordinator, true);
    assert.equal(state.pair?.role, 'coordinator');
    assert.deepEqual(secretsIn(state), []);
    assert.deepEqual(
      state.pair?.goals.map((g) => g.title),
      ['Lead the design of a service end to end'],
    );
    assert.deepEqual(
      state.pair?.sessions.map((s) => [s.date, s.preparedBy, s.nextSession, s.editable, s.withheld, s.problems]),
      [
        // Withheld, not broken: no problems, even for the file that has some (they quote it).
        ['2026-11-28', 'ana', '2026-12-12', false, true, []],
        ['2026-11-21', 'ana', '2026-12-05', false, true, []],
        ['2026-11-07', 'ana', '2026-11-21', false, true, []],
        ['2026-10-24', 'ana', null, false, true, []],
      ],
    );
    assert.equal(state.pair?.cadenceDays, 14);
    assert.equal(state.pair?.planEditable, false);
    // The request exists for the coordinator too: who asked whom, when, its status; not its words.
    assert.deepEqual(
      state.pair?.feedback.map((f) => [
        f.askedBy,
        f.askedOf,
        f.asked,
        f.status,
        f.answered,
        f.withheld,
        f.question,
        f.answer,
        f.code,
      ]),
      [
        ['ana', 'ben', '2026-11-25', 'answered', '2026-11-26', true, '', '', undefined],
        ['ana', 'ben', '2026-11-20', 'open', null, true, '', '', undefined],
      ],
    );
    assert.deepEqual(state.pair?.nextSession, { date: '2026-11-28', agendaReady: true });
  });

  it('strips the raw text of every file a coordinator is given', function () {
    const pair = model.pairs.find((p) => p.id === 'ana--ben');
    assert.ok(pair);
    const seen = JSON.stringify(pairAsSeenBy(pair, 'coordinator'));
    assert.deepEqual(
      Object.values(SECRET).filter((secret) => seen.includes(secret)),
      [],
    );
    assert.equal(pairAsSeenBy(pair, 'mentee'), pair);
  });

  it('counts open feedback the same in health and in the Feedback section a coordinator sees', async function () {
    // A folder of its own: another file's hooks may have removed the shared one's temp folder by now.
    const root = (await modelWithSecrets()).root;
    writeFileSync(
      join(root, '.mentoring', PAIR, 'feedback/2026-11-27-open.yaml'),
      `asked_by: ana\nasked_of: ben\nasked: 2026-11-27\nkind: career\nquestion: ${SECRET.feedbackQuestion}\nstatus: open\nanswer: ""\nanswered: null\n`,
    );
    const withOpen = await loadMentoring(root);
    const pair = withOpen.pairs.find((p) => p.id === 'ana--ben');
    assert.ok(pair);
    const health = pairHealth(pairStateFromModel(pair), { events: [], edits: [], fileIds: new Map() }, '2026-11-28');
    for (const handle of ['ana', 'cleo']) {
      const open = stateFor(withOpen, handle).pair?.feedback.filter((f) => f.status === 'open') ?? [];
      assert.equal(open.length, health.openFeedback.count, handle);
      assert.equal(open.length, 2, "the example's open request of 11-20 and this one");
    }
    assert.deepEqual(secretsIn(stateFor(withOpen, 'cleo')), []);
  });

  it('opens a pair file from the sidebar only for its mentee and mentor', function () {
    const at = (rel: string) => join(model.folder, rel);
    const files = [`${PAIR}/plan.yaml`, `${PAIR}/sessions/2026-11-28.yaml`, `${PAIR}/feedback/2026-11-25-secret.yaml`];
    for (const file of files) {
      assert.equal(mayOpenFile(model, 'ana', at(file)), true, `ana ${file}`);
      assert.equal(mayOpenFile(model, 'ben', at(file)), true, `ben ${file}`);
      assert.equal(mayOpenFile(model, 'cleo', at(file)), false, `the coordinator, ${file}`);
      assert.equal(mayOpenFile(model, 'dan', at(file)), false, `another mentee, ${file}`);
      assert.equal(mayOpenFile(model, undefined, at(file)), false, `nobody known, ${file}`);
    }
    // Spelled another way, the same file stays closed: case (a case-insensitive disk), '..', a file the model lacks.
    assert.equal(mayOpenFile(model, 'cleo', at('Pairs/ANA--BEN/plan.yaml')), false);
    assert.equal(mayOpenFile(model, 'cleo', at(`people/../${PAIR}/plan.yaml`)), false);
    assert.equal(mayOpenFile(model, 'cleo', at(`${PAIR}/retro.yaml`)), false);
    // A pair folder without a plan yet: its members by its name.
    assert.equal(mayOpenFile(model, 'eve', at('pairs/eve--ben/sessions/2026-12-01.yaml')), true);
    assert.equal(mayOpenFile(model, 'cleo', at('pairs/eve--ben/sessions/2026-12-01.yaml')), false);
    // Outside the pairs: people and the program are for everyone; outside the folder, nothing.
    assert.equal(mayOpenFile(model, 'cleo', at('people/ana.yaml')), true);
    assert.equal(mayOpenFile(model, 'cleo', at('program.yaml')), true);
    assert.equal(mayOpenFile(model, 'ana', join(model.root, 'README.md')), false);
  });

  it('shows a non-member nothing of the pair, and someone not yet known no pair at all', function () {
    const dan = stateFor(model, 'dan');
    assert.deepEqual(
      dan.pairs.map((p) => p.id),
      ['dan--ben'],
    );
    assert.equal(dan.pair?.id, 'dan--ben', 'the selected pair falls back to one of mine');
    assert.deepEqual(secretsIn(dan), []);
    assert.ok(!JSON.stringify(dan).includes('ana--ben'), 'not even its name');
    const unknown = stateFor(model, undefined);
    assert.deepEqual(unknown.pairs, []);
    assert.equal(unknown.pair, undefined);
    assert.deepEqual(secretsIn(unknown), []);
  });
});

/** The sidebar never shows the agreement's words, to anyone: they are only in the plan file. */
function isShown(secret: string): boolean {
  return secret !== SECRET.confidentiality && secret !== SECRET.expectation;
}
