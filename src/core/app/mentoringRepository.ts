// Where the mentoring folder lives when it has a repository of its own: the setting
// `mentoring.repository` names a clone of it (absolute, or starting with `~`), and the extension
// then reads, writes and shares there while the workspace holds the code. A path that is not a
// git clone is refused with a message that says what to set instead.
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { checkPath, UnsafePathError } from '../fs';

export type MentoringRepository =
  /** Not set: the mentoring folder is in the workspace's own repository. */
  { kind: 'workspace' } | { kind: 'clone'; root: string } | { kind: 'refused'; message: string };

/** What the setting `mentoring.repository` names; a clone is a folder with a `.git` folder (or a worktree's `.git` file). */
export function mentoringRepository(setting: string | undefined, home = homedir()): MentoringRepository {
  const value = setting?.trim() ?? '';
  if (value === '') return { kind: 'workspace' };
  const expanded = value === '~' ? home : /^~[/\\]/.test(value) ? join(home, value.slice(2)) : value;
  const refuse = (why: string): MentoringRepository => ({
    kind: 'refused',
    message: `the setting mentoring.repository "${value}" ${why}. Set it to the folder of a clone of the mentoring repository (an absolute path or one starting with ~), or clear it to keep mentoring in the workspace's repository.`,
  });
  if (!isAbsolute(expanded)) return refuse('is not an absolute path');
  const root = resolve(expanded);
  // The root is the user's own choice (it may lead through links, like /tmp on macOS); what is in it is checked.
  let git;
  try {
    git = checkPath(root, join(root, '.git'));
  } catch (error) {
    if (error instanceof UnsafePathError) return refuse(`is not a git clone: its .git ${error.reason}`);
    return refuse(`cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (git === 'missing') return refuse('is not a git clone: there is no .git in it, or the folder does not exist');
  return { kind: 'clone', root };
}
