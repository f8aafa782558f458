// What needs me, per role, from real files in a real repository (inboxScenario.ts), called the
// way both faces call it: the loaded folder, the pending proposals, today, and what was seen.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inbox, type InboxItem } from '../../src/core/app/inbox';
import { loadMentoring } from '../../src/core/folder/load';
import { pendingProposals } from '../../src/core/review';
import { removeTempDirs } from './helpers/tempRepo';
import { day, FILES, inboxScenario, TODAY } from './inboxScenario';

async function inboxOf(repo: string, me: string, seen?: ReadonlySet<string>): Promise<InboxItem[]> {
  const model = await loadMentoring(repo);
  const proposals = await pendingProposals(repo);
  return inbox(model, me, { today: TODAY, proposals, seen });
}

const brief = (items: InboxItem[]) => items.map((item) => [item.kind, item.pair, item.text]);

describe('inbox: what needs me', () => {
  afterEach(removeTempDirs);

  it('as mentor: the open request with its age, the proposal, my action, the agenda to read', async () => {
    const repo = inboxScenario();
    const items = await inboxOf(repo, 'ben');
    assert.deepEqual(brief(items), [
      [
        'feedback-to-answer',
        'ana--ben',
        "Ana asked you for feedback 5 days ago: 'SECRET-QUESTION-1 is this retry policy safe? \u001b[31mred'",
      ],
      ['proposal-to-review', 'fay--ben', 'Fay asks you to be their mentor (today)'],
      ['action-due', 'ana--ben', "Your action 'SECRET-ACTION-2 send Ana the review checklist' is due tomorrow"],
      [
        'agenda-to-read',
        'eve--ben',
        "Read Eve's agenda for the session tomorrow: 'SECRET-OBJECTIVE-2 decide how to split the export job'",
      ],
    ]);
    const [request, proposal, action, agenda] = items;
    assert.equal(request.file, FILES.request);
    assert.equal(request.line, 7, 'the answer, where the request is handled');
    assert.deepEqual([request.ageDays, request.date, request.role, request.other], [5, day(-5), 'mentor', 'ana']);
    assert.equal(proposal.proposal?.branch, `mentoring/fay--ben/relationship-${TODAY}`);
    assert.equal(proposal.file, '.mentoring/pairs/fay--ben/plan.yaml');
    assert.equal(proposal.ageDays, 0);
    assert.deepEqual(action.action, {
      list: 'actions',
      index: 1,
      text: 'SECRET-ACTION-2 send Ana the review checklist',
      due: day(1),
    });
    assert.deepEqual([action.file, action.line, action.dueInDays], [FILES.lastSession, 15, 1]);
    assert.deepEqual([agenda.file, agenda.session, agenda.dueInDays], [FILES.eveAgenda, day(1), 1]);
  });

  it('as mentee: my overdue action, the session with no agenda, no next session, the answer I have not seen', async () => {
    const repo = inboxScenario();
    const items = await inboxOf(repo, 'ana');
    assert.deepEqual(brief(items), [
      [
        'action-due',
        'ana--ben',
        `Your action 'SECRET-ACTION-1 draft the outbox design' was due 2 days ago (${short(day(-2))})`,
      ],
      ['agenda-missing', 'ana--ben', `The session with Ben on ${short(day(3))} (in 3 days) has no agenda yet`],
      ['no-next-session', 'ana--gil', `No next session agreed with Gil: the last one was ${short(day(-40))}`],
      [
        'feedback-answered',
        'ana--ben',
        "Ben answered your feedback request yesterday: 'SECRET-QUESTION-2 how should I name the export job?'",
      ],
    ]);
    const [action, missing, none, answered] = items;
    assert.deepEqual([action.dueInDays, action.file, action.line], [-2, FILES.lastSession, 12]);
    assert.equal(missing.file, `.mentoring/pairs/ana--ben/sessions/${day(3)}.yaml`);
    assert.deepEqual([missing.session, missing.dueInDays], [day(3), 3]);
    assert.deepEqual([none.file, none.line], [FILES.gilSession, 5]);
    assert.deepEqual([answered.file, answered.ageDays], [FILES.answered, 1]);

    // Seen in the sidebar: the answer is no longer news.
    const seen = new Set([answered.id]);
    const after = await inboxOf(repo, 'ana', seen);
    assert.deepEqual(
      after.map((item) => item.kind),
      ['action-due', 'agenda-missing', 'no-next-session'],
    );
  });

  it('never says a finished action is overdue: ticked on another copy of it is done', async () => {
    const repo = inboxScenario();
    // The same action in the agenda after it, carried over as a follow-up and ticked there.
    writeFileSync(
      join(repo, `.mentoring/pairs/ana--ben/sessions/${day(3)}.yaml`),
      `date: ${day(3)}\nprepared_by: ana\nfollow_ups:\n  - text: SECRET-ACTION-1 draft the outbox design\n    owner: ana\n    due: ${day(-2)}\n    done: true\n`,
    );
    const kinds = (await inboxOf(repo, 'ana')).map((item) => item.kind);
    assert.ok(!kinds.includes('action-due'), kinds.join(', '));
    // Ticked on the older copy while the newer one still shows it open: done as well.
    writeFileSync(
      join(repo, `.mentoring/pairs/ana--ben/sessions/${day(3)}.yaml`),
      `date: ${day(3)}\nprepared_by: ana\nfollow_ups:\n  - text: SECRET-ACTION-1 draft the outbox design\n    owner: ana\n    due: ${day(-2)}\n`,
    );
    const last = join(repo, FILES.lastSession);
    writeFileSync(last, readFileSync(last, 'utf8').replace(`due: ${day(-2)}\n`, `due: ${day(-2)}\n    done: true\n`));
    assert.ok(!(await inboxOf(repo, 'ana')).some((item) => item.kind === 'action-due'));
  });

  it('the rhythm goes to whoever drives; a coordinator and an outsider get nothing of a pair', async () => {
    const repo = inboxScenario({ driver: 'mentor' });
    assert.ok((await inboxOf(repo, 'ben')).some((item) => item.kind === 'agenda-missing'));
    assert.ok(!(await inboxOf(repo, 'ana')).some((item) => item.kind === 'agenda-missing'));
    assert.deepEqual(await inboxOf(repo, 'cleo'), []);
    assert.deepEqual(await inboxOf(repo, 'dan'), []);
  });
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function short(iso: string): string {
  const [, month, date] = iso.split('-').map(Number);
  return `${MONTHS[month - 1]} ${date}`;
}
