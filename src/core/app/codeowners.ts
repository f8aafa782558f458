// `mentoring codeowners [--write]`: the CODEOWNERS block that asks each pair's mentor to review
// that pair's folder, in the file that the repository's host reads (GitHub or GitLab).
import { join } from 'node:path';
import type { MentoringModel, Problem } from '../folder/model';
import { MAX_FILE_BYTES } from '../folder/yamlText';
import { checkPath, lineEndingFor, readText, UnsafePathError, withLineEnding, writeFile } from '../fs';
import { isGitRepo } from '../git/repository';
import { pushRemote, remoteUrl } from '../git/refs';
import {
  chooseCodeownersFile,
  CODEOWNERS_LOCATIONS,
  codeownersLines,
  updateCodeowners,
  type CodeownersTarget,
} from '../review';
import { parseRemoteUrl, type GitHost } from '../review/remote';

const GITLAB_SECTION = '[Mentoring]';
const CANDIDATES = [...new Set([...CODEOWNERS_LOCATIONS.github, ...CODEOWNERS_LOCATIONS.gitlab])];

export interface CodeownersResult extends CodeownersTarget {
  lines: string[];
  /** Set by `writeCodeowners`: false when the file already held exactly these lines. */
  changed?: boolean;
}

/** Which file and which lines, without writing. Throws CodeownersError when a mentor has no usable handle. */
export async function planCodeowners(root: string, model: MentoringModel): Promise<CodeownersResult> {
  // A link or a FIFO at any of the places is refused (checkPath throws), never written through.
  const existing = CANDIDATES.filter((rel) => checkPath(root, join(root, rel)) !== 'missing');
  let remote: { name: string; host: GitHost | undefined } | undefined;
  if (await isGitRepo(root)) {
    const name = await pushRemote(root);
    const url = name ? await remoteUrl(root, name) : undefined;
    if (name) remote = { name, host: url ? parseRemoteUrl(url)?.host : undefined };
  }
  const target = chooseCodeownersFile(existing, remote);
  return { ...target, lines: codeownersLines(model, target.host) };
}

/** `planCodeowners`, then the marked block replaced (or appended) in that file, atomically. */
export async function writeCodeowners(root: string, model: MentoringModel): Promise<CodeownersResult> {
  const plan = await planCodeowners(root, model);
  const path = join(root, plan.rel);
  const existing = checkPath(root, path) === 'file' ? readText(root, path, MAX_FILE_BYTES) : '';
  // GitLab reads every line after a `[Section]` header as part of that section (with its
  // approval count), so on GitLab the block is a section of its own.
  const block = plan.host === 'gitlab' ? [GITLAB_SECTION, ...plan.lines] : plan.lines;
  let updated = updateCodeowners(existing, block);
  if (existing === '') updated = withLineEnding(updated, lineEndingFor(root, path));
  if (updated === existing) return { ...plan, changed: false };
  await writeFile(root, path, updated);
  return { ...plan, changed: true };
}

/** What `validate` says about the CODEOWNERS places: a link or a special file at any of them is an error. */
export function codeownersPathProblems(root: string): Problem[] {
  const problems: Problem[] = [];
  for (const rel of CANDIDATES) {
    try {
      checkPath(root, join(root, rel));
    } catch (error) {
      if (!(error instanceof UnsafePathError)) throw error;
      if (!problems.some((p) => p.file === error.rel))
        problems.push({ file: error.rel, line: 1, col: 1, message: `refused: ${error.reason}`, severity: 'error' });
    }
  }
  return problems;
}
