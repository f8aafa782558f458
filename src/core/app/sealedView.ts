// What a face shows of the folder: the viewer's own pairs with their sealed values opened by the
// viewer's identities, and every value still sealed as the "(sealed)" placeholder, never as
// ciphertext. The CLI's read-only commands and the sidebar show from this.
import type { Handle, MentoringModel } from '../folder/model';
import { modelWithoutCiphertext } from '../policy/sealed';
import { unsealForViewer } from '../seal';

export async function modelForViewer(
  model: MentoringModel,
  viewer: Handle | undefined,
  identities: readonly string[],
): Promise<MentoringModel> {
  return modelWithoutCiphertext(await unsealForViewer(model, viewer, identities));
}
