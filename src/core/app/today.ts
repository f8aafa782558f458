// "Today" is the user's own calendar day, in the time zone of the machine they work on: an
// agenda prepared at 23:30 in Lisbon is for that evening, not for UTC's tomorrow. Both faces
// take every "today" from here, so the CLI and the sidebar agree on what is upcoming, due or
// overdue; a CI runner usually runs in UTC, so there it is UTC's day.
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
