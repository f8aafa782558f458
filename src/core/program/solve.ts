// The assignment that maximises the total score under the mentors' capacities: an integer
// program (one 0/1 variable per admissible pair; each mentee at most once, each mentor at most
// their places) solved by HiGHS, compiled to WebAssembly (the `highs` package). Its constraint
// matrix is that of a transportation problem (totally unimodular), so the simplex method's
// optimal vertex is integral: solved as a linear program, which is many times faster than
// branch and bound. HiGHS runs single-threaded and gives the same answer for the same model.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface Arc {
  mentee: string;
  mentor: string;
  /** Whole points, 0-100. */
  score: number;
}

type Highs = {
  solve(
    problem: string,
    options?: { solver?: 'simplex' },
  ): { Status: string; Columns: Record<string, { Primal: number }> };
};
let loading: Promise<Highs> | undefined;

async function highs(): Promise<Highs> {
  // Loaded on the first match only: activation and every other command stay light. The bundles
  // find highs.wasm beside them (the build copies it); anywhere else it comes from the package.
  // (createRequire: a plain require.resolve would make the CLI's bundler want highs left outside.)
  const locateFile = (file: string): string =>
    existsSync(join(__dirname, file))
      ? join(__dirname, file)
      : join(dirname(createRequire(__filename).resolve('highs')), file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= (require('highs') as (options?: object) => Promise<Highs>)({ locateFile });
  return loading;
}

/** Indexes of `arcs` chosen: the largest total score, then (at equal totals) the most people matched. */
export async function bestAssignment(arcs: Arc[], places: ReadonlyMap<string, number>): Promise<number[]> {
  if (arcs.length === 0) return [];
  const byMentee = new Map<string, string[]>();
  const byMentor = new Map<string, string[]>();
  arcs.forEach((arc, i) => {
    if (!byMentee.has(arc.mentee)) byMentee.set(arc.mentee, []);
    if (!byMentor.has(arc.mentor)) byMentor.set(arc.mentor, []);
    byMentee.get(arc.mentee)?.push(`x${i}`);
    byMentor.get(arc.mentor)?.push(`x${i}`);
  });
  // Below one point in total: never trades a point of score for another match.
  const bonus = 1 / (2 * (byMentee.size + 1));
  const lines = ['Maximize', ` obj: ${wrap(arcs.map((arc, i) => `${arc.score + bonus} x${i}`))}`, 'Subject To'];
  [...byMentee.values()].forEach((vars, i) => lines.push(` e${i}: ${wrap(vars)} <= 1`));
  [...byMentor.entries()].forEach(([mentor, vars], i) =>
    lines.push(` r${i}: ${wrap(vars)} <= ${places.get(mentor) ?? 0}`),
  );
  // No integrality needed: each row caps a 0/1 choice, so simplex's optimal vertex is already whole.
  lines.push('End');
  const solution = (await highs()).solve(lines.join('\n'), { solver: 'simplex' });
  if (solution.Status !== 'Optimal') throw new Error(`the matching solver stopped: ${solution.Status}`);
  const chosen = arcs.flatMap((_, i) => ((solution.Columns[`x${i}`]?.Primal ?? 0) > 0.5 ? [i] : []));
  for (let i = 0; i < arcs.length; i++) {
    const value = solution.Columns[`x${i}`]?.Primal ?? 0;
    if (Math.abs(value - Math.round(value)) > 1e-6) throw new Error(`the matching solver gave a fraction (${value})`);
  }
  return chosen;
}

/** A sum over several lines: the LP format continues an expression on the next line. */
function wrap(terms: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push(terms.slice(i, i + 8).join(' + '));
  return lines.join('\n + ');
}
