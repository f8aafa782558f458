// The sidebar's state as the extension would post it, for tests: `handle` (undefined: not known
// yet) looking at ana--ben on 2026-11-22, nothing committed.
import type { MentoringModel } from '../../../src/core/folder/model';
import type { SidebarState } from '../../../src/protocol/messages';
import { buildState } from '../../../src/extension/sidebar/viewModel';

export function sidebarStateFor(model: MentoringModel, handle: string | undefined): SidebarState {
  return buildState({
    model,
    loading: false,
    trusted: true,
    hasWorkspace: true,
    folder: '.mentoring',
    today: '2026-11-22',
    me: handle
      ? { kind: 'known', handle, name: handle, source: 'setting' }
      : { kind: 'unknown', reason: 'No person file lists your git email.' },
    people: [],
    selectedPairId: 'ana--ben',
    isCommitted: () => false,
  });
}
