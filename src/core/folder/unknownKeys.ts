// Unknown keys: the schemas say `additionalProperties: false` (with `x-…` keys allowed), so the
// editor's YAML support flags a typo such as `staus:`; Mentoring itself only warns, since a key it
// does not know is kept on every edit and breaks nothing. This module turns the schema
// validator's `additionalProperties` finding into that warning, with the nearest known key.
// It reads only the error's schema path and the schema JSON, so it works the same for
// validators compiled at run time or ahead of time.

/** The closest key is offered only within this many edits (insert, delete, change, swap). */
const MAX_DISTANCE = 2;

export interface UnknownKeyFinding {
  /** The unknown key itself. */
  key: string;
  /** A known key at the same place that it is probably a typo of. */
  suggestion?: string;
  message: string;
}

/**
 * The warning for one unknown key. `schemaPath` is the validator's path to the failed keyword
 * (`#/properties/goals/items/additionalProperties`); its parent names the keys allowed there.
 */
export function unknownKey(schema: object, schemaPath: string, key: string): UnknownKeyFinding {
  const known = Object.keys(propertiesAt(schema, schemaPath));
  const suggestion = nearestKey(key, known);
  const message = suggestion
    ? `unknown key \`${key}\`; did you mean \`${suggestion}\`?`
    : `unknown key \`${key}\` (Mentoring does not use it; start a team's own key with \`x-\`)`;
  return { key, suggestion, message };
}

/** The known key nearest to `key` (case and `-`/`_` ignored first, then edit distance), if any is near. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[-_ ]/g, '');
  const same = known.find((k) => fold(k) === fold(key));
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = Math.min(MAX_DISTANCE, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function propertiesAt(schema: object, schemaPath: string): Record<string, unknown> {
  const parts = schemaPath
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  parts.pop(); // the `additionalProperties` keyword itself
  let node: unknown = schema;
  for (const part of parts) {
    if (node === null || typeof node !== 'object') return {};
    node = (node as Record<string, unknown>)[part];
  }
  const properties = (node as { properties?: unknown } | undefined)?.properties;
  return properties && typeof properties === 'object' ? (properties as Record<string, unknown>) : {};
}

/** Optimal string alignment distance: insertions, deletions, changes and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, d[i - 2][j - 2] + 1);
      d[i][j] = value;
    }
  }
  return d[a.length][b.length];
}
