// The date "Prepare agenda" proposes, as the sidebar's view model, the palette command and
// `mentoring agenda` without --date all ask for it.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareAgenda } from '../../src/core/app/agenda';
import { initMentoring } from '../../src/core/app/init';
import { cadenceDays, proposedAgendaDate } from '../../src/core/app/nextSession';
import { loadMentoring } from '../../src/core/folder/load';
import { buildState } from '../../src/extension/sidebar/viewModel';
import { removeTempDirs, tempDir } from './helpers/tempRepo';

const TODAY = '2026-03-02';
const SESSIONS = '.mentoring/pairs/ana--ben/sessions';

after(removeTempDirs);

function agenda(date: string, nextSession?: string): string {
  return `date: ${date}\nprepared_by: ana\n${nextSession ? `next_session: ${nextSession}\n` : ''}`;
}

/** The example folder with these agendas only (date → text). */
async function folderWith(agendas: Record<string, string>): Promise<string> {
  const root = tempDir('mentoring-next-');
  await initMentoring(root, '.mentoring', TODAY);
  rmSync(join(root, SESSIONS), { recursive: true });
  mkdirSync(join(root, SESSIONS));
  for (const [date, text] of Object.entries(agendas)) writeFileSync(join(root, SESSIONS, `${date}.yaml`), text);
  return root;
}

/** What each face proposes: the sidebar (and the palette, which asks the same function) and the CLI. */
async function proposals(root: string, today = TODAY) {
  const model = await loadMentoring(root);
  const pair = model.pairs[0];
  const sidebar = buildState({
    model,
    loading: false,
    trusted: true,
    hasWorkspace: true,
    folder: '.mentoring',
    today,
    me: { kind: 'known', handle: 'ana', name: 'Ana', source: 'setting' },
    people: [],
    selectedPairId: pair.id,
    isCommitted: () => true,
  }).pair?.proposedAgendaDate;
  const cli = prepareAgenda({ model, pairId: pair.id, preparedBy: undefined, today }).date;
  const palette = proposedAgendaDate(model, pair, today);
  assert.equal(sidebar, palette, 'the sidebar proposes what the palette proposes');
  assert.equal(cli, palette, 'the CLI prepares what the palette proposes');
  return palette;
}

describe('app: the next-session proposal', () => {
  it('no session yet: today', async () => {
    assert.equal(await proposals(await folderWith({})), TODAY);
  });

  it('an agreed next session without an agenda: that date', async () => {
    assert.equal(await proposals(await folderWith({ '2026-02-20': agenda('2026-02-20', '2026-03-06') })), '2026-03-06');
  });

  it('an agreed date in the past is not proposed: today', async () => {
    assert.equal(await proposals(await folderWith({ '2026-02-01': agenda('2026-02-01', '2026-02-15') })), TODAY);
  });

  it('never a date that already has an agenda: the agreed date after it, else one cadence later', async () => {
    const root = await folderWith({
      '2026-02-20': agenda('2026-02-20', '2026-03-06'),
      '2026-03-06': agenda('2026-03-06', '2026-03-13'),
      '2026-03-13': agenda('2026-03-13'),
    });
    // 03-06 is prepared and agrees 03-13, which is prepared with no date agreed: 14 days on.
    assert.equal(await proposals(root), '2026-03-27');
  });

  it('an agenda today that agrees nothing: one cadence later, from the program when the plan has none', async () => {
    const root = await folderWith({ [TODAY]: agenda(TODAY) });
    assert.equal(await proposals(root), '2026-03-16');
    const plan = join(root, '.mentoring/pairs/ana--ben/plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/\n {2}cadence_days: 14[^\n]*/, ''));
    const program = join(root, '.mentoring/program.yaml');
    writeFileSync(program, readFileSync(program, 'utf8').replace('cadence_days: 14', 'cadence_days: 10'));
    const model = await loadMentoring(root);
    assert.equal(cadenceDays(model, model.pairs[0]), 10);
    assert.equal(await proposals(root), '2026-03-12');
  });

  it('nothing agreed after the last session: one cadence after it while that is to come, else today', async () => {
    // New agendas leave next_session empty: the cadence proposes, nobody agreed.
    assert.equal(await proposals(await folderWith({ '2026-02-20': agenda('2026-02-20') })), '2026-03-06');
    assert.equal(await proposals(await folderWith({ '2026-02-10': agenda('2026-02-10') })), TODAY);
  });

  it('a broken agenda still occupies its date', async () => {
    const root = await folderWith({ '2026-02-20': agenda('2026-02-20', '2026-03-06'), '2026-03-06': 'date: [\n' });
    const model = await loadMentoring(root);
    assert.equal(proposedAgendaDate(model, model.pairs[0], TODAY), '2026-03-20');
  });
});
