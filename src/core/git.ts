// The one place that runs git. Fixed argument lists, `--` before paths, no shell, a timeout,
// no terminal prompts; read-only calls also switch off programs a repository can configure
// (fsmonitor, pager, hooks), so opening a cloned repository never runs its code.
import { spawn } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';

const TIMEOUT_MS = 30_000;

/**
 * simple-git refuses `-c core.fsmonitor=…`, `core.pager` and `core.hooksPath` overrides unless
 * opted in, because a caller could smuggle a program path through them. Ours are fixed constants
 * that switch those programs *off*, so the opt-in is given for exactly these three and only on
 * read-only calls.
 */
const READ_ONLY_CONFIG = ['core.fsmonitor=false', 'core.pager=cat', 'core.hooksPath=/dev/null'];
const READ_ONLY_UNSAFE = { allowUnsafeFsMonitor: true, allowUnsafePager: true, allowUnsafeHooksPath: true };

export class GitError extends Error {}

export function gitFor(root: string, mode: 'read' | 'write' = 'read'): SimpleGit {
  const git = simpleGit({
    baseDir: root,
    timeout: { block: TIMEOUT_MS },
    maxConcurrentProcesses: 4,
    trimmed: false,
    ...(mode === 'read' ? { config: READ_ONLY_CONFIG, unsafe: READ_ONLY_UNSAFE } : {}),
  });
  return git.env(gitEnvironment());
}

/**
 * Only what git needs to find itself, the user's config and an author identity: inherited
 * EDITOR, PAGER, ASKPASS or GIT_CONFIG_* variables could each start a program.
 */
function gitEnvironment(): Record<string, string> {
  const keep =
    /^(PATH|HOME|USER|LOGNAME|LANG|TMPDIR|TEMP|TMP|XDG_CONFIG_HOME|SYSTEMROOT|SSH_AUTH_SOCK|GIT_(AUTHOR|COMMITTER)_(NAME|EMAIL|DATE))$/i;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && keep.test(key)) env[key] = value;
  }
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
}

/** Runs a fixed git argument list and returns stdout; turns git's failures into one clear error. */
export async function runGit(root: string, args: string[], mode: 'read' | 'write' = 'read'): Promise<string> {
  try {
    return await gitFor(root, mode).raw(args);
  } catch (error) {
    throw toGitError(error, args);
  }
}

