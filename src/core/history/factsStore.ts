// The facts of file versions, shared by every history walk, keyed `kind:blob`: a blob id names
// its content, so a fact holds across repositories. The store is emptied when it grows past
// MAX_FACTS; its generation counts how often, so a walk knows whether its files' facts are still
// there (walk.ts reads the missing ones again).
import { personFacts, personHandle, type PersonFacts } from './authors';
import { classifyPairPath, factsOfBlob, type FileFacts, type PairFileKind } from './facts';

export type BlobKind = PairFileKind | 'person';
export type AnyFacts = FileFacts | PersonFacts;

const store = new Map<string, AnyFacts>();
const MAX_FACTS = 1_000_000;
let generation = 0;

/** What kind of mentoring file `path` (relative to the top, with '/') is, if any. */
export function blobKind(folder: string, path: string): BlobKind | undefined {
  return (
    classifyPairPath(`${folder}/`, path)?.kind ?? (personHandle(folder, path) !== undefined ? 'person' : undefined)
  );
}

/** The facts stored under `kind:blob`. */
export const factOf = (key: string): AnyFacts | undefined => store.get(key);

export const hasFacts = (kind: BlobKind, blob: string): boolean => store.has(`${kind}:${blob}`);

/** A pair file version's facts, when stored. */
export function fileFacts(kind: PairFileKind, blob: string | undefined): FileFacts | undefined {
  return blob === undefined ? undefined : (store.get(`${kind}:${blob}`) as FileFacts | undefined);
}

export const personFactsOf = (blob: string): PersonFacts | undefined =>
  store.get(`person:${blob}`) as PersonFacts | undefined;

/** Reads and stores the facts of a version's content. */
export function storeFacts(kind: BlobKind, blob: string, content: Buffer | undefined): void {
  store.set(`${kind}:${blob}`, kind === 'person' ? personFacts(content) : factsOfBlob(kind, content));
}

/** Facts read back from a file on disk (index or summary), where none is stored yet. */
export function rememberFacts(entries: Iterable<[string, AnyFacts]>): void {
  for (const [key, facts] of entries) if (!store.has(key)) store.set(key, facts);
}

export const factsGeneration = (): number => generation;

/** Empties the store when it has grown past its limit. */
export function trimFacts(): void {
  if (store.size > MAX_FACTS) clearFacts();
}

export function clearFacts(): void {
  store.clear();
  generation++;
}
