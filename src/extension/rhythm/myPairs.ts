// What the status bar and the reminders need at startup, read cheaply: the program, the people
// and only my own pairs' folders. The sidebar loads the whole folder later, when it is shown; from
// then on its model is used instead.
import type { MentoringModel } from '../../core/folder/model';
import type { IdentityView } from '../../protocol/messages';
import type { Identity } from '../state/identity';

export interface MyFolder {
  model: MentoringModel;
  me: IdentityView;
}

/** Loads program, people and the pairs `me` is part of; undefined when there is no mentoring folder. */
export async function loadMyFolder(root: string, folder: string, identity: Identity): Promise<MyFolder | undefined> {
  // Imported on first use: activation stays light (the core's loader and schemas are not needed before).
  const { loadMentoring } = await import('../../core/folder/load');
  const people = await loadMentoring(root, { folder, pairs: () => false });
  if (!people.exists) return undefined;
  const me = await identity.resolve(people, root);
  if (me.kind !== 'known') return { model: people, me };
  const handle = me.handle;
  const model = await loadMentoring(root, {
    folder,
    pairs: (id) => id.startsWith(`${handle}--`) || id.endsWith(`--${handle}`),
  });
  return { model, me };
}
