// The sidebar's figures, on the same code path as the extension without VS Code: the folder
// index's first load (program, people, my pairs) and one patch, each turned into the sidebar state.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { FolderIndex } from '../src/core/folder/folderIndex';
import type { MentoringModel } from '../src/core/folder/model';
import { knownPeople } from '../src/core/folder/people';
import type { SidebarState } from '../src/protocol/messages';
import { buildState } from '../src/extension/sidebar/viewModel';

/** The sidebar state the extension would post for `me`. */
export function sidebarState(model: MentoringModel, me: string, pairId: string, today: string): SidebarState {
  return buildState({
    model,
    loading: false,
    trusted: true,
    hasWorkspace: true,
    folder: '.mentoring',
    today,
    me: { kind: 'known', handle: me, name: me, source: 'setting' },
    people: knownPeople(model).map((p) => ({ handle: p.handle, name: p.name })),
    selectedPairId: pairId,
    isCommitted: () => true,
  });
}

/** First sidebar state for the mentee of `pairId`: the index's first load and the state built from it. */
export async function firstState(dir: string, pairId: string, today: string): Promise<FolderIndex> {
  const me = pairId.split('--')[0];
  const index = new FolderIndex(dir, { folder: '.mentoring' });
  await index.loadFirst(
    () => me,
    () => ({ handles: [me] }),
  );
  const state = sidebarState(index.model, me, pairId, today);
  if (state.pair?.id !== pairId) throw new Error('the first state does not show my pair');
  return index;
}

/** The baseline: read and parse the files the first state needs (program, people, my pair). */
export function readFirstFiles(files: string[]): void {
  for (const file of files) parse(readFileSync(file, 'utf8'));
}

/** One agenda of `pairId` changed on disk, patched in, the state rebuilt; returns the milliseconds. */
export async function oneFileChanged(index: FolderIndex, pairId: string, today: string, run: number): Promise<number> {
  const me = pairId.split('--')[0];
  const date = '2026-12-31';
  const abs = join(index.folder, 'pairs', pairId, 'sessions', `${date}.yaml`);
  writeFileSync(abs, `date: ${date}\nprepared_by: ${me}\nobjectives:\n  - Objective ${run}\n`);
  const t0 = performance.now();
  await index.patch([abs]);
  const state = sidebarState(index.model, me, pairId, today);
  const ms = performance.now() - t0;
  if (!state.pair?.sessions.some((s) => s.objectives[0] === `Objective ${run}`))
    throw new Error('the change is not shown');
  return ms;
}
