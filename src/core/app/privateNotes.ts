// My private notes: per pair `.private/<pair>/notes.md` and per session
// `.private/<pair>/sessions/<YYYY-MM-DD>.md` under the mentoring folder, plain Markdown, on this
// machine only. Git never sees them: the mentoring folder's `.gitignore` lists `.private/` (what
// `init` writes, ensured again before every write here) and `.private/.gitignore` ignores
// everything beside it, so the notes stay out of git even in a clone whose mentoring
// `.gitignore` was never committed. No operation stages them: every commit is built from explicit
// paths (git/plumbing.ts), and sharing skips `.private/` by name (shareChanges.ts).
import { join } from 'node:path';
import { checkPath, FileTooLargeError, lineEndingFor, listFolder, readText, withLineEnding, writeFile } from '../fs';
import { parsePairId } from '../folder/names';
import { PRIVATE_FOLDER, privateNotesPath, privateSessionNotesPath, toRel } from '../folder/paths';
import { isIsoDate } from '../../shared/dates';

/** The mentoring folder's `.gitignore`, as `init` writes it. */
export const MENTORING_GITIGNORE = '# Personal notes stay on your machine.\n.private/\n';
/** `.private/.gitignore`: ignores the folder's whole content, itself included. */
const PRIVATE_GITIGNORE = '# Private notes: never committed (see ../.gitignore).\n*\n';
const MAX_PRIVATE_NOTE_BYTES = 1024 * 1024;
const MAX_GITIGNORE_BYTES = 256 * 1024;

export interface PrivateNotes {
  /** The pair's notes file, relative to `root`, with '/'. */
  file: string;
  /** What `.private/<pair>/notes.md` holds ('' when there is none). */
  notes: string;
  /** One entry per session notes file, newest first. */
  sessions: { date: string; file: string; text: string }[];
}

/** Where a note goes: the pair's notes, or one session's (a YYYY-MM-DD date). */
export interface PrivateNoteTarget {
  pairId: string;
  date?: string;
}

/** The absolute path of a pair's or a session's notes file; refuses a bad pair id or date. */
export function privateNotePath(folder: string, target: PrivateNoteTarget): string {
  if (target.date === undefined) return privateNotesPath(folder, target.pairId);
  if (!isIsoDate(target.date)) throw new Error(`"${target.date}" is not a date (YYYY-MM-DD)`);
  return privateSessionNotesPath(folder, target.pairId, target.date);
}

/** My notes about a pair and its sessions, read through the fs door; nothing written. */
export function readPrivateNotes(root: string, folder: string, pairId: string): PrivateNotes {
  parsePairId(pairId);
  const notesFile = privateNotesPath(folder, pairId);
  const sessionsDir = join(folder, PRIVATE_FOLDER, pairId, 'sessions');
  const sessions: PrivateNotes['sessions'] = [];
  for (const entry of listFolder(root, sessionsDir) ?? []) {
    const date = /^(\d{4}-\d{2}-\d{2})\.md$/.exec(entry.name)?.[1];
    if (!entry.isFile() || !date || !isIsoDate(date)) continue;
    const abs = join(sessionsDir, entry.name);
    sessions.push({ date, file: toRel(root, abs), text: readNote(root, abs) });
  }
  sessions.sort((a, b) => (a.date < b.date ? 1 : -1));
  return { file: toRel(root, notesFile), notes: readNote(root, notesFile), sessions };
}

/**
 * Writes my note (atomically, through the fs door) after making sure git ignores `.private/`.
 * Returns the file written, relative to `root`.
 */
export async function writePrivateNote(
  root: string,
  folder: string,
  target: PrivateNoteTarget,
  text: string,
): Promise<string> {
  const abs = privateNotePath(folder, target);
  await ensurePrivateIgnored(root, folder);
  await writeFile(root, abs, withLineEnding(text, lineEndingFor(root, abs)));
  return toRel(root, abs);
}

/**
 * The notes file, made empty when missing, so an editor can open it. Empty, not with a heading:
 * the sidebar shows the file's text as the note, and boilerplate would read as something I wrote.
 */
export async function ensurePrivateNoteFile(root: string, folder: string, target: PrivateNoteTarget): Promise<string> {
  const abs = privateNotePath(folder, target);
  await ensurePrivateIgnored(root, folder);
  if (checkPath(root, abs) === 'missing') await createOnce(root, abs, '');
  return abs;
}

/**
 * The mentoring folder's `.gitignore` lists `.private/` (added, keeping what else it says, when it
 * does not), and `.private/.gitignore` ignores everything in the folder.
 */
export async function ensurePrivateIgnored(root: string, folder: string): Promise<void> {
  const outer = join(folder, '.gitignore');
  if (checkPath(root, outer) === 'missing') {
    await createOnce(root, outer, withLineEnding(MENTORING_GITIGNORE, lineEndingFor(root, outer)));
  } else {
    const text = readText(root, outer, MAX_GITIGNORE_BYTES);
    if (!ignoresPrivate(text)) {
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const joiner = text === '' || text.endsWith('\n') ? '' : eol;
      await writeFile(root, outer, `${text}${joiner}${PRIVATE_FOLDER}/${eol}`);
    }
  }
  const inner = join(folder, PRIVATE_FOLDER, '.gitignore');
  if (checkPath(root, inner) === 'missing') await createOnce(root, inner, PRIVATE_GITIGNORE);
}

/** Writes a new file; one made meanwhile (another save at the same moment) is left as it is. */
async function createOnce(root: string, abs: string, text: string): Promise<void> {
  await writeFile(root, abs, text, { exclusive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

/** Whether a `.gitignore` in the mentoring folder has a line that ignores `.private/` (and no later line un-ignores it). */
export function ignoresPrivate(gitignore: string): boolean {
  let ignored = false;
  for (const raw of gitignore.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^\/?\.private\/?(\*\*?)?$/.test(line)) ignored = true;
    else if (/^!\/?\.private(\/.*)?$/.test(line)) ignored = false;
  }
  return ignored;
}

function readNote(root: string, abs: string): string {
  try {
    return readText(root, abs, MAX_PRIVATE_NOTE_BYTES).replace(/\r\n/g, '\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    if (error instanceof FileTooLargeError)
      throw new Error(`${toRel(root, abs)} is over ${MAX_PRIVATE_NOTE_BYTES} bytes: open it in the editor`);
    throw error;
  }
}
