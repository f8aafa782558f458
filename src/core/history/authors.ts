// Who wrote a commit: the people files (`people/<handle>.yaml`) and the emails each lists, so
// an event's author is a handle where one matches.
import { isHandle } from '../folder/names';
import { emailIndex } from '../folder/people';
import { decodeYamlBytes } from '../folder/yamlText';
import { parseVersion } from './facts';

export interface PersonFacts {
  kind: 'person';
  emails: string[];
}

export function personHandle(folder: string, path: string): string | undefined {
  const prefix = `${folder}/people/`;
  if (!path.startsWith(prefix) || !path.endsWith('.yaml')) return undefined;
  const handle = path.slice(prefix.length, -'.yaml'.length);
  return isHandle(handle) ? handle : undefined;
}

export function personFacts(content: Buffer | undefined): PersonFacts {
  if (!content) return { kind: 'person', emails: [] };
  try {
    const data = parseVersion(decodeYamlBytes(content)) as { emails?: unknown } | undefined;
    const emails = Array.isArray(data?.emails) ? data.emails.filter((e): e is string => typeof e === 'string') : [];
    return { kind: 'person', emails };
  } catch {
    return { kind: 'person', emails: [] };
  }
}

/** The people files at HEAD, mapped as the sidebar maps them (see folder/people.ts). */
export function authorIndex(
  tree: Map<string, string>,
  folder: string,
  personOf: (blob: string) => PersonFacts | undefined,
): Map<string, string> {
  const people: { handle: string; emails: string[] }[] = [];
  for (const [path, blob] of tree) {
    const handle = personHandle(folder, path);
    if (handle === undefined) continue;
    const person = personOf(blob);
    people.push({ handle, emails: person?.emails ?? [] });
  }
  return emailIndex(people);
}
