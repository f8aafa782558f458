// `mentoring codeowners [--write]`: the CODEOWNERS block that asks each pair's mentor to review
// that pair's folder, in the file that the repository's host reads (GitHub or GitLab).
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MentoringModel } from '../folder/model';
import { writeFileAtomic } from '../fs/atomicWrite';
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

export interface CodeownersResult extends CodeownersTarget {
  lines: string[];
  /** Set by `writeCodeowners`: false when the file already held exactly these lines. */
  changed?: boolean;
}

/** Which file and which lines, without writing. Throws CodeownersError when a mentor has no usable handle. */
export async function planCodeowners(root: string, model: MentoringModel): Promise<CodeownersResult> {
  const candidates = [...new Set([...CODEOWNERS_LOCATIONS.github, ...CODEOWNERS_LOCATIONS.gitlab])];
  const existing = candidates.filter((rel) => existsSync(join(root, rel)));
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
  const existing = existsSync(path) ? await readFile(path, 'utf8') : '';
  // GitLab reads every line after a `[Section]` header as part of that section (with its
  // approval count), so on GitLab the block is a section of its own.
  const block = plan.host === 'gitlab' ? [GITLAB_SECTION, ...plan.lines] : plan.lines;
  const updated = updateCodeowners(existing, block);
  if (updated === existing) return { ...plan, changed: false };
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, updated);
  return { ...plan, changed: true };
}
