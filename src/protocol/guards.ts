// The building blocks of the runtime checks each area runs on what the webview sends. Strict:
// exact keys, bounded text, real dates. A message is untrusted input.
import { isIsoDate } from '../shared/dates';

export type Obj = Record<string, unknown>;
/** Checks one message (or part of one) whose `type` (or `op`) is already known. */
export type Check = (v: Obj) => boolean;

const MAX_TEXT = 20_000;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** No key besides `keys`: a message with an unexpected field is refused, not half-read. */
export const onlyKeys = (v: Obj, ...keys: string[]): boolean => Object.keys(v).every((k) => keys.includes(k));
export const isStr = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
/** Text with something besides spaces in it. */
export const isText = (v: unknown): v is string => isStr(v) && v.trim() !== '';
export const isOptStr = (v: unknown): boolean => v === undefined || isStr(v);
/** Absent, or '' (which clears an optional date), or a real date. */
export const isOptDate = (v: unknown): boolean => v === undefined || v === '' || isIsoDate(v);
export const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 10_000;
export const isRequestId = (v: unknown): v is number => Number.isSafeInteger(v);
/** A path relative to the workspace root. */
export const isRel = (v: unknown): v is string => isStr(v, 1000) && v !== '' && !v.includes('\0');
/** A pair id or a handle: the extension looks it up, so only its length is bounded here. */
export const isShort = (v: unknown): v is string => isStr(v, 200);
/** A goal id or a handle that must be there. */
export const isName = (v: unknown): v is string => isShort(v) && v !== '';
