// Every figure of the health card on a scripted repository, against the README's formulas
// ("Health figures"), each expected value worked out by hand beside its assertion. The script
// is the case the issue met: actions ticked on time in their own agenda, whose next agenda was
// committed after the due date; a tick whose commit was rebased later; actions without a due
// date; a tick taken back; a next session proposed by the cadence but never agreed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newAgendaText } from '../../src/core/edit';
import { historyHealth, pairHealth, pairStateFromModel } from '../../src/core/health/figures';
import { finishedActionKeys, pairActions } from '../../src/core/health/actions';
import { clearHistoryCache, readHistory } from '../../src/core/history';
import { loadMentoring } from '../../src/core/folder/load';
import { buildState } from '../../src/extension/sidebar/viewModel';
import { removeTempDirs, tempRepo } from './helpers/tempRepo';
import { PEOPLE } from './historyScenario';

const P = '.mentoring/pairs/ana--ben';
const S21 = `${P}/sessions/2026-11-21.yaml`;
const S05 = `${P}/sessions/2026-12-05.yaml`;
const S19 = `${P}/sessions/2026-12-19.yaml`;

/** Commits everything as `who`, with its own author and committer dates (a rebase moves only the latter). */
function commit(
  repo: string,
  who: 'ana' | 'ben',
  dates: { author: string; committer?: string },
  files: Record<string, string>,
): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const at = (day: string) => (day.includes('T') ? day : `${day}T12:00:00+00:00`);
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: PEOPLE[who].name,
    GIT_AUTHOR_EMAIL: PEOPLE[who].email,
    GIT_COMMITTER_NAME: PEOPLE[who].name,
    GIT_COMMITTER_EMAIL: PEOPLE[who].email,
    GIT_AUTHOR_DATE: at(dates.author),
    GIT_COMMITTER_DATE: at(dates.committer ?? dates.author),
  };
  execFileSync('git', ['add', '-A', '--', '.'], { cwd: repo, env });
  execFileSync('git', ['commit', '-q', '--no-verify', '-m', 'step'], { cwd: repo, env });
}

type Item = [text: string, owner: string, extra?: string];
const list = (name: string, items: Item[]): string[] =>
  items.length === 0
    ? []
    : [
        `${name}:`,
        ...items.flatMap(([text, owner, extra]) => [
          `  - text: ${text}`,
          `    owner: ${owner}`,
          ...(extra ? extra.split('\n').map((l) => `    ${l}`) : []),
        ]),
      ];

function agenda(date: string, parts: { followUps?: Item[]; actions?: Item[]; next?: string }): string {
  return [
    `date: ${date}`,
    'prepared_by: ana',
    'objectives:',
    '  - Split the export job',
    ...list('follow_ups', parts.followUps ?? []),
    'notes: ""',
    ...list('actions', parts.actions ?? []),
    ...(parts.next ? [`next_session: ${parts.next}`] : []),
    '',
  ].join('\n');
}

const PLAN = `mentee: ana
mentor: ben
initiated_by: mentee
status: active
started: 2026-11-07
agreement:
  cadence_days: 14
goals:
  - id: design
    title: Lead a design
    status: in-progress
    benchmarks:
      - text: Write the doc
        done: 2026-11-30
      - text: Present it
`;

// The actions of the 11-21 session. C is Ben's; D has no due date.
const A: Item = ['Draft the outbox design', 'ana', 'due: 2026-12-01'];
const B: Item = ['Read the retries chapter', 'ana', 'due: 2026-12-01'];
const C: Item = ['Share the template', 'ben', 'due: 2026-11-25'];
const D: Item = ['Sketch the worker', 'ana'];
const H: Item = ['Book a review slot', 'ana', 'due: 2026-12-10'];
const done = ([text, owner, extra]: Item): Item => [text, owner, extra ? `${extra}\ndone: true` : 'done: true'];
// The actions of the 12-05 session: E has no due date; F and G are due after the 12-20 "today".
const E: Item = ['Write the decision record', 'ana'];
const F: Item = ['Present at the review', 'ana', 'due: 2026-12-31'];
const G: Item = ['Send the checklist', 'ben', 'due: 2026-12-31'];

