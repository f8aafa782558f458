// Weekly availability in UTC, to measure how many hours two people can meet. Windows are written
// `mon 09:00-17:00` in the person's own IANA time zone; without windows, working hours Monday
// to Friday 09:00-17:00 are assumed. The zone's offset is taken on a reference day (today), so a
// summer-time change moves the overlap as it moves the meetings.

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEK = 7 * 24 * 60;
const WINDOW = /^(mon|tue|wed|thu|fri|sat|sun)\s+([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;
const WORKING_HOURS = DAYS.slice(0, 5).map((day) => `${day} 09:00-17:00`);

type Interval = [number, number];

/** Offsets by zone and day: building a DateTimeFormat costs about a millisecond, and matching asks per pair. */
const offsets = new Map<string, number | undefined>();

/** Minutes east of UTC in `zone` on `day`; undefined for a zone Node does not know. */
export function zoneOffsetMinutes(zone: string, day: string): number | undefined {
  const key = `${zone}\0${day}`;
  if (!offsets.has(key)) {
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, readOffset(zone, day));
  }
  return offsets.get(key);
}

function readOffset(zone: string, day: string): number | undefined {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${day}T12:00:00Z`))
      .find((part) => part.type === 'timeZoneName')?.value;
    const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
    if (!match) return undefined;
    return match[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  } catch {
    return undefined;
  }
}

/** Whether every window is written as `mon 09:00-17:00`. */
export function isWindow(text: string): boolean {
  return WINDOW.test(text.trim().toLowerCase());
}

/** The week's windows in UTC minutes from Monday 00:00; undefined when the zone is unknown. */
export function weeklyUtc(zone: string | null, windows: string[] | null, day: string): Interval[] | undefined {
  const offset = zoneOffsetMinutes(zone ?? 'UTC', day);
  if (offset === undefined) return undefined;
  const intervals: Interval[] = [];
  for (const text of windows && windows.length > 0 ? windows : WORKING_HOURS) {
    const match = WINDOW.exec(text.trim().toLowerCase());
    if (!match) continue;
    const base = DAYS.indexOf(match[1]) * 1440 - offset;
    const from = base + Number(match[2]) * 60 + Number(match[3]);
    const to = base + Number(match[4]) * 60 + Number(match[5]);
    if (to <= from) continue;
    // Wrap into the week: a window can cross Monday 00:00 UTC either way.
    for (const shift of [-WEEK, 0, WEEK]) {
      const a = Math.max(0, from + shift);
      const b = Math.min(WEEK, to + shift);
      if (a < b) intervals.push([a, b]);
    }
  }
  return intervals;
}

/** Hours a week both are available (overlapping windows of one person are counted once). */
export function overlapHours(a: Interval[], b: Interval[]): number {
  const merged = (list: Interval[]): Interval[] => {
    const sorted = [...list].sort((x, y) => x[0] - y[0]);
    const out: Interval[] = [];
    for (const [from, to] of sorted) {
      const last = out[out.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else out.push([from, to]);
    }
    return out;
  };
  let minutes = 0;
  for (const [a0, a1] of merged(a))
    for (const [b0, b1] of merged(b)) minutes += Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
  return Math.round((minutes / 60) * 10) / 10;
}
