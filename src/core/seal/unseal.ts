// Opening a viewer's own pairs: every sealed value of the pairs they are the mentee or the mentor
// of, replaced by its clear text when one of their identities opens it. Other pairs, and values
// none of their identities opens, stay as they are (the policy shows them as "sealed").
import type { Handle, LoadedFile, MentoringModel, PairModel } from '../folder/model';
import { isSealed } from '../../shared/sealed';
import { unsealText } from './age';

/** `model` with the viewer's own pairs' sealed values opened. The model given is not changed. */
export async function unsealForViewer(
  model: MentoringModel,
  viewer: Handle | undefined,
  identities: readonly string[],
): Promise<MentoringModel> {
  if (viewer === undefined || identities.length === 0) return model;
  const cache = new Map<string, string | undefined>();
  const open = async (armored: string) => {
    if (!cache.has(armored)) cache.set(armored, await unsealText(armored, identities).catch(() => undefined));
    return cache.get(armored) ?? armored;
  };
  const pairs = await Promise.all(
    model.pairs.map(async (pair): Promise<PairModel> => {
      if (pair.mentee !== viewer && pair.mentor !== viewer) return pair;
      return {
        ...pair,
        plan: pair.plan && (await openFile(pair.plan, open)),
        sessions: await Promise.all(pair.sessions.map((f) => openFile(f, open))),
        feedback: await Promise.all(pair.feedback.map((f) => openFile(f, open))),
      };
    }),
  );
  return { ...model, pairs };
}

async function openFile<T>(file: LoadedFile<T>, open: (armored: string) => Promise<string>): Promise<LoadedFile<T>> {
  if (file.data === undefined || !containsSealed(file.data)) return file;
  return { ...file, data: (await mapStrings(file.data, open)) as T };
}

/** Whether any string inside `value` is sealed. */
export function containsSealed(value: unknown): boolean {
  if (isSealed(value)) return true;
  if (Array.isArray(value)) return value.some(containsSealed);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsSealed);
  return false;
}

async function mapStrings(value: unknown, open: (armored: string) => Promise<string>): Promise<unknown> {
  if (isSealed(value)) return open(value);
  if (Array.isArray(value)) return Promise.all(value.map((v) => mapStrings(v, open)));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await mapStrings(v, open);
    return out;
  }
  return value;
}