export async function isGitRepo(root: string): Promise<boolean> {
  try {
    return (await runGit(root, ['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch (error) {
    if (error instanceof GitError && /not found on PATH/.test(error.message)) throw error;
    return false;
  }
}

export async function userEmail(root: string): Promise<string | undefined> {
  try {
    return (await runGit(root, ['config', '--get', 'user.email'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The full id of HEAD, or undefined in a repository without commits. */
export async function headCommit(root: string): Promise<string | undefined> {
  try {
    return (await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Tracked files under `pathspec`, relative to the repository root. */
export async function trackedFiles(root: string, pathspec: string): Promise<string[]> {
  const out = await runGit(root, ['ls-files', '-z', '--full-name', '--', pathspec]);
  return out.split('\0').filter(Boolean);
}

/** Commits exactly `paths` (relative to root), whatever else is staged or modified. */
export async function commitPaths(root: string, paths: string[], message: string): Promise<{ commit: string }> {
  if (paths.length === 0) throw new GitError('nothing to commit: no paths given');
  for (const path of paths) {
    if (path.startsWith('-') || path.includes('\0')) throw new GitError(`refusing the path "${path}"`);
  }
  await runGit(root, ['add', '--', ...paths], 'write');
  const staged = await runGit(root, ['diff', '--cached', '--name-only', '--', ...paths]);
  if (staged.trim() === '') throw new GitError(`nothing to commit: ${paths.join(', ')} has no changes`);
  await runGit(root, ['commit', '--only', '--no-verify', '-m', message, '--', ...paths], 'write');
  return { commit: (await headCommit(root)) ?? '' };
}

/**
 * Streams a read-only git command's stdout to `onChunk` as it arrives.
 *
 * This bypasses simple-git on purpose: simple-git buffers the whole output before resolving,
 * and the history walk wants to parse `git log` (tens of MB on a large repository) and feed
 * `cat-file --batch` while git is still walking. The same rules apply as for `runGit` reads:
 * a fixed argument list, no shell, the allowlisted environment, the `-c` overrides that switch
 * off repository-configured programs, and a timeout.
 */
export function streamGit(
  root: string,
  args: string[],
  onChunk: (chunk: Buffer) => void,
  options: { input?: (stdin: NodeJS.WritableStream) => void; timeoutMs?: number; indexFile?: string } = {},
): Promise<void> {
  return new Promise((resolvePromise, rejectPromise) => {
    const configArgs = READ_ONLY_CONFIG.flatMap((setting) => ['-c', setting]);
    const child = spawn('git', [...configArgs, ...args], {
      cwd: root,
      env: options.indexFile ? { ...gitEnvironment(), GIT_INDEX_FILE: options.indexFile } : gitEnvironment(),
      shell: false,
      windowsHide: true,
      stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let settled = false;
    const finish = (error?: GitError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) rejectPromise(error);
      else resolvePromise();
    };
    const timer = setTimeout(() => {
      child.kill();
      finish(
        new GitError(
          `git ${args.find((arg) => !arg.startsWith('-')) ?? args[0]} took longer than ${(options.timeoutMs ?? STREAM_TIMEOUT_MS) / 1000} s and was stopped`,
        ),
      );
    }, options.timeoutMs ?? STREAM_TIMEOUT_MS);
    child.on('error', (error) => finish(toGitError(error, args)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (!settled) onChunk(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('close', (code) => {
      if (code === 0) finish();
      else finish(toGitError(new Error(stderr || `exit code ${code}`), args));
    });
    if (options.input && child.stdin) {
      child.stdin.on('error', () => undefined); // git exiting early surfaces through 'close'
      options.input(child.stdin);
    }
  });
}

/** A short read-only command's stdout, through `streamGit` (a plain spawn: no simple-git overhead on hot paths). */
export async function readGit(root: string, args: string[]): Promise<string> {
  const chunks: Buffer[] = [];
  await streamGit(root, args, (chunk) => chunks.push(chunk), { timeoutMs: TIMEOUT_MS });
  return Buffer.concat(chunks).toString('utf8');
}

/** A long history walk gets more time than one short command. */
const STREAM_TIMEOUT_MS = 5 * 60_000;

function toGitError(error: unknown, args: string[]): GitError {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOENT|spawn git/.test(message)) return new GitError('git was not found on PATH; install git to use this');
  if (/not a git repository/i.test(message)) return new GitError('this folder is not a git repository');
  const firstLine = message.split('\n').find((line) => line.trim() !== '') ?? message;
  const command = args.find((arg) => !arg.startsWith('-')) ?? args[0];
  return new GitError(`git ${command} failed: ${firstLine.replace(/^fatal:\s*/, '')}`);
}

// ---- Review branches: revisions, trees, refs, a commit built off to the side, push ----

/**
 * A revision a user typed (`main`, `HEAD~2`, `origin/main`, a commit id). Refused when git
 * could read it as an option, or when it holds characters no revision name needs (spaces,
 * `:` which would name a path, control characters).
 */
export function assertRevision(rev: string): void {
  if (typeof rev !== 'string' || rev === '' || rev.length > 200)
    throw new GitError('a revision must be 1 to 200 characters');
  if (rev.startsWith('-'))
    throw new GitError(`refusing the revision "${rev}": it starts with "-", which git would read as an option`);
  if (!/^[A-Za-z0-9_./@{}~^+-]+$/.test(rev) || rev.includes('..')) {
    throw new GitError(`refusing the revision "${rev}": use a branch, tag or commit such as main, HEAD~1 or 1a2b3c4`);
  }
}

/** The commit a revision names (after assertRevision), or a GitError naming the revision. */
export async function resolveCommit(root: string, rev: string): Promise<string> {
  assertRevision(rev);
  const out = await readGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).catch(
    () => '',
  );
  const commit = out.trim();
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new GitError(`"${rev}" is not a commit in this repository`);
  return commit;
}

export interface TreeEntry {
  mode: string;
  type: string;
  id: string;
  /** Relative to the repository root, with '/'. */
  path: string;
}

/** Every file under `pathspec` in a commit's tree (recursively), paths relative to the repository root. */
export async function listTree(root: string, commit: string, pathspec: string): Promise<TreeEntry[]> {
  const out = await readGit(root, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', pathspec]);
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, id] = record.slice(0, tab).split(' ');
    entries.push({ mode, type, id, path: record.slice(tab + 1) });
  }
  return entries;
}

/**
 * The contents of several objects, named `<commit>:<path>` or by id, through one
 * `cat-file --batch`; undefined for one that does not exist or is not a blob. In request order.
 */
export async function readObjects(root: string, specs: string[]): Promise<(Buffer | undefined)[]> {
  if (specs.length === 0) return [];
  for (const spec of specs) {
    if (/[\n\r\0]/.test(spec) || spec.startsWith('-')) throw new GitError(`refusing the object name "${spec}"`);
  }
  const chunks: Buffer[] = [];
  await streamGit(root, ['cat-file', '--batch'], (chunk) => chunks.push(chunk), {
    timeoutMs: TIMEOUT_MS,
    input: (stdin) => stdin.end(specs.map((spec) => `${spec}\n`).join('')),
  });
  const out = Buffer.concat(chunks);
  const results: (Buffer | undefined)[] = [];
  let offset = 0;
  for (let i = 0; i < specs.length; i++) {
    const newline = out.indexOf(10, offset);
    if (newline === -1) break;
    const header = out.toString('utf8', offset, newline).split(' ');
    offset = newline + 1;
    if (header.length < 3 || header[1] === 'missing' || header[1] === 'ambiguous') {
      results.push(undefined);
      continue;
    }
    const size = Number(header[2]);
    results.push(header[1] === 'blob' ? out.subarray(offset, offset + size) : undefined);
    offset += size + 1;
  }
  while (results.length < specs.length) results.push(undefined);
  return results;
}

/** The best common ancestor of two commits (ids from resolveCommit). */
export async function mergeBase(root: string, a: string, b: string): Promise<string> {
  const commit = (await readGit(root, ['merge-base', '--end-of-options', a, b])).trim();
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new GitError('these revisions have no common history');
  return commit;
}

/** The checked-out branch's short name; undefined on a detached HEAD. */
export async function currentBranch(root: string): Promise<string | undefined> {
  const out = await readGit(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '');
  return out.trim() || undefined;
}

/** True when the full ref name (`refs/heads/x`) exists. */
export async function refExists(root: string, ref: string): Promise<boolean> {
  if (!ref.startsWith('refs/')) throw new GitError(`refusing the ref "${ref}"`);
  const out = await readGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', ref]).catch(() => '');
  return out.trim() !== '';
}

/** The remotes' names. */
export async function listRemotes(root: string): Promise<string[]> {
  return (await readGit(root, ['remote'])).split('\n').filter((name) => name !== '' && !name.startsWith('-'));
}

/** The remote to push review branches to: the current branch's upstream remote, else `origin`, else the only one. */
export async function pushRemote(root: string): Promise<string | undefined> {
  const remotes = await listRemotes(root);
  if (remotes.length === 0) return undefined;
  const branch = await currentBranch(root);
  if (branch) {
    const upstream = (await readGit(root, ['config', '--get', `branch.${branch}.remote`]).catch(() => '')).trim();
    if (remotes.includes(upstream)) return upstream;
  }
  return remotes.includes('origin') ? 'origin' : remotes[0];
}

/** A remote's fetch URL, as configured (`insteadOf` rewrites applied). */
export async function remoteUrl(root: string, remote: string): Promise<string | undefined> {
  if (!(await listRemotes(root)).includes(remote)) return undefined;
  return (await readGit(root, ['remote', 'get-url', remote]).catch(() => '')).trim() || undefined;
}

/**
 * The branch pull requests go into: the remote's HEAD (`origin/HEAD` after a clone), else
 * `init.defaultBranch`, `main`, `master` or `trunk`, whichever exists locally or on the remote.
 */
export async function defaultBranch(root: string, remote?: string): Promise<string | undefined> {
  if (remote) {
    const head = await readGit(root, ['symbolic-ref', '--quiet', '--short', `refs/remotes/${remote}/HEAD`]).catch(
      () => '',
    );
    if (head.trim().startsWith(`${remote}/`)) return head.trim().slice(remote.length + 1);
  }
  const configured = (await readGit(root, ['config', '--get', 'init.defaultBranch']).catch(() => '')).trim();
  for (const name of [configured, 'main', 'master', 'trunk']) {
    if (name === '' || name.startsWith('-')) continue;
    if (await refExists(root, `refs/heads/${name}`)) return name;
    if (remote && (await refExists(root, `refs/remotes/${remote}/${name}`))) return name;
  }
  return undefined;
}

export interface RefInfo {
  /** Full name: `refs/heads/mentoring/ana--ben/plan-2026-11-21`. */
  ref: string;
  commit: string;
  authorEmail: string;
  /** Author date, ISO 8601. */
  date: string;
}

/** Refs under the given prefixes, optionally only those not merged into `notMergedInto` (a commit). */
export async function listRefs(root: string, prefixes: string[], notMergedInto?: string): Promise<RefInfo[]> {
  for (const prefix of prefixes) if (!prefix.startsWith('refs/')) throw new GitError(`refusing the ref "${prefix}"`);
  const args = ['for-each-ref', '--format=%(refname)%00%(objectname)%00%(authoremail)%00%(authordate:iso-strict)'];
  if (notMergedInto) args.push(`--no-merged=${notMergedInto}`);
  const out = await readGit(root, [...args, '--', ...prefixes]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [ref, commit, email, date] = line.split('\0');
      return { ref, commit, authorEmail: email.replace(/^<|>$/g, ''), date };
    });
}

/** Runs a plumbing command (hash-object, update-index, write-tree, commit-tree) against `indexFile`. */
async function plumb(root: string, args: string[], indexFile: string, input?: string | Buffer): Promise<string> {
  const chunks: Buffer[] = [];
  await streamGit(root, args, (chunk) => chunks.push(chunk), {
    timeoutMs: TIMEOUT_MS,
    indexFile,
    ...(input === undefined ? {} : { input: (stdin: NodeJS.WritableStream) => stdin.end(input) }),
  });
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** What to put at a path in a commit: new content, or null to delete the file. */
export interface FileContent {
  path: string;
  content: string | Buffer | null;
}

/**
 * Makes a commit whose parent is `parent` and whose tree is the parent's with `files` replaced,
 * and points the new branch `refs/heads/<branch>` at it (refused if the branch exists).
 *
 * Why plumbing on a temporary index instead of `git checkout -b … && git commit`: switching
 * branches rewrites the working tree and the index, so a user's unrelated edits, staged hunks
 * or an editor's unsaved buffer could be carried along, conflict or be lost, and a failure
 * half-way would leave them on the wrong branch. `read-tree` into a throwaway `GIT_INDEX_FILE`,
 * `hash-object -w` + `update-index --index-info` for the changed files, `write-tree`,
 * `commit-tree` and `update-ref` build the same commit without reading or writing the working
 * tree, the real index or HEAD. (`git worktree add` would also isolate it, but checks out a
 * whole second copy of the repository to change one file.)
 */
export async function commitOffBranch(
  root: string,
  options: { parent: string; branch: string; files: FileContent[]; message: string; tempDir: string },
): Promise<{ commit: string; changed: boolean }> {
  const indexFile = `${options.tempDir}/index`;
  await plumb(root, ['read-tree', options.parent], indexFile);
  const lines: string[] = [];
  for (const file of options.files) {
    if (file.path.startsWith('-') || /[\n\r\t\0]/.test(file.path))
      throw new GitError(`refusing the path "${file.path}"`);
    if (file.content === null) {
      lines.push(`0 ${'0'.repeat(options.parent.length)}\t${file.path}`);
      continue;
    }
    const blob = await plumb(root, ['hash-object', '-w', '--stdin', `--path=${file.path}`], indexFile, file.content);
    lines.push(`100644 ${blob}\t${file.path}`);
  }
  await plumb(root, ['update-index', '--index-info'], indexFile, lines.join('\n') + '\n');
  const tree = await plumb(root, ['write-tree'], indexFile);
  const parentTree = await plumb(root, ['rev-parse', '--verify', `${options.parent}^{tree}`], indexFile);
  if (tree === parentTree) return { commit: options.parent, changed: false };
  const commit = await plumb(root, ['commit-tree', tree, '-p', options.parent, '-F', '-'], indexFile, options.message);
  // The empty old value makes update-ref refuse a branch that already exists.
  await plumb(
    root,
    ['update-ref', '-m', 'mentoring: review branch', `refs/heads/${options.branch}`, commit, ''],
    indexFile,
  );
  return { commit, changed: true };
}

/**
 * Pushes one branch and sets its upstream. No prompts (GIT_TERMINAL_PROMPT=0, no askpass
 * programs inherited); a remote that does not answer is given up on after the timeout.
 */
export async function pushBranch(root: string, remote: string, branch: string): Promise<void> {
  if (remote.startsWith('-') || branch.startsWith('-'))
    throw new GitError('refusing a remote or branch starting with "-"');
  await runGit(root, ['push', '-u', remote, `refs/heads/${branch}:refs/heads/${branch}`], 'write');
}
