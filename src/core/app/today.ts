// "Today" is the user's own calendar day, in the time zone of the machine they work on: an
// agenda prepared at 23:30 in Lisbon is for that evening, not for UTC's tomorrow. Both faces
// take every "today" from here, so the CLI and the sidebar agree on what is upcoming, due or
// overdue; a CI runner usually runs in UTC, so there it is UTC's day.
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The calendar day in `timeZone` (an IANA name from a person's file) at `now`: a CI job at 23:30
 * UTC reminds someone in Tokyo of their tomorrow. An unknown or missing zone falls back to the
 * machine's day (`localToday`).
 */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  if (timeZone === undefined) return localToday(now);
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      now,
    );
  } catch {
    return localToday(now);
  }
}