function buildRepo(): string {
  const repo = tempRepo(PEOPLE.ana.email, PEOPLE.ana.name);
  commit(
    repo,
    'ben',
    { author: '2026-11-01' },
    {
      '.mentoring/people/ana.yaml': 'handle: ana\nname: Ana Example\nemails: [ana@example.com]\nroles: [mentee]\n',
      '.mentoring/people/ben.yaml': 'handle: ben\nname: Ben Mentor\nemails: [ben@example.com]\nroles: [mentor]\n',
      [`${P}/plan.yaml`]: PLAN,
    },
  ); // c1
  const s21 = (a: Item[]) => agenda('2026-11-21', { actions: a, next: '2026-12-04' });
  commit(repo, 'ana', { author: '2026-11-20' }, { [S21]: s21([A, B, C, D, H]) }); // c2
  commit(repo, 'ben', { author: '2026-11-27' }, { [S21]: s21([A, B, done(C), D, H]) }); // c3: C late
  commit(repo, 'ana', { author: '2026-11-28' }, { [S21]: s21([done(A), B, done(C), D, done(H)]) }); // c4: A on time
  const s05 = (followUps: Item[], actions: Item[] = [], next?: string) =>
    agenda('2026-12-05', { followUps, actions, next });
  commit(repo, 'ana', { author: '2026-11-29' }, { [S05]: s05([B, D]) }); // c5: the next agenda, prepared early
  // c6: B ticked in the next agenda's follow-ups on 11-30, the commit rebased (committed) on 12-03.
  commit(repo, 'ana', { author: '2026-11-30', committer: '2026-12-03' }, { [S05]: s05([done(B), D]) });
  commit(repo, 'ana', { author: '2026-12-02' }, { [S21]: s21([done(A), B, done(C), D, H]) }); // c7: H unticked
  commit(repo, 'ana', { author: '2026-12-05' }, { [S05]: s05([done(B), done(D)], [E, F, G], '2026-12-19') }); // c8
  commit(repo, 'ben', { author: '2026-12-10' }, { [S05]: s05([done(B), done(D)], [E, F, done(G)], '2026-12-19') }); // c9
  // c10: the 12-19 agenda as "Prepare agenda" writes it: next_session left for people to agree.
  const s19 = newAgendaText({
    date: '2026-12-19',
    preparedBy: 'ana',
    previous: s05([done(B), done(D)], [E, F, done(G)]),
    cadenceDays: 14,
  });
  commit(repo, 'ana', { author: '2026-12-19T08:00:00+00:00' }, { [S19]: s19 });
  commit(
    repo,
    'ana',
    { author: '2026-12-12' },
    {
      [`${P}/feedback/2026-12-12-naming.yaml`]:
        'asked_by: ana\nasked_of: ben\nasked: 2026-12-12\nkind: design\nquestion: Good names?\nstatus: open\nanswer: ""\nanswered: null\n',
    },
  ); // c11
  return repo;
}

