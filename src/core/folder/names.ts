// Names that become paths or git arguments: handles, slugs, pair ids, dates in file names.
// Every path or git-argument builder goes through these checks, so a value such as
// `../../etc` or `--upload-pack=x` is refused with a clear message before it reaches the
// file system or git.

import { ISO_DATE, ISO_DATE_SOURCE, isIsoDate } from '../../shared/dates';
import { HANDLE_PATTERN, isHandle, MAX_NAME_LENGTH } from '../../shared/names';

export { HANDLE_PATTERN, isHandle, MAX_NAME_LENGTH };

export type NameKind = 'handle' | 'slug' | 'goal id' | 'pair id' | 'date';

export class UnsafeNameError extends Error {
  constructor(
    message: string,
    readonly value: unknown,
    readonly kind: NameKind,
  ) {
    super(message);
    this.name = 'UnsafeNameError';
  }
}

/** Slugs (goal ids, the tail of a feedback file name) follow the same rule as handles. */
export function isSlug(value: unknown): value is string {
  return isHandle(value);
}

/** Why `value` is not a safe name of this kind, in words a user understands; undefined when it is safe. */
export function nameProblem(value: unknown, kind: NameKind = 'handle'): string | undefined {
  if (kind === 'pair id') return pairIdProblem(value);
  if (kind === 'date') {
    if (isIsoDate(value)) return undefined;
    const shown = show(value);
    return typeof value === 'string' && ISO_DATE.test(value)
      ? `${shown} is not a real date`
      : `${shown} is not a date written YYYY-MM-DD`;
  }
  if (typeof value !== 'string') return `${kind} must be text, not ${value === null ? 'null' : typeof value}`;
  if (value.length <= MAX_NAME_LENGTH && HANDLE_PATTERN.test(value)) return undefined;
  const shown = show(value);
  const rule = `a ${kind} uses lower-case letters, digits and single hyphens (like "ana" or "ben-k")`;
  let why: string;
  if (value === '') why = 'is empty';
  else if (/[/\\]/.test(value) || value.includes('..')) why = 'contains a path separator or ".."';
  else if (value.startsWith('-')) why = 'starts with a hyphen, which git would read as an option';
  else if (value.length > MAX_NAME_LENGTH) why = `is longer than ${MAX_NAME_LENGTH} characters`;
  else if (/[A-Z]/.test(value)) why = 'has upper-case letters';
  else if (value.includes('--')) why = 'has a double hyphen';
  else if (value.endsWith('-')) why = 'ends with a hyphen';
  else why = 'has characters that are not allowed';
  return `${kind} ${shown} ${why}; ${rule}`;
}

/** Throws an UnsafeNameError unless `value` is a safe name of this kind. */
export function assertSafeName(value: unknown, kind: NameKind = 'handle'): asserts value is string {
  const problem = nameProblem(value, kind);
  if (problem !== undefined) throw new UnsafeNameError(problem, value, kind);
}

export interface PairId {
  mentee: string;
  mentor: string;
}

/** Splits a pair folder name `<mentee>--<mentor>`; throws an UnsafeNameError when it is not one. */
export function parsePairId(id: unknown): PairId {
  const problem = pairIdProblem(id);
  if (problem !== undefined) throw new UnsafeNameError(problem, id, 'pair id');
  const [mentee, mentor] = (id as string).split('--');
  return { mentee, mentor };
}

/** Like parsePairId, but undefined instead of an error. */
export function tryParsePairId(id: unknown): PairId | undefined {
  return pairIdProblem(id) === undefined ? parsePairId(id) : undefined;
}

/** `<mentee>--<mentor>`, after checking both handles. */
export function pairIdOf(mentee: string, mentor: string): string {
  assertSafeName(mentee, 'handle');
  assertSafeName(mentor, 'handle');
  return `${mentee}--${mentor}`;
}

function pairIdProblem(id: unknown): string | undefined {
  const rule = 'a pair id is <mentee>--<mentor>, two handles joined by a double hyphen (like "ana--ben")';
  if (typeof id !== 'string') return `pair id must be text; ${rule}`;
  const parts = id.split('--');
  if (parts.length !== 2) return `pair id ${show(id)} is not allowed; ${rule}`;
  for (const part of parts) {
    const problem = nameProblem(part, 'handle');
    if (problem !== undefined) return `pair id ${show(id)} is not allowed: ${problem}`;
  }
  if (parts[0] === parts[1])
    return `pair id ${show(id)} pairs ${parts[0]} with ${parts[0]}: a mentee and a mentor are two different people; rename the folder to <mentee>--<mentor>`;
  return undefined;
}

/** The file name of a session agenda: `<YYYY-MM-DD>.yaml`. */
export function sessionFileName(date: string): string {
  assertSafeName(date, 'date');
  return `${date}.yaml`;
}

/** The file name of a feedback request: `<YYYY-MM-DD>-<slug>.yaml`. */
export function feedbackFileName(date: string, slug: string): string {
  assertSafeName(date, 'date');
  assertSafeName(slug, 'slug');
  return `${date}-${slug}.yaml`;
}

const FEEDBACK_FILE_NAME = new RegExp(`^(${ISO_DATE_SOURCE})-(.+)\\.yaml$`);

/** Splits `<YYYY-MM-DD>-<slug>.yaml`; undefined when the name is not of that shape or the date is not real. */
export function parseFeedbackFileName(fileName: string): { date: string; slug: string } | undefined {
  const match = FEEDBACK_FILE_NAME.exec(fileName);
  if (!match || !isIsoDate(match[1]) || !isSlug(match[2])) return undefined;
  return { date: match[1], slug: match[2] };
}

/**
 * A short safe slug from free text: `"Retry policy (v2)!"` → `retry-policy-v2`. Accents are
 * dropped, anything else becomes single hyphens, and it is cut at a word boundary to at most
 * `maxLength` characters; `fallback` when nothing is left.
 */
export function slugify(text: string, maxLength = 40, fallback = 'request'): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) {
      if (slug === '') slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug === '' ? fallback : slug;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
