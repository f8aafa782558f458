// A part of a total, as the health card, `mentoring health`, the Program Overview and
// `mentoring report` all show it. Browser-safe: nothing here imports anything.

/** `part` of `total`; `share` is null when there is nothing to count. */
export interface Ratio {
  part: number;
  total: number;
  share: number | null;
}

/** `part` of `total`, the share rounded to three decimals. */
export function ratio(part: number, total: number): Ratio {
  return { part, total, share: share(part, total) };
}

/** `part / total` rounded to three decimals; null when there is nothing to count. */
export function share(part: number, total: number): number | null {
  return total === 0 ? null : Math.round((part / total) * 1000) / 1000;
}
