// Where the files of the mentoring folder live. Every builder checks the names it joins
// (see names.ts), so a path built here stays inside the mentoring folder.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { assertSafeName, feedbackFileName, parsePairId, sessionFileName } from './names';

export const DEFAULT_FOLDER = '.mentoring';
export const PRIVATE_FOLDER = '.private';

export class FolderOutsideRootError extends Error {
  constructor(folder: string) {
    super(`mentoring folder "${folder}" must be a folder inside the workspace, given relative to it`);
    this.name = 'FolderOutsideRootError';
  }
}

/**
 * The folder as the `mentoring.folder` setting or the CLI's `--folder` gives it, the way both
 * pass it on: trimmed, '/' between parts, no trailing '/'; blank means the default. Whether it
 * stays inside the root is for `resolveMentoringFolder` to say.
 */
export function normalizeFolderSetting(value: string | undefined): string {
  const folder = (value ?? '').trim().replace(/\\/g, '/');
  if (folder === '') return DEFAULT_FOLDER;
  return folder.replace(/(.)\/+$/, '$1');
}

/** The absolute mentoring folder for a root; refuses absolute folders and ones that climb out of the root. */
export function resolveMentoringFolder(root: string, folder: string = DEFAULT_FOLDER): string {
  if (folder === '' || isAbsolute(folder) || /^[a-zA-Z]:/.test(folder)) throw new FolderOutsideRootError(folder);
  const absRoot = resolve(root);
  const abs = resolve(absRoot, folder);
  if (!isInside(absRoot, abs) || abs === absRoot) throw new FolderOutsideRootError(folder);
  return abs;
}

/** True when `child` is `parent` or inside it (both absolute). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The absolute path of a root-relative path, or undefined when it would leave `within`. */
export function resolveInside(root: string, rel: string, within: string): string | undefined {
  if (isAbsolute(rel) || rel.includes('\0')) return undefined;
  const abs = resolve(root, rel);
  return isInside(within, abs) && abs !== within ? abs : undefined;
}

/** `abs` relative to `root`, with '/' on every platform. */
export function toRel(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

export function personPath(folder: string, handle: string): string {
  assertSafeName(handle, 'handle');
  return join(folder, 'people', `${handle}.yaml`);
}

export function pairsDir(folder: string): string {
  return join(folder, 'pairs');
}

export function pairDir(folder: string, pairId: string): string {
  parsePairId(pairId);
  return join(folder, 'pairs', pairId);
}

export function planPath(folder: string, pairId: string): string {
  return join(pairDir(folder, pairId), 'plan.yaml');
}

export function sessionPath(folder: string, pairId: string, date: string): string {
  return join(pairDir(folder, pairId), 'sessions', sessionFileName(date));
}

/** My private notes about a pair: `.private/<pair>/notes.md` (never committed). */
export function privateNotesPath(folder: string, pairId: string): string {
  parsePairId(pairId);
  return join(folder, PRIVATE_FOLDER, pairId, 'notes.md');
}

/** My private notes about one session: `.private/<pair>/sessions/<YYYY-MM-DD>.md`. */
export function privateSessionNotesPath(folder: string, pairId: string, date: string): string {
  parsePairId(pairId);
  assertSafeName(date, 'date');
  return join(folder, PRIVATE_FOLDER, pairId, 'sessions', `${date}.md`);
}

export function feedbackPath(folder: string, pairId: string, date: string, slug: string): string {
  return join(pairDir(folder, pairId), 'feedback', feedbackFileName(date, slug));
}