describe('health figures by the README formulas, on a scripted history', () => {
  afterEach(() => {
    removeTempDirs();
    clearHistoryCache();
  });

  it('counts each figure of the card as the README defines it', async () => {
    const repo = buildRepo();
    const history = await readHistory(repo);
    const h = historyHealth(history, '2026-12-20').pairs[0];
    // Sessions before 12-20: 11-21, 12-05, 12-19; the last one 1 day ago.
    assert.equal(h.lastSession, '2026-12-19');
    assert.equal(h.daysSinceLastSession, 1);
    // Started 11-07, every 14 days, until 12-20: 43 days → ceil(43 / 14) = 4 expected, 3 held.
    assert.deepEqual(h.sessions, { held: 3, expected: 4, cadenceDays: 14, share: 0.75 });
    // First commits: 11-21 on 11-20 ✓, 12-05 on 11-29 ✓, 12-19 on the morning of 12-19 ✗.
    assert.deepEqual(h.agendasBeforeSession, { part: 2, total: 3, share: 0.667 });
    // Deadlines: A, B 12-01; C 11-25; D none → the next agenda, 12-05 (not 11-21's next_session
    // 12-04); H 12-10; E none → the next agenda, 12-19; F, G 12-31.
    // A done 11-28 ✓ (in its own agenda; the 12-05 agenda came later and does not move it).
    // B done 11-30 by author date ✓ (its commit was rebased on 12-03; the author date counts).
    // C done 11-27 ✗. D done 12-05 in the next agenda's follow-ups ✓ (on the day is on time).
    // E open, deadline passed ✗. H ticked 11-28, unticked 12-02: open, deadline passed ✗.
    // G done 12-10, deadline to come ✓. F open, deadline to come: not counted. → 4 of 7.
    assert.deepEqual(h.followThrough, { part: 4, total: 7, share: 0.571 });
    // Agendas c2, c5, c10 by ana; the request c11 by ana; the plan c1 by ben → 4 of 5.
    assert.deepEqual(h.menteeDrives.overall, { part: 4, total: 5, share: 0.8 });
    assert.deepEqual(h.menteeDrives.trend, [
      { month: '2026-11', mentee: 2, total: 3, share: 0.667 }, // c1 ben, c2 ana, c5 ana
      { month: '2026-12', mentee: 2, total: 2, share: 1 }, // c10 ana, c11 ana
    ]);
    // One open request, asked 12-12: 8 days.
    assert.deepEqual(h.openFeedback, { count: 1, ages: [8], oldestDays: 8 });
    assert.deepEqual(h.goals, { total: 1, planned: 0, inProgress: 1, done: 0, dropped: 0 });
    assert.deepEqual(h.benchmarks, { part: 1, total: 2, share: 0.5 });
    // The 12-19 agenda was prepared with next_session empty (the cadence only proposes 01-02):
    // nothing is agreed, whatever the cadence says.
    assert.match(readFileSafe(repo, S19), /^next_session: *#.*2027-01-02/m);
    assert.deepEqual(h.nextSession, { agreed: false, date: null });
  });

  it('counts by the day: deadlines to come are not counted until done, an agreed date is agreed', async () => {
    const history = await readHistory(buildRepo());
    const h = historyHealth(history, '2026-12-10').pairs[0];
    // Before 12-10: A ✓, B ✓, C ✗, D ✓; done with a deadline to come: G ✓ (ticked 12-10).
    // H (12-10 is not before 12-10) and E (12-19) are open with time left: not counted. → 4 of 5.
    assert.deepEqual(h.followThrough, { part: 4, total: 5, share: 0.8 });
    // The last session held, 12-05, agreed 12-19 (a person wrote it in c8).
    assert.deepEqual(h.nextSession, { agreed: true, date: '2026-12-19' });
  });

  it('counts a tick that is not committed yet as done today, and a prepared agenda as not agreed', async () => {
    const repo = buildRepo();
    const history = await readHistory(repo);
    const s05 = agenda('2026-12-05', {
      followUps: [done(B), done(D)],
      actions: [E, done(F), done(G)],
      next: '2026-12-19',
    });
    writeFileSync(join(repo, S05), s05);
    writeFileSync(
      join(repo, `${P}/sessions/2026-12-27.yaml`),
      newAgendaText({ date: '2026-12-27', preparedBy: 'ana' }),
    );
    const model = await loadMentoring(repo);
    const pair = model.pairs[0];
    const h = pairHealth(pairStateFromModel(pair), history, '2026-12-20');
    // F ticked in the working tree: done "today", 12-20, before its 12-31 deadline ✓ → 5 of 8.
    assert.deepEqual(h.followThrough, { part: 5, total: 8, share: 0.625 });
    // An agenda for 12-27 exists, but nobody agreed a date: not agreed, its date shown.
    assert.deepEqual(h.nextSession, { agreed: false, date: '2026-12-27' });
  });

  it('never calls a finished action overdue, wherever an older copy shows it open', async () => {
    const repo = buildRepo();
    const model = await loadMentoring(repo);
    const pair = model.pairs[0];
    const state = pairStateFromModel(pair);
    const actions = pairActions(state.sessions);
    // B is open in the 11-21 agenda but done in the 12-05 follow-ups; H is open everywhere.
    const byText = (text: string) => [...actions.values()].find((a) => a.key.endsWith(`|${text.toLowerCase()}`));
    assert.equal(byText(B[0])?.finished, true);
    assert.equal(byText(H[0])?.finished, false);
    assert.equal(byText(D[0])?.deadline, '2026-12-05');
    assert.equal(finishedActionKeys(state.sessions).size, 5, 'A, B, C, D, G');
    const view = buildState({
      model,
      loading: false,
      trusted: true,
      hasWorkspace: true,
      folder: '.mentoring',
      today: '2026-12-20',
      me: { kind: 'known', handle: 'ana', name: 'Ana', source: 'setting' },
      people: [],
      selectedPairId: 'ana--ben',
      isCommitted: () => true,
    });
    const s21 = view.pair?.sessions.find((s) => s.date === '2026-11-21');
    const shown = Object.fromEntries((s21?.actions ?? []).map((a) => [a.text, { done: a.done, finished: a.finished }]));
    assert.deepEqual(shown[B[0]], { done: false, finished: true }, 'open in this file, finished: not overdue');
    assert.deepEqual(shown[H[0]], { done: false, finished: false }, 'open everywhere: overdue');
  });
});

function readFileSafe(repo: string, rel: string): string {
  return execFileSync('git', ['show', `HEAD:${rel}`], { cwd: repo, encoding: 'utf8' });
}
