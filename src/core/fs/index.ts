// The only door to the file system for the mentoring folder, CODEOWNERS and any path a file names.
//
// Contract: a repository is untrusted input, its root is not. Every path is resolved component by
// component under the root with lstat and no component may be a symbolic link (refused, never
// followed, wherever it points), nor anything but a folder or a regular file (FIFOs, sockets and
// devices are refused); a path outside the root is refused before anything is touched. Files are
// opened with O_NOFOLLOW | O_NONBLOCK, checked with fstat before any byte is read, and read through
// the descriptor with a byte cap that counts the bytes actually read (a device or a growing file
// cannot get past it, whatever its size says). Writes are atomic: the bytes go to a new temporary
// file in the target's folder, are flushed (fsync) and only then take the target's name (rename, or
// link for a new file, which fails rather than replaces); any failure removes the temporary file
// and leaves the original untouched. Folders a write needs are made one component at a time with
// the same refusals. Refusals are `UnsafePathError`s naming the offending path relative to the
// root, which callers report at `path:1:1`. What is left: a path swapped for a link between the
// check and the use (a race with a local attacker, not something a clone or a pull can carry).
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { chmod, lstat, mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from './atomicWrite';

/** A path the module will not touch: a link, a FIFO or device, a file where a folder belongs, or outside the root. */
export class UnsafePathError extends Error {
  constructor(
    /** The offending path, relative to the root with '/'. */
    readonly rel: string,
    /** Why, as a sentence fragment that follows the path. */
    readonly reason: string,
  ) {
    super(`${rel}:1:1: refused: ${reason}`);
    this.name = 'UnsafePathError';
  }
}

/** A file over the byte cap; `size` is what fstat said when that was already over, else undefined. */
export class FileTooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly size?: number,
  ) {
    super(`file is over the ${limit} byte limit`);
    this.name = 'FileTooLargeError';
  }
}

export type PathKind = 'file' | 'dir' | 'missing';

/** Folders already checked during one pass (a folder load): each is lstat'ed once, not once per file. */
export type CheckedFolders = Set<string>;

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = constants.O_NONBLOCK ?? 0;

/**
 * What `abs` is, after checking every component from `root` down to it: refuses links, special
 * files and a file where a folder is expected; 'missing' when a component does not exist.
 */
export function checkPath(root: string, abs: string, checked?: CheckedFolders): PathKind {
  const base = resolve(root);
  const target = resolve(base, abs);
  const parts = insideParts(base, target);
  let current = base;
  for (let i = 0; i < parts.length; i++) {
    current = join(current, parts[i]);
    if (checked?.has(current)) continue;
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      if (isMissing(error)) return 'missing';
      throw error;
    }
    const last = i === parts.length - 1;
    if (stats.isDirectory()) {
      checked?.add(current);
      continue;
    }
    if (stats.isSymbolicLink()) throw refusal(base, current, LINK_REASON);
    if (!stats.isFile()) throw refusal(base, current, specialReason(stats));
    if (last) return 'file';
    throw refusal(base, current, 'is a file where a folder is expected');
  }
  return 'dir';
}

/**
 * The bytes of a regular file under `root`, at most `maxBytes` of them (FileTooLargeError past
 * that). ENOENT and EISDIR pass through as the errors they are.
 */
