// Sealing a pair's files in the working tree: the values of its sealed fields still in clear text
// (written by hand, or before both people had a key) are sealed to the pair's recipients, and the
// values sealed to an older set of recipients (a device or key added since) are opened with my
// identities and sealed again. Share runs it before it looks for changes; `mentoring seal` runs it
// alone. Nothing is committed here.
//
// How a change of recipients is known: each sealed file records the fingerprint of the recipients
// its values are sealed to under `x-sealed-to` (core/seal/fields.ts). A file whose fingerprint is
// not the pair's current one has its sealed values re-sealed; the fingerprint is written only once
// every sealed value of the file was sealed to the current recipients (a value none of my keys
// opens stays as it was, and is counted, so the other person's Share can re-seal it).
import { setValue } from '../edit';
import { readText, writeFile } from '../fs';
import { loadMentoring } from '../folder/load';
import type { LoadedFile, MentoringModel, PairModel } from '../folder/model';
import { toRel } from '../folder/paths';
import { MAX_FILE_BYTES, parseYaml } from '../folder/yamlText';
import {
  SEALABLE_FIELDS,
  SEALED_TO_KEY,
  isSealed,
  pairFiles,
  pairRecipients,
  recipientsFingerprint,
  sealText,
  sealablePaths,
  sealedFieldsFor,
  unsealText,
  type ValuePath,
} from '../seal';

export interface SealOptions {
  /** The mentoring folder relative to the root (default `.mentoring`). */
  folder?: string;
  /** Only this pair; default: every pair. */
  pair?: string;
  /** My identities (age secret keys): what re-sealing can open. Without them only clear values are sealed. */
  identities?: readonly string[];
  /** Only these files, relative to the root with '/' (Share's "Commit agenda"). */
  only?: readonly string[];
  /** Say what would change; write nothing. */
  dryRun?: boolean;
}

export interface SealedFile {
  /** Relative to the root, with '/'. */
  file: string;
  /** Clear values sealed. */
  sealed: number;
  /** Values sealed to older recipients, sealed again to the current ones. */
  resealed: number;
  /** Values sealed to older recipients that none of my identities opens (left as they were). */
  unopened: number;
}

export interface PairSealing {
  pair: string;
  /** The pair's people without a key: nothing of the pair is sealed until both have one. */
  withoutKey: string[];
  files: SealedFile[];
}

/** Seals what should be sealed in the pairs' files (see above); returns what it did, pair by pair. */
export async function sealPairs(root: string, options: SealOptions = {}): Promise<PairSealing[]> {
  const model = await loadMentoring(root, { folder: options.folder });
  const pairs = model.pairs.filter((pair) => options.pair === undefined || pair.id === options.pair);
  const result: PairSealing[] = [];
  for (const pair of pairs) result.push(await sealPair(model, pair, options));
  return result;
}

async function sealPair(model: MentoringModel, pair: PairModel, options: SealOptions): Promise<PairSealing> {
  const { recipients, withoutKey } = pairRecipients(model, pair.id);
  const sealing: PairSealing = { pair: pair.id, withoutKey, files: [] };
  if (withoutKey.length > 0) return sealing;
  const fields = sealedFieldsFor(model, pair.id);
  const fingerprint = recipientsFingerprint(recipients);
  for (const file of pairFiles(pair)) {
    if (options.only && !options.only.includes(file.rel)) continue;
    const done = await sealFile(model.root, file, { fields, recipients, fingerprint, options });
    if (done) sealing.files.push(done);
  }
  return sealing;
}

interface FileJob {
  fields: ReturnType<typeof sealedFieldsFor>;
  recipients: string[];
  fingerprint: string;
  options: SealOptions;
}

async function sealFile(root: string, file: LoadedFile<unknown>, job: FileJob): Promise<SealedFile | undefined> {
  // The file as it is on the disk now (the model may hold an editor's unsaved text).
  let text = readText(root, file.path, MAX_FILE_BYTES);
  const parsed = parseYaml(text);
  const data = parsed.data as Record<string, unknown> | undefined;
  if (parsed.problems.length > 0 || typeof data !== 'object' || data === null) return undefined;
  const current = data[SEALED_TO_KEY] === job.fingerprint;
  const clear = sealablePaths(file.kind, data, job.fields).filter((path) => !isSealed(valueAt(data, path)));
  const stale = current
    ? []
    : sealablePaths(file.kind, data, SEALABLE_FIELDS).filter((path) => isSealed(valueAt(data, path)));
  const done: SealedFile = { file: toRel(root, file.path), sealed: 0, resealed: 0, unopened: 0 };
  for (const path of clear) {
    text = setValue(text, path, await sealText(valueAt(data, path) as string, job.recipients));
    done.sealed++;
  }
  for (const path of stale) {
    const open = await unsealText(valueAt(data, path) as string, job.options.identities ?? []).catch(() => undefined);
    if (open === undefined) {
      done.unopened++;
      continue;
    }
    text = setValue(text, path, await sealText(open, job.recipients));
    done.resealed++;
  }
  const holdsSealed = done.sealed + done.resealed > 0 || stale.length > 0;
  if (!current && holdsSealed && done.unopened === 0) text = setValue(text, [SEALED_TO_KEY], job.fingerprint);
  if (done.sealed + done.resealed === 0) return done.unopened > 0 ? done : undefined;
  if (!job.options.dryRun) await writeFile(root, file.path, text);
  return done;
}

function valueAt(data: unknown, path: ValuePath): unknown {
  let value = data;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return value;
}
