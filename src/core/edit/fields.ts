// Checks of the values an edit is given, shared by the plan, session and feedback edits.
import { isIsoDate } from '../../shared/dates';
import { EditError } from './errors';

export function checkDate(value: string, field: string): void {
  if (!isIsoDate(value)) throw new EditError(`${field} "${value}" is not a date (YYYY-MM-DD)`);
}

export function requireText(value: string | undefined, message: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new EditError(message);
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
