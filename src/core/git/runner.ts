// The one place that starts git. Fixed argument lists, `--` before paths, no shell, a timeout,
// no terminal prompts, an allowlisted environment; read-only calls also switch off programs a
// repository can configure (fsmonitor, pager, hooks), so opening a cloned repository never runs
// its code. Everything else in this folder parses what git prints or builds operations on this.
import { spawn } from 'node:child_process';

export class GitError extends Error {
  constructor(
    message: string,
    /** git's exit code, when it ran and failed (merge-file counts conflicts in it). */
    readonly exitCode?: number,
    /** All of git's stderr (up to 4 KiB), when the first line is not enough (push and its remote's words). */
    readonly stderr?: string,
  ) {
    super(message);
  }
}

/** A short command's time limit. */
export const TIMEOUT_MS = 30_000;
/** A long history walk gets more time than one short command. */
const STREAM_TIMEOUT_MS = 5 * 60_000;

/**
 * `-c` overrides on every read-only call: they switch repository-configured programs *off*.
 * Writes (add, commit, push, checkout) keep the user's configuration: they are the user's own
 * actions, and commits are made with `--no-verify` anyway.
 */
const READ_ONLY_CONFIG = ['core.fsmonitor=false', 'core.pager=cat', 'core.hooksPath=/dev/null'];

export interface GitRunOptions {
  /** 'read' (default) switches off repository-configured programs; 'write' keeps the user's config. */
  mode?: 'read' | 'write';
  /** Written to git's stdin: all of it, or through a function that keeps the stream open. */
  input?: string | Buffer | ((stdin: NodeJS.WritableStream) => void);
  /** A throwaway index (`GIT_INDEX_FILE`) for plumbing that must not touch the real one. */
  indexFile?: string;
  timeoutMs?: number;
}

/**
 * Only what git needs to find itself, the user's config and an author identity: inherited
 * EDITOR, PAGER, ASKPASS or GIT_CONFIG_* variables could each start a program.
 */
function gitEnvironment(indexFile: string | undefined): Record<string, string> {
  const keep =
    /^(PATH|HOME|USER|LOGNAME|LANG|TMPDIR|TEMP|TMP|XDG_CONFIG_HOME|SYSTEMROOT|SSH_AUTH_SOCK|GIT_(AUTHOR|COMMITTER)_(NAME|EMAIL|DATE))$/i;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && keep.test(key)) env[key] = value;
  }
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    LC_ALL: 'C',
    ...(indexFile ? { GIT_INDEX_FILE: indexFile } : {}),
  };
}

/**
 * Runs git and hands its stdout to `onChunk` as it arrives, so a long `git log` is parsed and a
 * `cat-file --batch` fed while git is still working. Resolves when git exits with 0; any other
 * exit (or a timeout, 5 minutes unless given) rejects with a GitError made from stderr.
 */
export function streamGit(
  root: string,
  args: string[],
  onChunk: (chunk: Buffer) => void,
  options: GitRunOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? STREAM_TIMEOUT_MS;
  return new Promise((resolvePromise, rejectPromise) => {
    const configArgs = options.mode === 'write' ? [] : READ_ONLY_CONFIG.flatMap((setting) => ['-c', setting]);
    const child = spawn('git', [...configArgs, ...args], {
      cwd: root,
      env: gitEnvironment(options.indexFile),
      shell: false,
      windowsHide: true,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
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
      finish(new GitError(`git ${commandName(args)} took longer than ${timeoutMs / 1000} s and was stopped`));
    }, timeoutMs);
    child.on('error', (error) => finish(toGitError(error, args)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (!settled) onChunk(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('close', (code) => {
      if (code === 0) finish();
      else finish(toGitError(new Error(stderr || `exit code ${code}`), args, code ?? undefined, stderr));
    });
    if (options.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined); // git exiting early surfaces through 'close'
      if (typeof options.input === 'function') options.input(child.stdin);
      else child.stdin.end(options.input);
    }
  });
}

/** A short command's whole stdout as text (30 s unless given). */
export async function runGit(root: string, args: string[], options: GitRunOptions = {}): Promise<string> {
  const chunks: Buffer[] = [];
  await streamGit(root, args, (chunk) => chunks.push(chunk), {
    ...options,
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
  });
  return Buffer.concat(chunks).toString('utf8');
}

/** The subcommand, for messages: the first argument that is not an option. */
function commandName(args: string[]): string {
  return args.find((arg) => !arg.startsWith('-')) ?? args[0];
}

function toGitError(error: unknown, args: string[], exitCode?: number, stderr?: string): GitError {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOENT|spawn git/.test(message)) return new GitError('git was not found on PATH; install git to use this');
  if (/not a git repository/i.test(message)) return new GitError('this folder is not a git repository');
  const firstLine = message.split('\n').find((line) => line.trim() !== '') ?? message;
  return new GitError(`git ${commandName(args)} failed: ${firstLine.replace(/^fatal:\s*/, '')}`, exitCode, stderr);
}
