// A sealed value never leaves the core as ciphertext: whatever of a pair's files a viewer is given
// (opened for them or not), what is still sealed reads "(sealed)". The pair's own members get
// their values opened first (core/seal, `unsealForViewer`); everyone else, and a member whose keys
// do not open a value, sees the placeholder.
import type { LoadedFile, MentoringModel, PairModel } from '../folder/model';
import { SEALED_PLACEHOLDER, isSealed } from '../../shared/sealed';

/** `value` with every sealed string in it replaced by the placeholder (the same value when it holds none). */
export function withoutCiphertext<T>(value: T): T {
  if (isSealed(value)) return SEALED_PLACEHOLDER as T;
  if (Array.isArray(value)) {
    const items = value.map(withoutCiphertext);
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = withoutCiphertext(item);
      changed ||= out[key] !== item;
    }
    return (changed ? out : value) as T;
  }
  return value;
}

/** A file whose data holds no ciphertext; its raw text is dropped when it held a sealed value. */
export function fileWithoutCiphertext<T>(file: LoadedFile<T>): LoadedFile<T> {
  const data = withoutCiphertext(file.data);
  if (data === file.data) return file;
  const { text: _text, ...rest } = file;
  return { ...rest, data };
}

/** A pair whose files hold no ciphertext. */
export function pairWithoutCiphertext<P extends PairModel>(pair: P): P {
  const plan = pair.plan && fileWithoutCiphertext(pair.plan);
  const sessions = pair.sessions.map(fileWithoutCiphertext);
  const feedback = pair.feedback.map(fileWithoutCiphertext);
  const same =
    plan === pair.plan &&
    sessions.every((f, i) => f === pair.sessions[i]) &&
    feedback.every((f, i) => f === pair.feedback[i]);
  return same ? pair : { ...pair, plan, sessions, feedback };
}

/** The model with no ciphertext in any pair's files: what the faces show from. */
export function modelWithoutCiphertext(model: MentoringModel): MentoringModel {
  const pairs = model.pairs.map(pairWithoutCiphertext);
  return pairs.every((p, i) => p === model.pairs[i]) ? model : { ...model, pairs };
}
