// Who a person is, and which person a git email belongs to: one rule for the sidebar's "who am
// I", the CLI, the authors in the history and the senders of proposals. A handle is the file's
// name (validate flags a `handle:` that differs); emails compare trimmed and case-insensitively;
// when two files list the same email, the first by file name keeps it.
import { basename } from 'node:path';
import type { MentoringModel, Person } from './model';
import { isHandle } from './names';

export interface PersonEmails {
  handle: string;
  emails?: unknown;
}

/** An email as people files and git authors are compared. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

function emailsOf(person: PersonEmails): string[] {
  if (!Array.isArray(person.emails)) return [];
  return person.emails
    .filter((e): e is string => typeof e === 'string')
    .map(emailKey)
    .filter(Boolean);
}

/** The person whose file lists `email`, if any. */
export function personFromEmail<P extends PersonEmails>(
  people: readonly P[],
  email: string | undefined,
): P | undefined {
  const key = emailKey(email ?? '');
  return key === '' ? undefined : people.find((person) => emailsOf(person).includes(key));
}

/** `emailKey(email)` → handle for many look-ups (the history maps every commit's author). */
export function emailIndex(people: readonly PersonEmails[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const person of [...people].sort((a, b) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0)))
    for (const email of emailsOf(person)) if (!index.has(email)) index.set(email, person.handle);
  return index;
}

/** People whose files parsed, sorted by handle; the name is the handle when the file gives none. */
export function knownPeople(model: MentoringModel | undefined): Person[] {
  const people: Person[] = [];
  for (const file of model?.people ?? []) {
    const handle = basename(file.rel, '.yaml');
    if (!file.data || typeof file.data !== 'object' || !isHandle(handle)) continue;
    people.push({ ...file.data, handle, name: typeof file.data.name === 'string' ? file.data.name : handle });
  }
  return people.sort((a, b) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0));
}
