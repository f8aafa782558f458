// HEAD, the git folder and the top level read from the repository's own files instead of a
// `git rev-parse` process (one process start is 3 ms on a quiet machine and tens under load; a
// reopened timeline would otherwise spend most of its time there). Only the plain layouts are
// read: a `.git` folder, or a `.git` file pointing at a linked worktree's folder; loose refs and
// `packed-refs`. Anything else (GIT_* variables, links, a shallow, bare or reftable repository,
// a configured `core.worktree`, a symbolic ref chain, an unborn branch) answers undefined, and
// the caller asks git.
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';

export interface HeadFromFiles {
  gitDir: string;
  toplevel: string;
  head: string;
}

const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_INDEX_FILE'];

/** What `git rev-parse --absolute-git-dir --show-toplevel HEAD` prints, read from files; undefined when unsure. */
export function headFromFiles(root: string, env: NodeJS.ProcessEnv = process.env): HeadFromFiles | undefined {
  if (ENV.some((name) => env[name] !== undefined)) return undefined;
  try {
    let dir = realpathSync(root);
    for (;;) {
      if (dir.split(/[\\/]/).includes('.git')) return undefined; // inside a git folder: git's rules
      const dotGit = join(dir, '.git');
      const kind = kindOf(dotGit);
      if (kind === 'dir') return fromGitDir(dotGit, dir);
      if (kind === 'file') {
        const line = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
        if (!line) return undefined;
        const target = isAbsolute(line) ? line : resolve(dir, line);
        return kindOf(target) === 'dir' ? fromGitDir(realpathSync(target), dir) : undefined;
      }
      if (kind !== 'missing') return undefined;
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  } catch {
    return undefined;
  }
}

function fromGitDir(gitDir: string, toplevel: string): HeadFromFiles | undefined {
  const commonFile = join(gitDir, 'commondir');
  const common = kindOf(commonFile) === 'file' ? resolve(gitDir, readFileSync(commonFile, 'utf8').trim()) : gitDir;
  if (kindOf(join(common, 'shallow')) !== 'missing') return undefined;
  const config = readIfFile(join(common, 'config')) ?? '';
  if (/^\s*(worktree|bare\s*=\s*true|refstorage)/im.test(config)) return undefined;
  if (gitDir !== common && kindOf(join(gitDir, 'config.worktree')) !== 'missing') return undefined;
  const headText = readIfFile(join(gitDir, 'HEAD'))?.trim();
  if (headText === undefined) return undefined;
  if (OBJECT_ID.test(headText)) return { gitDir, toplevel, head: headText };
  const ref = /^ref: (refs\/\S+)$/.exec(headText)?.[1];
  if (!ref || ref.split('/').includes('..')) return undefined;
  const head = resolveRef(gitDir, common, ref);
  return head ? { gitDir, toplevel, head } : undefined;
}

function resolveRef(gitDir: string, common: string, ref: string): string | undefined {
  const perWorktree = /^refs\/(bisect|worktree|rewritten)\//.test(ref);
  const loose = readIfFile(join(perWorktree ? gitDir : common, ref))?.trim();
  if (loose !== undefined) return OBJECT_ID.test(loose) ? loose : undefined;
  const packed = readIfFile(join(common, 'packed-refs'));
  if (!packed) return undefined;
  for (const line of packed.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && line.slice(space + 1).trimEnd() === ref) {
      const id = line.slice(0, space);
      return OBJECT_ID.test(id) ? id : undefined;
    }
  }
  return undefined;
}

/** 'file', 'dir', 'missing' or 'other' (a link or a special file), without following links. */
function kindOf(path: string): 'file' | 'dir' | 'missing' | 'other' {
  try {
    const stats = lstatSync(path);
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'dir' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

function readIfFile(path: string): string | undefined {
  const kind = kindOf(path);
  if (kind === 'missing') return undefined;
  if (kind !== 'file') throw new Error(`${path} is not a plain file`);
  return readFileSync(path, 'utf8');
}

/**
 * Whether `newer` goes back to `older` through commits of one parent each, at most `max` of
 * them, all read as loose objects from `gitDir` (what recent commits are until git packs them):
 * then the log of `older..newer` holds every change between the two, in order. Undefined when it
 * meets a merge, a root, a packed or unreadable commit, or goes past `max`: `isAncestor` tells.
 */
export function linearDescent(gitDir: string, older: string, newer: string, max = 256): true | undefined {
  const objects = objectsFolder(gitDir);
  let id = newer;
  for (let step = 0; step < max && id !== older; step++) {
    const object = objects && readLooseObject(objects, id, 'commit');
    if (!object) return undefined;
    const end = object.indexOf('\n\n');
    const header = object.toString('latin1', 0, end < 0 ? object.length : end);
    const parents = [...header.matchAll(/^parent ([0-9a-f]+)$/gm)].map((match) => match[1]);
    if (parents.length !== 1) return undefined;
    id = parents[0];
  }
  return id === older ? true : undefined;
}

/** The objects folder of a git folder (a linked worktree's is its common folder's); undefined when unsure. */
export function objectsFolder(gitDir: string): string | undefined {
  try {
    const commonFile = join(gitDir, 'commondir');
    const common = kindOf(commonFile) === 'file' ? resolve(gitDir, readFileSync(commonFile, 'utf8').trim()) : gitDir;
    return join(common, 'objects');
  } catch {
    return undefined;
  }
}

/** Loose objects larger than this are left to git (the mentoring files they could be are capped far lower). */
const MAX_LOOSE_BYTES = 8 * 1024 * 1024;

/**
 * The content of object `id` when it is a loose object of `type` in `objects` (a regular file,
 * its header's type and size agreeing with it); undefined otherwise: packed, missing, another
 * type, too large or unreadable. Recent commits and their files are loose until git packs them.
 */
export function readLooseObject(objects: string, id: string, type: 'blob' | 'commit'): Buffer | undefined {
  if (!OBJECT_ID.test(id)) return undefined;
  try {
    const path = join(objects, id.slice(0, 2), id.slice(2));
    if (kindOf(path) !== 'file') return undefined;
    const object = inflateSync(readFileSync(path), { maxOutputLength: MAX_LOOSE_BYTES });
    const nul = object.indexOf(0);
    const header = nul < 0 ? '' : object.toString('latin1', 0, nul);
    if (header !== `${type} ${object.length - nul - 1}`) return undefined;
    return object.subarray(nul + 1);
  } catch {
    return undefined;
  }
}
