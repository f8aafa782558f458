// My pairs' sealed values opened with my keys, as core `unsealForViewer` opens them, but
// remembering what each file opened to: the sidebar re-opens after every patch (a keystroke in an
// editor, a save), and one age decryption costs milliseconds (about 10 ms each on a loaded 2-core
// machine; 100 sealed values took a second per patch without this). A file the patch did not touch
// is the same object in the next model (core FolderIndex), so it is opened once. Core does the
// opening; this only keeps its answers. Nothing opened leaves the extension host.
import type { Handle, LoadedFile, MentoringModel, PairModel } from '../../core/folder/model';
import { containsSealed, pairFiles, unsealForViewer } from '../../core/seal';

export class OpenedModel {
  /** Each loaded file with sealed values → the same file opened, for the identities below. */
  private opened = new WeakMap<LoadedFile<unknown>, LoadedFile<unknown>>();
  private identities = '';

  /** `model` with `viewer`'s pairs opened by `identities`; anyone else's pairs as they are. */
  async open(model: MentoringModel, viewer: Handle, identities: readonly string[]): Promise<MentoringModel> {
    if (identities.join('\n') !== this.identities) {
      this.opened = new WeakMap();
      this.identities = identities.join('\n');
    }
    const mine = model.pairs.filter((p) => p.mentee === viewer || p.mentor === viewer);
    const fresh = mine
      .flatMap((pair) => pairFiles(pair) as LoadedFile<unknown>[])
      .filter((f) => containsSealed(f.data) && !this.opened.has(f));
    if (fresh.length > 0) {
      // Core opens the new ones (as one pair of the viewer's, whatever their kind).
      const carrier: PairModel = { id: '', mentee: viewer, mentor: viewer, dir: '', sessions: [], feedback: [] };
      const batch = await unsealForViewer(
        { ...model, pairs: [{ ...carrier, sessions: fresh as PairModel['sessions'] }] },
        viewer,
        identities,
      );
      batch.pairs[0].sessions.forEach((file, i) => this.opened.set(fresh[i], file));
    }
    const pick = <T>(file: LoadedFile<T>) => (this.opened.get(file) as LoadedFile<T> | undefined) ?? file;
    return {
      ...model,
      pairs: model.pairs.map((pair) =>
        mine.includes(pair)
          ? {
              ...pair,
              plan: pair.plan && pick(pair.plan),
              sessions: pair.sessions.map(pick),
              feedback: pair.feedback.map(pick),
            }
          : pair,
      ),
    };
  }
}
