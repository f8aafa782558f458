// `mentoring init`: a program file, two example people, one example pair that shows every
// field with comments, and the .gitignore that keeps `.private/` out of git. Never overwrites.
import { checkPath, lineEndingFor, withLineEnding, writeFile } from '../fs';
import { join, relative } from 'node:path';
import { examplePlan, exampleSession, exampleFeedback, examplePeople, programTemplate } from './exampleFiles';
import { MENTORING_GITIGNORE } from './privateNotes';
import { localToday } from './today';

export interface InitResult {
  created: string[];
  skipped: string[];
}

export async function initMentoring(root: string, folder = '.mentoring', today = localToday()): Promise<InitResult> {
  const base = join(root, folder);
  const pair = join(base, 'pairs', 'ana--ben');
  const files: [string, string][] = [
    [join(base, 'program.yaml'), programTemplate()],
    [join(base, '.gitignore'), MENTORING_GITIGNORE],
    ...examplePeople().map(([handle, text]): [string, string] => [join(base, 'people', `${handle}.yaml`), text]),
    [join(pair, 'plan.yaml'), examplePlan(today)],
    [join(pair, 'sessions', `${today}.yaml`), exampleSession(today)],
    [join(pair, 'feedback', `${today}-retry-policy.yaml`), exampleFeedback(today)],
  ];
  const result: InitResult = { created: [], skipped: [] };
  for (const [path, text] of files) {
    const rel = relative(root, path).split('\\').join('/');
    // A link anywhere on the way is refused (UnsafePathError), before anything is written.
    if (checkPath(root, path) !== 'missing') {
      result.skipped.push(rel);
      continue;
    }
    await writeFile(root, path, withLineEnding(text, lineEndingFor(root, path)), { exclusive: true });
    result.created.push(rel);
  }
  return result;
}
