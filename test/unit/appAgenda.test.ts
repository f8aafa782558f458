// Preparing an agenda, called the way `mentoring agenda` calls it (who prepares from git
// user.email, no date) and the way the sidebar calls it (the person acting, a chosen date).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AgendaRefused, prepareAgenda } from '../../src/core/app/agenda';
import { initMentoring } from '../../src/core/app/init';
import { loadMentoring } from '../../src/core/folder/load';
import { knownPeople, personFromEmail } from '../../src/core/folder/people';
import { userEmail } from '../../src/core/git/repository';
import { removeTempDirs, tempRepo } from './helpers/tempRepo';

const TODAY = '2026-03-02';
const PAIR = '.mentoring/pairs/ana--ben';

after(removeTempDirs);

/** `mentoring init` in a real repository whose git user is `email`, with files replaced. */
async function repoWith(email: string, files: Record<string, string> = {}) {
  const root = tempRepo(email);
  await initMentoring(root, '.mentoring', TODAY);
  for (const [rel, text] of Object.entries(files)) writeFileSync(join(root, rel), text);
  return root;
}

/** As the CLI: who prepares is whoever git's user.email names, if anyone. */
async function fromCli(root: string, date?: string) {
  const model = await loadMentoring(root);
  const me = personFromEmail(knownPeople(model), await userEmail(root));
  return prepareAgenda({ model, pairId: 'ana--ben', preparedBy: me?.handle, date, today: TODAY });
}

/** As the sidebar: the person acting and the date they chose. */
async function fromSidebar(root: string, preparedBy: string, date: string) {
  const model = await loadMentoring(root);
  return prepareAgenda({ model, pairId: 'ana--ben', preparedBy, date, today: TODAY });
}

function replaceIn(root: string, rel: string, from: string | RegExp, to: string): string {
  const text = readFileSync(join(root, rel), 'utf8');
  const next = text.replace(from, to);
  assert.notEqual(next, text, `${rel} has no ${String(from)}`);
  return next;
}

describe('app: prepare an agenda', () => {
  it('the CLI way: the next session without an agenda, open actions carried over, the plan cadence', async () => {
    const root = await repoWith('someone@elsewhere.org');
    const agenda = await fromCli(root);
    // Today's example agenda agreed to meet again in 14 days.
    assert.equal(agenda.date, '2026-03-16');
    assert.equal(agenda.rel, `${PAIR}/sessions/2026-03-16.yaml`);
    assert.equal(agenda.path, join(root, agenda.rel));
    assert.deepEqual(
      agenda.carriedOver.map((a) => a.text),
      ['Draft the outbox design'],
    );
    const data = parse(agenda.text);
    assert.equal(data.prepared_by, 'ana', 'nobody known prepares: the mentee signs');
    assert.equal(data.next_session, null, 'left for the pair to agree');
    assert.match(agenda.text, /Every 14 days would be 2026-03-30/);
    assert.deepEqual(
      data.follow_ups.map((a: { text: string }) => a.text),
      ['Draft the outbox design'],
    );
  });

  it('prepared_by is the person preparing when they are in the pair, else the mentee', async () => {
    assert.equal((await fromCli(await repoWith('BEN@example.com'))).preparedBy, 'ben');
    assert.equal((await fromCli(await repoWith('ana@example.com'))).preparedBy, 'ana');
    const root = await repoWith('x@y.org', {
      '.mentoring/people/cleo.yaml': 'handle: cleo\nname: Cleo\nemails: [cleo@example.com]\nroles: [coordinator]\n',
    });
    assert.equal((await fromSidebar(root, 'cleo', '2026-04-01')).preparedBy, 'ana');
    assert.equal((await fromSidebar(root, 'ben', '2026-04-01')).preparedBy, 'ben');
  });

  it('cadence: the plan, else the program default, else 14 days', async () => {
    const plan = `${PAIR}/plan.yaml`;
    let root = await repoWith('x@y.org');
    writeFileSync(join(root, plan), replaceIn(root, plan, /cadence_days: 14/, 'cadence_days: 7'));
    assert.match((await fromSidebar(root, 'ana', '2026-04-01')).text, /Every 7 days would be 2026-04-08/);

    root = await repoWith('x@y.org');
    writeFileSync(join(root, plan), replaceIn(root, plan, /\n {2}cadence_days: 14[^\n]*/, ''));
    writeFileSync(
      join(root, '.mentoring/program.yaml'),
      replaceIn(root, '.mentoring/program.yaml', /cadence_days: 14/, 'cadence_days: 21'),
    );
    assert.match((await fromSidebar(root, 'ana', '2026-04-01')).text, /Every 21 days would be 2026-04-22/);

    writeFileSync(
      join(root, '.mentoring/program.yaml'),
      replaceIn(root, '.mentoring/program.yaml', /\n {2}cadence_days: 21[^\n]*/, ''),
    );
    assert.match((await fromSidebar(root, 'ana', '2026-04-01')).text, /Every 14 days would be 2026-04-15/);
  });

  it('refuses an unknown pair, a broken plan, a broken previous agenda and an existing agenda', async () => {
    const root = await repoWith('x@y.org');
    const model = await loadMentoring(root);
    assert.throws(
      () => prepareAgenda({ model, pairId: 'cleo--ben', preparedBy: 'ben', today: TODAY }),
      (error: Error) =>
        error instanceof AgendaRefused && /no pair cleo--ben in \.mentoring\/pairs\//.test(error.message),
    );
    await assert.rejects(
      fromSidebar(root, 'ana', TODAY),
      new AgendaRefused(
        `${PAIR}/sessions/${TODAY}.yaml already exists: the agenda for ${TODAY} is prepared; open it, or pick another date.`,
      ),
    );

    const session = `${PAIR}/sessions/${TODAY}.yaml`;
    writeFileSync(join(root, session), replaceIn(root, session, /^actions:/m, 'actions: [unclosed'));
    await assert.rejects(fromCli(root), (error: Error) => {
      assert.match(error.message, /^The previous agenda .*2026-03-02\.yaml has errors, so its open actions cannot be/);
      assert.match(error.message, new RegExp(`\\(${session.replace(/\./g, '\\.')}:\\d+:\\d+: `));
      return true;
    });
    // An agenda before the broken one carries from its own previous session.
    assert.equal((await fromSidebar(root, 'ana', '2026-03-01')).carriedOver.length, 0);

    const plan = `${PAIR}/plan.yaml`;
    writeFileSync(join(root, plan), replaceIn(root, plan, /^status: active/m, 'status: someday'));
    await assert.rejects(fromSidebar(root, 'ben', '2026-03-01'), (error: Error) => {
      assert.match(error.message, /^The plan of ana--ben has errors; fix them first \(.*plan\.yaml:5:\d+: /);
      return true;
    });
  });

  it('refuses a date that is not a real date', async () => {
    const root = await repoWith('x@y.org');
    await assert.rejects(fromSidebar(root, 'ana', '2026-02-30'), AgendaRefused);
  });
});
