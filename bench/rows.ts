// The bench's rows: a figure with its baseline and target, medians of alternating runs, the table.
import { performance } from 'node:perf_hooks';

export interface Row {
  size: string;
  measure: string;
  baseline: string;
  rawMs: number | null;
  oursMs: number;
  ratio: number | null;
  target: string;
  pass: boolean;
}

/** Runs baseline and ours alternately, so drift on a shared machine hits both alike. */
export async function paired(
  runs: number,
  raw: () => Promise<void>,
  ours: () => Promise<void>,
  /** Untimed, before each run of ours. */
  prepare?: () => void,
): Promise<{ raw: number; ours: number }> {
  const rawTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await raw();
    rawTimes.push(performance.now() - t);
    prepare?.();
    t = performance.now();
    await ours();
    ourTimes.push(performance.now() - t);
  }
  return { raw: median(rawTimes), ours: median(ourTimes) };
}

export function row(
  size: string,
  measure: string,
  baseline: string,
  times: { raw: number; ours: number },
  target: number | null,
): Row {
  const ratio = times.ours / times.raw;
  if (target === null) return { ...row(size, measure, baseline, times, Infinity), target: '-', pass: true };
  return {
    size,
    measure,
    baseline,
    rawMs: round(times.raw),
    oursMs: round(times.ours),
    ratio: Math.round(ratio * 100) / 100,
    target: `≤ ${target}×`,
    pass: ratio <= target,
  };
}

export function absolute(size: string, measure: string, ms: number, targetMs: number | null): Row {
  return {
    size,
    measure,
    baseline: '-',
    rawMs: null,
    oursMs: round(ms),
    ratio: null,
    target: targetMs === null ? '-' : `≤ ${targetMs} ms`,
    pass: targetMs === null || ms <= targetMs,
  };
}

export function printTable(rows: Row[]): void {
  console.log('');
  const header = ['size', 'measure', 'raw ms', 'ours ms', 'ratio', 'target', ''];
  const lines = rows.map((r) => [
    r.size,
    r.measure,
    r.rawMs === null ? '-' : String(r.rawMs),
    String(r.oursMs),
    r.ratio === null ? '-' : `${r.ratio}×`,
    r.target,
    r.target === '-' ? '' : r.pass ? 'ok' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const line of [header, ...lines])
    console.log(
      line.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '),
    );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
