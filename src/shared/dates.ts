// Calendar dates as 'YYYY-MM-DD' strings, computed in UTC so no time zone shifts a day.

/** `YYYY-MM-DD` as a piece of a larger pattern (file names). It says nothing of whether the day exists. */
export const ISO_DATE_SOURCE = String.raw`\d{4}-\d{2}-\d{2}`;
/** Written `YYYY-MM-DD`, real or not (2026-02-30 matches): use `isIsoDate` to accept a date. */
export const ISO_DATE = new RegExp(`^${ISO_DATE_SOURCE}$`);

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === value;
}

export function addDays(isoDate: string, days: number): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`"${isoDate}" is not a date (YYYY-MM-DD)`);
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
