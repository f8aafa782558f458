// The one place that runs git. Fixed argument lists, `--` before paths, no shell, a timeout,
// no terminal prompts; read-only calls also switch off programs a repository can configure
// (fsmonitor, pager, hooks), so opening a cloned repository never runs its code.
import { spawn } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';

export const TIMEOUT_MS = 30_000;

/**
 * simple-git refuses `-c core.fsmonitor=…`, `core.pager` and `core.hooksPath` overrides unless
 * opted in, because a caller could smuggle a program path through them. Ours are fixed constants
 * that switch those programs *off*, so the opt-in is given for exactly these three and only on
 * read-only calls.
 */
const READ_ONLY_CONFIG = ['core.fsmonitor=false', 'core.pager=cat', 'core.hooksPath=/dev/null'];
const READ_ONLY_UNSAFE = { allowUnsafeFsMonitor: true, allowUnsafePager: true, allowUnsafeHooksPath: true };

export class GitError extends Error {}

function gitFor(root: string, mode: 'read' | 'write' = 'read'): SimpleGit {
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

/**
 * Paths under `pathspec`, relative to the repository root, whose working-tree version is not the
 * one HEAD has: modified, staged, untracked or ignored. A file under `pathspec` that exists and is
 * not listed has nothing to commit. One `git status` call, about as cheap as `ls-files`.
 */
export async function uncommittedPaths(root: string, pathspec: string): Promise<string[]> {
  const out = await runGit(root, [
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    '--ignored=matching',
    '--no-renames',
    '--',
    pathspec,
  ]);
  // Each entry is "XY path"; without renames there is never a second path.
  return out
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
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
