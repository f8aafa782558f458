// The assignment that maximises the total score under the mentors' capacities: an integer
// program (one binary variable per admissible pair; each mentee at most once, each mentor at
// most their places) solved by HiGHS, compiled to WebAssembly (the `highs` package). The
// constraint matrix is that of a transportation problem, so the optimum is integral and found
// in milliseconds; HiGHS runs single-threaded and gives the same answer for the same model.

export interface Arc {
  mentee: string;
  mentor: string;
  /** Whole points, 0-100. */
  score: number;
}

type Highs = { solve(problem: string): { Status: string; Columns: Record<string, { Primal: number }> } };
let loading: Promise<Highs> | undefined;

async function highs(): Promise<Highs> {
  // Loaded on the first match only: activation and every other command stay light.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= (require('highs') as (options?: object) => Promise<Highs>)();
  return loading;
}

/** Indexes of `arcs` chosen: the largest total score, then (at equal totals) the most people matched. */
export async function bestAssignment(arcs: Arc[], places: ReadonlyMap<string, number>): Promise<number[]> {
  if (arcs.length === 0) return [];
  const mentees = [...new Set(arcs.map((arc) => arc.mentee))];
  const mentors = [...new Set(arcs.map((arc) => arc.mentor))];
  // Below one point in total: never trades a point of score for another match.
  const bonus = 1 / (2 * (mentees.length + 1));
  const terms = (pick: (arc: Arc) => boolean): string => wrap(arcs.flatMap((arc, i) => (pick(arc) ? [`x${i}`] : [])));
  const lines = ['Maximize', ` obj: ${wrap(arcs.map((arc, i) => `${arc.score + bonus} x${i}`))}`, 'Subject To'];
  mentees.forEach((mentee, i) => lines.push(` e${i}: ${terms((arc) => arc.mentee === mentee)} <= 1`));
  mentors.forEach((mentor, i) =>
    lines.push(` r${i}: ${terms((arc) => arc.mentor === mentor)} <= ${places.get(mentor) ?? 0}`),
  );
  lines.push('Binary', ...arcs.map((_, i) => ` x${i}`), 'End');
  const solution = (await highs()).solve(lines.join('\n'));
  if (solution.Status !== 'Optimal') throw new Error(`the matching solver stopped: ${solution.Status}`);
  return arcs.flatMap((_, i) => ((solution.Columns[`x${i}`]?.Primal ?? 0) > 0.5 ? [i] : []));
}

/** A sum over several lines: the LP format continues an expression on the next line. */
function wrap(terms: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push(terms.slice(i, i + 8).join(' + '));
  return lines.join('\n + ');
}