export function readBytes(root: string, abs: string, maxBytes: number, checked?: CheckedFolders): Buffer {
  const base = resolve(root);
  const target = resolve(base, abs);
  checkPath(base, dirname(target), checked);
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | NO_FOLLOW | NON_BLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // O_NOFOLLOW on a link: ELOOP on Linux and macOS, EMLINK on FreeBSD.
    if (code === 'ELOOP' || code === 'EMLINK') throw refusal(base, target, LINK_REASON);
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: ${target}`), { code: 'EISDIR' });
    if (!stats.isFile()) throw refusal(base, target, specialReason(stats));
    if (stats.size > maxBytes) throw new FileTooLargeError(maxBytes, stats.size);
    return readCapped(fd, maxBytes, stats.size);
  } finally {
    closeSync(fd);
  }
}

/** readBytes as UTF-8 text (invalid bytes replaced); for files that are not YAML, such as CODEOWNERS. */
export function readText(root: string, abs: string, maxBytes: number): string {
  return readBytes(root, abs, maxBytes).toString('utf8');
}

/** The entries of a folder under `root`; undefined when it does not exist. A folder that cannot be read throws. */
export function listFolder(root: string, abs: string, checked?: CheckedFolders): Dirent[] | undefined {
  const kind = checkPath(root, abs, checked);
  if (kind === 'missing') return undefined;
  if (kind === 'file') throw refusal(resolve(root), resolve(root, abs), 'is a file where a folder is expected');
  return readdirSync(abs, { withFileTypes: true });
}

/** Makes the folder `abs` and its missing parents under `root`, one component at a time, refusing links on the way. */
export async function makeFolder(root: string, abs: string): Promise<void> {
  const base = resolve(root);
  let current = base;
  for (const part of insideParts(base, resolve(base, abs))) {
    current = join(current, part);
    await mkdir(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    const stats = await lstat(current);
    if (stats.isSymbolicLink()) throw refusal(base, current, LINK_REASON);
    if (!stats.isDirectory()) throw refusal(base, current, 'is not a folder');
  }
}

/**
 * Writes `data` to `abs` under `root` atomically (see the contract above), making missing folders.
 * With `exclusive`, a file already there is an EEXIST error and stays as it was. `mode`: the
 * file's permissions from its first byte (0600 for a secret); without it a replaced file keeps its own.
 */
export async function writeFile(
  root: string,
  abs: string,
  data: string | Buffer,
  options: { exclusive?: boolean; mode?: number } = {},
): Promise<void> {
  const base = resolve(root);
  const target = resolve(base, abs);
  await makeFolder(base, dirname(target));
  const kind = checkPath(base, target);
  if (kind === 'dir') throw refusal(base, target, 'is a folder where a file is expected');
  if (kind === 'file' && options.exclusive)
    throw Object.assign(new Error(`EEXIST: file already exists, ${target}`), { code: 'EEXIST' });
  // A replaced file keeps its permissions (an executable bit, a read-only group).
  const mode = options.mode ?? (kind === 'file' ? lstatSync(target).mode & 0o7777 : undefined);
  await writeFileAtomic(target, data, {
    mode: options.mode,
    exclusive: options.exclusive || kind === 'missing',
    prepare: mode === undefined ? undefined : (temp) => chmod(temp, mode),
  });
}

export type LineEnding = '\n' | '\r\n';

/**
 * The line ending a new file at `abs` should use: that of the files beside it, else of the
 * nearest folder above (up to `root`) whose files have line breaks; '\n' when none do.
 */
export function lineEndingFor(root: string, abs: string): LineEnding {
  const base = resolve(root);
  for (let dir = dirname(resolve(base, abs)); insideOrSame(base, dir); dir = dirname(dir)) {
    const found = lineEndingIn(base, dir, resolve(base, abs));
    if (found) return found;
    if (dir === base) break;
  }
  return '\n';
}

/** `text` with every line break as `eol`. */
export function withLineEnding(text: string, eol: LineEnding): string {
  return text.replace(/\r?\n/g, eol);
}

const LINK_REASON =
  'is a symbolic link; links are not followed: mentoring files, their folders and CODEOWNERS must be real files and folders inside the repository';
const SAMPLE_BYTES = 8 * 1024;
const SAMPLE_FILES = 8;

function lineEndingIn(base: string, dir: string, except: string): LineEnding | undefined {
  let entries: Dirent[] | undefined;
  try {
    entries = listFolder(base, dir);
  } catch {
    return undefined;
  }
  let sampled = 0;
  for (const entry of entries ?? []) {
    if (!entry.isFile() || join(dir, entry.name) === except) continue;
    if (sampled++ >= SAMPLE_FILES) break;
    let text: string;
    try {
      text = sample(base, join(dir, entry.name));
    } catch {
      continue;
    }
    const lf = text.indexOf('\n');
    if (lf !== -1) return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
  }
  return undefined;
}

function sample(base: string, abs: string): string {
  checkPath(base, dirname(abs));
  const fd = openSync(abs, constants.O_RDONLY | NO_FOLLOW | NON_BLOCK);
  try {
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, SAMPLE_BYTES, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Reads until end of file, failing as soon as more than `maxBytes` came: the count, not fstat, is the cap. */
function readCapped(fd: number, maxBytes: number, sizeHint: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(maxBytes, sizeHint) + 1);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total > maxBytes) throw new FileTooLargeError(maxBytes);
      const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(bigger, 0, 0, total);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, total, buffer.length - total, null);
    if (read === 0) break;
    total += read;
  }
  if (total > maxBytes) throw new FileTooLargeError(maxBytes);
  return buffer.subarray(0, total);
}

/** The components of `target` below `base`; refuses a target outside it. */
function insideParts(base: string, target: string): string[] {
  if (!insideOrSame(base, target)) throw new UnsafePathError(target, 'is outside the repository');
  const rel = relative(base, target);
  return rel === '' ? [] : rel.split(sep);
}

function insideOrSame(base: string, target: string): boolean {
  const rel = relative(base, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function refusal(base: string, abs: string, reason: string): UnsafePathError {
  return new UnsafePathError(relative(base, abs).split(sep).join('/'), reason);
}

function specialReason(stats: Stats): string {
  const what = stats.isFIFO()
    ? 'a FIFO (named pipe)'
    : stats.isSocket()
      ? 'a socket'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : 'not a regular file';
  return `is ${what}; only regular files and folders are read`;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
