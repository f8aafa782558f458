// The building blocks of the runtime checks each area runs on what the webview sends. Strict:
// exact keys, names by the naming rules, bounded text without control characters, real dates,
// relative paths that stay inside. A message is untrusted input.
import { isIsoDate } from '../shared/dates';
import { COMMIT_ID, isHandle, isPairId } from '../shared/names';

export type Obj = Record<string, unknown>;
/** Checks one message (or part of one) whose `type` (or `op`) is already known. */
export type Check = (v: Obj) => boolean;

/** The most characters of text one message field carries. */
export const MAX_TEXT = 20_000;
const MAX_PATH = 1000;
/** C0 controls but tab, line feed and carriage return; DEL; C1 controls; bidirectional overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A plain object as JSON or structured clone makes one: no prototype tricks, no class instance. */
export const isObj = (v: unknown): v is Obj => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};
/**
 * Exactly these keys may appear (own, enumerable or not, symbols included): a message with an
 * unexpected field (`__proto__`, `constructor` among them) is refused, not half-read. Required
 * keys are checked by each field's own test, which refuses `undefined`.
 */
export const onlyKeys = (v: Obj, ...keys: string[]): boolean =>
  Reflect.ownKeys(v).every(
    (k) => typeof k === 'string' && keys.includes(k) && k !== '__proto__' && k !== 'constructor',
  );
/** Text of at most `max` characters with no control character (line breaks and tabs are text). */
export const isStr = (v: unknown, max = MAX_TEXT): v is string =>
  typeof v === 'string' && v.length <= max && !CONTROL.test(v);
/** Text with something besides spaces in it. */
export const isText = (v: unknown): v is string => isStr(v) && v.trim() !== '';
export const isOptStr = (v: unknown): boolean => v === undefined || isStr(v);
/** Absent, or '' (which clears an optional date), or a real date. */
export const isOptDate = (v: unknown): boolean => v === undefined || v === '' || isIsoDate(v);
export const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 10_000;
export const isRequestId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/**
 * A path relative to the workspace root, written with '/': not absolute (`/x`, `C:x`, `\\host`),
 * no `.`, `..` or empty segment, no backslash, no control character or line break, no leading
 * hyphen (git would read it as an option).
 */
export const isRel = (v: unknown): v is string =>
  typeof v === 'string' &&
  v !== '' &&
  v.length <= MAX_PATH &&
  !v.startsWith('-') &&
  !CONTROL_OR_BREAK.test(v) &&
  !v.includes('\\') &&
  !/^[A-Za-z]:/.test(v) &&
  v.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
/** A person's handle, by the naming rules. */
export const isHandleName = (v: unknown): v is string => isHandle(v);
/** A goal id (a slug: the same rule as a handle). */
export const isGoalId = (v: unknown): v is string => isHandle(v);
/** `<mentee>--<mentor>`, two different valid handles. */
export const isPairIdName = (v: unknown): v is string => isPairId(v);
/** A commit id of a SHA-1 or a SHA-256 repository. */
export const isCommit = (v: unknown): v is string => typeof v === 'string' && COMMIT_ID.test(v);
